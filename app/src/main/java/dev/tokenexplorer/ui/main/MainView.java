package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.ui.input.InputView;
import dev.tokenexplorer.ui.input.InputViewModel;
import dev.tokenexplorer.ui.support.DisplayZone;
import dev.tokenexplorer.ui.support.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The main window's content: a toolbar, the input pane on the left and the selected token on the right. */
public final class MainView extends BorderPane {

    static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FOCUS_INPUT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CLEAR = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EXPLORE = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination MANIFEST = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination AUDIT = new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination TOGGLE_UTC = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination TOGGLE_THEME = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final InputViewModel model;
    private final DisplayZone zone;
    private final InputView inputView;
    private final ToggleButton darkToggle = new ToggleButton();
    private Node manifestNode;
    private Node auditNode;
    private final Supplier<Node> auditView;
    private final Consumer<List<java.nio.file.Path>> auditFiles;
    private final Consumer<String> auditText;
    private final RecentFiles recent;
    private final OpenMenu openMenu;
    private final Label dropOverlay = new Label("", Icons.of(Feather.DOWNLOAD));
    private final StackPane pages = new StackPane();
    private final ToggleButton explorePage = new ToggleButton("Explore", Icons.of(Feather.SEARCH));
    private final ToggleButton manifestPage = new ToggleButton("Manifest", Icons.of(Feather.FILE_PLUS));
    private final ToggleButton auditPage = new ToggleButton("Audit", Icons.of(Feather.LIST));

