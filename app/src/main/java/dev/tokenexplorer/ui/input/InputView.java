package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.token.Finding;
import dev.tokenexplorer.core.token.Severity;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.main.MainViewModel;
import dev.tokenexplorer.ui.support.Badge;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.PseudoClasses;
import dev.tokenexplorer.ui.verify.KeysView;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;

/** The left pane: where text is pasted, what it was found to be, and the tokens in it. */
public final class InputView extends VBox {

    private final MainViewModel model;
    private final TextArea pasteArea = new TextArea();
    private final ListView<TokenReport> tokenList = new ListView<>();
    private final VBox notes = new VBox(4);
    private final Button useAsKeys = new Button("Use to verify tokens", Icons.of(Feather.SHIELD));

    public InputView(MainViewModel model, KeysView keysView) {
        super(8);
        this.model = model;
        getStyleClass().add("input-view");
        getStylesheets().add(Objects.requireNonNull(InputView.class.getResource("input.css")).toExternalForm());
        useAsKeys.setId("use-as-keys");
        useAsKeys.setTooltip(new Tooltip("Add the keys in the input to the keys that check signatures"));
        useAsKeys.visibleProperty().bind(Bindings.createBooleanBinding(() -> holdsKeys(model.reportProperty().get()), model.reportProperty()));
        useAsKeys.managedProperty().bind(useAsKeys.visibleProperty());
        getChildren().addAll(createPasteArea(), createError(), createSummary(), createTokenList(), createNotes(), useAsKeys, keysView);
    }

    public TextArea pasteArea() {
        return pasteArea;
    }

    /** What "Use to verify tokens" does when the input holds keys. */
    public void setOnUseAsKeys(Runnable action) {
        useAsKeys.setOnAction(e -> action.run());
    }

    private static boolean holdsKeys(SourceReport report) {
        return report != null && report.error() == null && switch (report.type()) {
            case PUBLIC_KEY, CERTIFICATE, JWKS -> true;
            default -> false;
        };
    }

    private VBox createPasteArea() {
        Label label = new Label("Input");
        label.getStyleClass().add("section-label");
        pasteArea.setId("paste-area");
        pasteArea.getStyleClass().add("mono");
        pasteArea.setWrapText(true);
        pasteArea.setPrefRowCount(9);
        pasteArea.setPromptText("Paste a token (raw, Bearer … or base64), a Secret or SecretList (YAML or JSON), "
                + "a kubeconfig, a JWKS, or a PEM key or certificate. Ctrl+V anywhere in the window pastes here.");
        pasteArea.textProperty().bindBidirectional(model.inputTextProperty());
        pasteArea.setTooltip(new Tooltip("Decoded as you paste; nothing leaves this computer"));
        model.reportProperty().addListener((obs, old, report) ->
                pasteArea.pseudoClassStateChanged(PseudoClasses.INVALID, report != null && report.error() != null));
        VBox.setVgrow(pasteArea, Priority.ALWAYS);
        VBox box = new VBox(4, label, pasteArea);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private Label createError() {
        Label error = new Label();
        error.setId("input-error");
        error.getStyleClass().add("input-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.setGraphic(Icons.of(Feather.ALERT_OCTAGON));
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private HBox createSummary() {
        Label summary = new Label();
        summary.setId("input-summary");
        summary.getStyleClass().add("section-label");
        summary.textProperty().bind(model.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(model.busyProperty());
        HBox box = new HBox(6, summary, busy);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.summaryProperty()).or(model.busyProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private ListView<TokenReport> createTokenList() {
        tokenList.setId("token-list");
        tokenList.setItems(model.tokens());
        tokenList.setCellFactory(list -> new TokenCell());
        // Tall enough for the tokens found (a kubeconfig may hold several), never more than needed.
        tokenList.prefHeightProperty().bind(Bindings.min(Bindings.size(model.tokens()).multiply(46).add(4), 230));
        tokenList.setMinHeight(60);
        tokenList.setPlaceholder(new Label("No tokens found"));
        tokenList.visibleProperty().bind(Bindings.isNotEmpty(model.tokens()));
        tokenList.managedProperty().bind(tokenList.visibleProperty());
        tokenList.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> {
            if (t != null) {
                model.selectedTokenProperty().set(t);
            }
        });
        model.selectedTokenProperty().addListener((obs, old, t) -> {
            if (t != null && tokenList.getSelectionModel().getSelectedItem() != t) {
                tokenList.getSelectionModel().select(t);
            }
        });
        return tokenList;
    }

    private ScrollPane createNotes() {
        notes.setId("input-notes");
        model.notes().addListener((ListChangeListener<Finding>) c -> {
            notes.getChildren().clear();
            for (Finding note : model.notes()) {
                Label label = new Label(note.message(), Icons.severity(note.severity()));
                label.setWrapText(true);
                label.getStyleClass().add("note");
                label.setMinHeight(Region.USE_PREF_SIZE);
                notes.getChildren().add(label);
            }
        });
        ScrollPane scroll = new ScrollPane(notes);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(110);
        scroll.getStyleClass().add("notes-scroll");
        scroll.visibleProperty().bind(Bindings.isNotEmpty(model.notes()));
        scroll.managedProperty().bind(scroll.visibleProperty());
        return scroll;
    }

    /** A token in the list: where it was found, with kind and status badges. */
    private static final class TokenCell extends ListCell<TokenReport> {
        private final Label location = new Label();
        private final Badge kind = new Badge("kind-badge");
        private final Badge status = new Badge("status-badge");
        private final Badge signature = new Badge("signature-badge");
        private final VBox box;

        TokenCell() {
            location.getStyleClass().add("token-location");
            location.setMinWidth(0);
            HBox badges = new HBox(4, kind, status, signature);
            box = new VBox(3, location, badges);
        }

        @Override
        protected void updateItem(TokenReport t, boolean empty) {
            super.updateItem(t, empty);
            if (empty || t == null) {
                setGraphic(null);
                return;
            }
            location.setText(t.location());
            PseudoClasses.severity(kind, null);
            if (t.decoded()) {
                kind.show(t.kind().id(), t.kind().title());
                status.show(t.status().id(), t.status().title());
                PseudoClasses.kind(kind, t.kind());
                PseudoClasses.status(status, t.status());
            } else {
                kind.show("malformed", t.error());
                status.show(null, null);
            }
            signature.show(t.signature() == null ? null : t.signature().id(), t.signature() == null ? null : t.signature().title());
            if (t.signature() != null) {
                PseudoClasses.signature(signature, t.signature());
                PseudoClasses.severity(kind, Severity.ERROR);
            }
            setTooltip(new Tooltip(t.location()));
            setGraphic(box);
        }
    }
}
