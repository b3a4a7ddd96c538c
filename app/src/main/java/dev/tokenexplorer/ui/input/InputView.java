package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.ui.support.DisplayZone;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.PseudoClasses;
import dev.tokenexplorer.ui.verify.KeysView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;

/** The left pane: where text is pasted, what it was found to be, every source with what it holds, and the keys. */
public final class InputView extends VBox {

    private final InputViewModel model;
    private final TextArea pasteArea = new TextArea();
    private final TextArea sourceText = new TextArea();
    private final Button auditButton = new Button("Audit it on the Audit page", Icons.of(Feather.LIST));
    private final Button useAsKeys = new Button("Use to verify tokens", Icons.of(Feather.SHIELD));
    private final SourcesView sources;

    public InputView(InputViewModel model, DisplayZone zone, KeysView keysView) {
        super(8);
        this.model = model;
        getStyleClass().add("input-view");
        getStylesheets().add(Objects.requireNonNull(InputView.class.getResource("input.css")).toExternalForm());
        useAsKeys.setId("use-as-keys");
        useAsKeys.setTooltip(new Tooltip("Add the keys in the input to the keys that check signatures"));
        sources = new SourcesView(model, zone);
        // Shown for the key source selected (opened, dropped or pasted), or for a pasted key when nothing else is.
        useAsKeys.visibleProperty().bind(Bindings.createBooleanBinding(() -> keySource() != null,
                model.paste().reportProperty(), model.items(), sources.getSelectionModel().selectedItemProperty()));
        useAsKeys.managedProperty().bind(useAsKeys.visibleProperty());
        sources.setPrefHeight(160); // grows into whatever the paste area and keys panel leave
        sources.setMinHeight(90);
        VBox.setVgrow(sources, Priority.ALWAYS);
        Label sourcesLabel = new Label("Sources");
        sourcesLabel.getStyleClass().add("section-label");
        getChildren().addAll(createPasteArea(), createLargePasteNote(), createAuditOffer(), createError(), createSummary(), useAsKeys, sourcesLabel, sources, keysView);
    }

    public TextArea pasteArea() {
        return pasteArea;
    }

    /** What "Use to verify tokens" does with a source that holds keys (the button, and a key source's menu). */
    public void setOnUseAsKeys(java.util.function.Consumer<SourceItem> action) {
        useAsKeys.setOnAction(e -> {
            SourceItem source = keySource();
            if (source != null) {
                action.accept(source);
            }
        });
        sources.setOnUseAsKeys(action);
    }

