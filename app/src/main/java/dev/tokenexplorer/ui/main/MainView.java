package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.ui.input.InputView;
import dev.tokenexplorer.ui.support.Icons;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
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

    private final MainViewModel model;
    private final InputView inputView;
    private final ToggleButton darkToggle = new ToggleButton();
    private Node manifestNode;
    private Node auditNode;
    private final Supplier<Node> auditView;
    private final Consumer<List<java.nio.file.Path>> auditFiles;
    private final Consumer<String> auditText;
    private final RecentFiles recent;
    private final MenuButton openMenu = new MenuButton("Open");
    private final Label dropOverlay = new Label("Drop files or folders to open them", Icons.of(Feather.DOWNLOAD));
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
    public MainView(MainViewModel model, InputView inputView, Node detailsPane, Supplier<Node> manifestView, Supplier<Node> auditView,
                    Consumer<List<java.nio.file.Path>> auditFiles, Consumer<String> auditText, RecentFiles recent, boolean dark,
                    Consumer<Boolean> onThemeChange) {
        this.model = model;
        this.auditView = auditView;
        this.auditFiles = auditFiles;
        this.auditText = auditText;
        this.inputView = inputView;
        this.recent = recent;
        getStyleClass().add("main-view");
        getStylesheets().add(Objects.requireNonNull(MainView.class.getResource("main.css")).toExternalForm());
        SplitPane split = new SplitPane(inputView, detailsPane);
        split.setId("explore-page");
        split.setDividerPositions(0.36);
        inputView.setMinWidth(280);
        if (detailsPane instanceof Region region) {
            region.setMinWidth(420);
        }
        split.setPadding(new Insets(0));
        StackPane explore = new StackPane(split, createDropOverlay());
        setTop(createToolbar(dark, onThemeChange, explore, manifestView));
        setCenter(explore);
        setOnDragOver(this::dragOver);
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

        openMenu.setId("open-menu");
        openMenu.setGraphic(Icons.of(Feather.FOLDER));
        openMenu.setTooltip(new Tooltip("Open files (Ctrl+O), or drop them anywhere on the window"));
        rebuildOpenMenu();
        recent.files().addListener((javafx.collections.ListChangeListener<java.nio.file.Path>) c -> rebuildOpenMenu());

        Button paste = new Button("Paste", Icons.of(Feather.CLIPBOARD));
        paste.setId("paste-button");
        paste.setTooltip(new Tooltip("Replace the input with the clipboard (Ctrl+V anywhere)"));
        paste.setOnAction(e -> pasteFromClipboard());
        Button clear = new Button("Clear", Icons.of(Feather.X));
        clear.setId("clear-button");
        clear.setTooltip(new Tooltip("Clear the input (Ctrl+K)"));
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
        utc.selectedProperty().bindBidirectional(model.utcProperty());

        explorePage.setId("page-explore");
        manifestPage.setId("page-manifest");
        explorePage.setTooltip(new Tooltip("Decode and explain tokens (Ctrl+1)"));
        manifestPage.setTooltip(new Tooltip("Write the Secret for a long-lived token, or the kubectl create token command (Ctrl+2)"));
        auditPage.setId("page-audit");
        auditPage.setTooltip(new Tooltip("Audit every service-account-token Secret in a cluster dump (Ctrl+3)"));
        explorePage.getStyleClass().add("left-pill");
        manifestPage.getStyleClass().add("center-pill");
        auditPage.getStyleClass().add("right-pill");
        ToggleGroup pages = new ToggleGroup();
        explorePage.setToggleGroup(pages);
        manifestPage.setToggleGroup(pages);
        auditPage.setToggleGroup(pages);
        explorePage.setSelected(true);
        pages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                if (now == manifestPage && manifestNode == null) {
                    manifestNode = manifest.get();
                }
                if (now == auditPage && auditNode == null) {
                    auditNode = auditView.get();
                }
                setCenter(now == explorePage ? explore : now == manifestPage ? manifestNode : auditNode);
            }
        });
        HBox switcher = new HBox(explorePage, manifestPage, auditPage);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        return new ToolBar(left, spacer, switcher, spacer2, openMenu, paste, clear, utc, darkToggle);
    }

    private void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (PASTE.match(event) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                pasteFromClipboard();
                event.consume();
            } else if (OPEN.match(event)) {
                chooseFiles();
                event.consume();
            } else if (FOCUS_INPUT.match(event)) {
                inputView.pasteArea().requestFocus();
                event.consume();
            } else if (CLEAR.match(event)) {
                model.clear();
                event.consume();
            } else if (EXPLORE.match(event)) {
                explorePage.setSelected(true);
                event.consume();
            } else if (MANIFEST.match(event)) {
                manifestPage.setSelected(true);
                event.consume();
            } else if (AUDIT.match(event)) {
                auditPage.setSelected(true);
                event.consume();
            } else if (TOGGLE_UTC.match(event)) {
                model.utcProperty().set(!model.utcProperty().get());
                event.consume();
            } else if (TOGGLE_THEME.match(event)) {
                darkToggle.setSelected(!darkToggle.isSelected());
                event.consume();
            }
        });
    }

    private Label createDropOverlay() {
        dropOverlay.setId("drop-overlay");
        dropOverlay.getStyleClass().add("drop-overlay");
        dropOverlay.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        dropOverlay.setMouseTransparent(true);
        dropOverlay.setVisible(false);
        return dropOverlay;
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
            dropOverlay.setVisible(true);
            event.consume();
        }
    }

    /** The view only takes the files out of the Dragboard; reading them is the view model's job. */
    private void dropped(DragEvent event) {
        dropOverlay.setVisible(false);
        List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        if (!files.isEmpty() && auditPage.isSelected()) {
            auditFiles.accept(files.stream().map(File::toPath).toList());
        } else if (!files.isEmpty()) {
            open(files.stream().map(File::toPath).toList());
        }
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    private void open(List<java.nio.file.Path> paths) {
        explorePage.setSelected(true);
        recent.add(paths);
        model.openFiles(paths);
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open tokens, Secrets, kubeconfigs or keys");
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            open(files.stream().map(File::toPath).toList());
        }
    }

    private void rebuildOpenMenu() {
        MenuItem choose = new MenuItem("Open files…", Icons.of(Feather.FOLDER));
        choose.setAccelerator(OPEN);
        choose.setOnAction(e -> chooseFiles());
        openMenu.getItems().setAll(choose, new SeparatorMenuItem());
        if (recent.files().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            openMenu.getItems().add(none);
            return;
        }
        for (java.nio.file.Path path : recent.files()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + (path.getParent() == null ? "" : path.getParent()));
            item.setOnAction(e -> open(List.of(path)));
            openMenu.getItems().add(item);
        }
        MenuItem clearRecent = new MenuItem("Clear recent files", Icons.of(Feather.TRASH_2));
        clearRecent.setId("clear-recent");
        clearRecent.setOnAction(e -> recent.clear());
        openMenu.getItems().addAll(new SeparatorMenuItem(), clearRecent);
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