    /**
     * @param manifestView builds the Secret manifest page when it is first opened, so that start-up
     *                     builds only what the first frame shows
     * @param auditView    builds the audit page, the same way
     * @param auditFiles   audits files dropped on the audit page
     * @param auditText    audits a dump pasted on the audit page
     */
    public MainView(InputViewModel model, DisplayZone zone, InputView inputView, Node detailsPane, Supplier<Node> manifestView, Supplier<Node> auditView,
                    Consumer<List<java.nio.file.Path>> auditFiles, Consumer<String> auditText, RecentFiles recent, boolean dark,
                    Consumer<Boolean> onThemeChange) {
        this.model = model;
        this.zone = zone;
        this.auditView = auditView;
        this.auditFiles = auditFiles;
        this.auditText = auditText;
        this.inputView = inputView;
        this.recent = recent;
        this.openMenu = new OpenMenu(recent, this::open);
        getStyleClass().add("main-view");
        getStylesheets().add(Objects.requireNonNull(MainView.class.getResource("main.css")).toExternalForm());
        SplitPane split = new SplitPane(inputView, detailsPane);
        split.setId("explore-page");
        split.setDividerPositions(0.36);
        inputView.setMinWidth(280);
        if (detailsPane instanceof Region region) {
            region.setMinWidth(420);
        }
        // Every page lies under the one drop overlay, which says what a drop will do where it lands.
        pages.getChildren().setAll(split, createDropOverlay());
        setTop(createToolbar(dark, onThemeChange, split, manifestView));
        setCenter(pages);
        addEventFilter(DragEvent.DRAG_OVER, this::dragOver);
        setOnDragOver(this::acceptDrop);
        setOnDragExited(e -> dropOverlay.setVisible(false));
        setOnDragDropped(this::dropped);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    private ToolBar createToolbar(boolean dark, Consumer<Boolean> onThemeChange, Node explore, Supplier<Node> manifest) {
        Label title = new Label("Token Explorer");
        title.getStyleClass().add("app-title");
        title.setGraphic(Icons.of(Feather.KEY));
        Label offline = new Label("offline");
        offline.getStyleClass().add("offline-chip");
        offline.setTooltip(new Tooltip("Nothing you paste leaves this computer: Token Explorer makes no network connections."));
        HBox left = new HBox(8, title, offline);
        left.setAlignment(Pos.CENTER_LEFT);

        Button paste = new Button("Paste", Icons.of(Feather.CLIPBOARD));
        paste.setId("paste-button");
        paste.setTooltip(new Tooltip("Replace the input with the clipboard (Ctrl+V anywhere)"));
        paste.setOnAction(e -> pasteFromClipboard());
        Button clear = new Button("Clear", Icons.of(Feather.X));
        clear.setId("clear-button");
        clear.setTooltip(new Tooltip("Clear the input: the pasted text, or close the file it shows (Ctrl+K)"));
        clear.setOnAction(e -> model.clear());

        darkToggle.setId("theme-toggle");
        darkToggle.setSelected(dark);
        darkToggle.setGraphic(Icons.of(dark ? Feather.SUN : Feather.MOON));
        darkToggle.setTooltip(new Tooltip("Switch between light and dark (Ctrl+Shift+T)"));
        darkToggle.selectedProperty().addListener((obs, old, on) -> {
            darkToggle.setGraphic(Icons.of(on ? Feather.SUN : Feather.MOON));
            onThemeChange.accept(on);
        });

        ToggleButton utc = new ToggleButton("UTC", Icons.of(Feather.GLOBE));
        utc.setId("utc-toggle");
        utc.setTooltip(new Tooltip("Show every time in UTC instead of this computer's time zone (Ctrl+U)"));
        utc.selectedProperty().bindBidirectional(zone.utcProperty());

        explorePage.setId("page-explore");
        manifestPage.setId("page-manifest");
        explorePage.setTooltip(new Tooltip("Decode and explain tokens (Ctrl+1)"));
        manifestPage.setTooltip(new Tooltip("Write the Secret for a long-lived token, or the kubectl create token command (Ctrl+2)"));
        auditPage.setId("page-audit");
        auditPage.setTooltip(new Tooltip("Audit every service-account-token Secret in a cluster dump (Ctrl+3)"));
        explorePage.getStyleClass().add("left-pill");
        manifestPage.getStyleClass().add("center-pill");
        auditPage.getStyleClass().add("right-pill");
        ToggleGroup switcherGroup = new ToggleGroup();
        explorePage.setToggleGroup(switcherGroup);
        manifestPage.setToggleGroup(switcherGroup);
        auditPage.setToggleGroup(switcherGroup);
        explorePage.setSelected(true);
        switcherGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                if (now == manifestPage && manifestNode == null) {
                    manifestNode = manifest.get();
                }
                if (now == auditPage && auditNode == null) {
                    auditNode = auditView.get();
                }
                pages.getChildren().set(0, now == explorePage ? explore : now == manifestPage ? manifestNode : auditNode);
            }
        });
        HBox switcher = new HBox(explorePage, manifestPage, auditPage);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        return new ToolBar(left, spacer, switcher, spacer2, openMenu, paste, clear, utc, darkToggle);
    }

    /** The window's shortcuts: Scene accelerators, one action each, whichever control has the focus. */
    private void installShortcuts(Scene scene) {
        var keys = scene.getAccelerators();
        keys.put(PASTE, this::pasteShortcut);
        keys.put(OPEN, openMenu::chooseFiles);
        keys.put(FOCUS_INPUT, () -> {
            model.editPaste();
            inputView.pasteArea().requestFocus();
        });
        keys.put(CLEAR, model::clear);
        keys.put(EXPLORE, () -> explorePage.setSelected(true));
        keys.put(MANIFEST, () -> manifestPage.setSelected(true));
        keys.put(AUDIT, () -> auditPage.setSelected(true));
        keys.put(TOGGLE_UTC, () -> zone.utcProperty().set(!zone.utcProperty().get()));
        keys.put(TOGGLE_THEME, () -> darkToggle.setSelected(!darkToggle.isSelected()));
        keys.put(FIND, () -> {
            if (auditPage.isSelected() && auditNode instanceof dev.tokenexplorer.ui.audit.AuditView audit) {
                audit.find();
            }
        });
    }

    /**
     * Ctrl+V pastes into an editable text field that has the focus, and everywhere else (a button,
     * a table, the read-only Header and Payload boxes) replaces the input with the clipboard.
     */
    private void pasteShortcut() {
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl field && field.isEditable() && focus != inputView.pasteArea()) {
            field.paste();
        } else {
            pasteFromClipboard();
        }
    }

    private Label createDropOverlay() {
        dropOverlay.setId("drop-overlay");
        dropOverlay.getStyleClass().add("drop-overlay");
        dropOverlay.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        dropOverlay.setMouseTransparent(true);
        dropOverlay.setVisible(false);
        return dropOverlay;
    }

    /** Says what a drop will do where it would land: add keys, audit, or open (files) and paste (text). */
    private void dragOver(DragEvent event) {
        var board = event.getDragboard();
        if (!board.hasFiles() && !board.hasString()) {
            return;
        }
        boolean onKeys = insideKeys(event.getPickResult().getIntersectedNode());
        dropOverlay.setText(onKeys ? "Drop keys here: they verify the tokens' signatures"
                : auditPage.isSelected() ? (board.hasFiles() ? "Drop dumps or folders to audit them" : "Drop a dump's text to audit it")
                : board.hasFiles() ? "Drop files or folders to open them" : "Drop text to read it as a paste");
        dropOverlay.pseudoClassStateChanged(dev.tokenexplorer.ui.support.PseudoClasses.SELECTED, onKeys);
        dropOverlay.setVisible(true);
    }

    private static boolean insideKeys(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if ("keys-view".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    private void acceptDrop(DragEvent event) {
        if (event.getDragboard().hasFiles() || event.getDragboard().hasString()) {
            event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            event.consume();
        }
    }

    /** The view only takes the files or the text out of the Dragboard; reading them is the view model's job. */
    private void dropped(DragEvent event) {
        dropOverlay.setVisible(false);
        var board = event.getDragboard();
        List<File> files = board.hasFiles() ? board.getFiles() : List.of();
        String text = files.isEmpty() && board.hasString() ? board.getString() : null;
        if (!files.isEmpty() && auditPage.isSelected()) {
            auditFiles.accept(files.stream().map(File::toPath).toList());
        } else if (!files.isEmpty()) {
            open(files.stream().map(File::toPath).toList());
        } else if (text != null && auditPage.isSelected()) {
            auditText.accept(text);
        } else if (text != null) {
            explorePage.setSelected(true);
            model.paste(text);
        }
        event.setDropCompleted(!files.isEmpty() || text != null);
        event.consume();
    }

    private void open(List<java.nio.file.Path> paths) {
        explorePage.setSelected(true);
        recent.add(paths);
        model.openFiles(paths);
    }

    /** Shows the Explore page, as when a token is opened from the audit. */
    public void showExplore() {
        explorePage.setSelected(true);
    }

    /** Shows the Audit page. */
    public void showAudit() {
        auditPage.setSelected(true);
    }

    /** On the audit page the clipboard is audited as a dump; anywhere else it is explained. */
    private void pasteFromClipboard() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasString() && auditPage.isSelected()) {
            auditText.accept(clipboard.getString());
        } else if (clipboard.hasString()) {
            explorePage.setSelected(true);
            model.paste(clipboard.getString());
        }
    }
}