    /** The selected source when it holds keys, else the pasted text when it does; null otherwise. */
    private SourceItem keySource() {
        var selected = sources.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getValue() != null && selected.getValue().source().holdsKeys()) {
            return selected.getValue().source();
        }
        return model.items().stream().filter(s -> s.id().equals(SourceItem.PASTE_ID) && s.holdsKeys()).findFirst().orElse(null);
    }

    private VBox createPasteArea() {
        Label label = new Label("Input");
        label.setId("input-label");
        label.getStyleClass().add("section-label");
        label.setMinWidth(0);
        label.textProperty().bind(Bindings.when(model.inputSourceProperty().isNull()).then("Input").otherwise("Input (read-only)"));
        // The source's name on a line of its own, cut in the middle if it must be: its start and its extension stay readable.
        Label name = new Label();
        name.setId("input-source-name");
        name.setGraphic(Icons.of(Feather.FILE_TEXT));
        name.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        name.setMinWidth(0);
        name.textProperty().bind(Bindings.createStringBinding(() -> model.inputSourceProperty().get() == null ? ""
                : Printable.escape(model.inputSourceProperty().get().label()), model.inputSourceProperty()));
        name.tooltipProperty().bind(Bindings.createObjectBinding(() -> model.inputSourceProperty().get() == null ? null
                : new Tooltip(String.valueOf(model.inputSourceProperty().get().path())), model.inputSourceProperty()));
        name.visibleProperty().bind(model.inputSourceProperty().isNotNull());
        name.managedProperty().bind(name.visibleProperty());
        Button edit = new Button("Paste instead", Icons.of(Feather.EDIT_3));
        edit.setId("edit-paste");
        edit.getStyleClass().addAll("small", "flat");
        edit.setTooltip(new Tooltip("Show the pasted text here, to edit it or paste something new (Ctrl+L)"));
        edit.setOnAction(e -> {
            model.editPaste();
            pasteArea.requestFocus();
        });
        edit.visibleProperty().bind(model.inputSourceProperty().isNotNull());
        edit.managedProperty().bind(edit.visibleProperty());
        edit.setMinWidth(Region.USE_PREF_SIZE); // never "Pa…": the label gives way instead
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(6, label, gap, edit);
        header.setAlignment(Pos.CENTER_LEFT);
        Label elsewhere = new Label();
        elsewhere.setId("input-elsewhere");
        elsewhere.getStyleClass().add("note");
        elsewhere.setWrapText(true);
        elsewhere.setMinHeight(Region.USE_PREF_SIZE);
        elsewhere.setGraphic(Icons.of(Feather.INFO));
        elsewhere.textProperty().bind(Bindings.createStringBinding(this::elsewhere,
                model.inputSourceProperty(), model.selection().sourceProperty()));
        elsewhere.visibleProperty().bind(elsewhere.textProperty().isNotEmpty());
        elsewhere.managedProperty().bind(elsewhere.visibleProperty());
        sourceText.setId("source-text");
        sourceText.getStyleClass().add("mono");
        sourceText.setWrapText(true);
        sourceText.setEditable(false);
        sourceText.setMinHeight(70);
        sourceText.setPrefRowCount(4);
        sourceText.textProperty().bind(Bindings.createStringBinding(() -> shownText(model.inputSourceProperty().get()), model.inputSourceProperty()));
        sourceText.visibleProperty().bind(model.inputSourceProperty().isNotNull());
        sourceText.managedProperty().bind(sourceText.visibleProperty());
        pasteArea.visibleProperty().bind(sourceText.visibleProperty().not());
        pasteArea.managedProperty().bind(pasteArea.visibleProperty());
        VBox.setVgrow(sourceText, Priority.SOMETIMES);
        pasteArea.setId("paste-area");
        pasteArea.getStyleClass().add("mono");
        pasteArea.setWrapText(true);
        pasteArea.setPrefRowCount(7);
        pasteArea.setMinHeight(70);
        pasteArea.setPromptText("Paste a token (raw, Bearer … or base64), a Secret or SecretList (YAML or JSON), "
                + "a kubeconfig, a JWKS, or a PEM key or certificate. Ctrl+V anywhere in the window pastes here.");
        pasteArea.textProperty().bindBidirectional(model.paste().inputTextProperty());
        pasteArea.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            // A huge paste goes around the editor (see MainViewModel.paste), so the window stays responsive.
            if (PASTE.match(event) && javafx.scene.input.Clipboard.getSystemClipboard().hasString()) {
                model.paste(javafx.scene.input.Clipboard.getSystemClipboard().getString());
                event.consume();
            }
        });
        pasteArea.setTooltip(new Tooltip("Decoded as you paste; nothing leaves this computer"));
        model.paste().reportProperty().addListener((obs, old, report) ->
                pasteArea.pseudoClassStateChanged(PseudoClasses.INVALID, report != null && report.error() != null));
        VBox.setVgrow(pasteArea, Priority.SOMETIMES);
        VBox box = new VBox(4, header, name, elsewhere, pasteArea, sourceText);
        VBox.setVgrow(box, Priority.SOMETIMES);
        return box;
    }

    /** A source's text as the Input box shows it: whole, unless too long to lay out, or why there is none. */
    private static String shownText(SourceItem source) {
        if (source == null) {
            return "";
        }
        if (source.text() == null) {
            return source.report().error() != null ? source.report().error() : "";
        }
        if (source.text().length() > PasteModel.MAX_EDITOR_CHARS) {
            return String.format(java.util.Locale.ROOT, "%s holds %.1f MB of text: too much to show here. Its entries are under Sources below.",
                    Printable.escape(source.label()), source.text().length() / (1024.0 * 1024.0));
        }
        return source.text();
    }

    /** While the box is the paste editor but the pane shows a file's token: says so. */
    private String elsewhere() {
        SourceItem shown = model.selection().sourceProperty().get();
        return model.inputSourceProperty().get() == null && shown != null && shown.isFile()
                ? "The pane on the right shows " + Printable.escape(shown.label()) + ", not the pasted text." : "";
    }

    private static final javafx.scene.input.KeyCombination PASTE =
            new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.V, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    private Label createLargePasteNote() {
        Label note = new Label();
        note.setId("large-paste");
        note.getStyleClass().add("large-paste");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.setGraphic(Icons.of(Feather.INFO));
        note.textProperty().bind(model.paste().largePasteProperty());
        note.visibleProperty().bind(model.paste().largePasteProperty().isNotNull());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    /** A dump too large for this page: core's sentence, and a button that audits it on the Audit page. */
    private VBox createAuditOffer() {
        Label message = new Label();
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setGraphic(Icons.of(Feather.INFO));
        message.textProperty().bind(Bindings.createStringBinding(() -> offer() == null ? "" : offer().message(),
                model.sources().auditOffer().offerProperty()));
        auditButton.setId("audit-offer");
        VBox box = new VBox(4, message, auditButton);
        box.getStyleClass().add("large-paste");
        box.visibleProperty().bind(model.sources().auditOffer().offerProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private AuditOffer.Offer offer() {
        return model.sources().auditOffer().offerProperty().get();
    }

    /** What "Audit it on the Audit page" does: show that page and take the offer there. */
    public void setOnAudit(Runnable action) {
        auditButton.setOnAction(e -> action.run());
    }

    private Label createError() {
        Label error = new Label();
        error.setId("input-error");
        error.getStyleClass().add("input-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setGraphic(Icons.of(Feather.ALERT_OCTAGON));
        error.textProperty().bind(model.paste().errorProperty());
        error.visibleProperty().bind(model.paste().errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private HBox createSummary() {
        Label summary = new Label();
        summary.setId("input-summary");
        summary.getStyleClass().add("section-label");
        summary.textProperty().bind(model.paste().summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(model.paste().busyProperty().or(model.readingProperty()));
        busy.setTooltip(new javafx.scene.control.Tooltip("Reading…"));
        HBox box = new HBox(6, summary, busy);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.paste().summaryProperty()).or(model.paste().busyProperty()).or(model.readingProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
