package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.ui.input.InputView;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.token.TokenView;
import javafx.geometry.Insets;
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
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The main window's content: a toolbar, the input pane on the left and the selected token on the right. */
public final class MainView extends BorderPane {

    static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FOCUS_INPUT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CLEAR = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination EXPLORE = new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination MANIFEST = new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination TOGGLE_UTC = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination TOGGLE_THEME = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final MainViewModel model;
    private final InputView inputView;
    private final ToggleButton darkToggle = new ToggleButton();
    private Node manifestNode;
    private final ToggleButton explorePage = new ToggleButton("Explore", Icons.of(Feather.SEARCH));
    private final ToggleButton manifestPage = new ToggleButton("Secret manifest", Icons.of(Feather.FILE_PLUS));

    /**
     * @param manifestView builds the Secret manifest page when it is first opened, so that start-up
     *                     builds only what the first frame shows
     */
    public MainView(MainViewModel model, InputView inputView, TokenView tokenView, Supplier<Node> manifestView, boolean dark,
                    Consumer<Boolean> onThemeChange) {
        this.model = model;
        this.inputView = inputView;
        getStyleClass().add("main-view");
        getStylesheets().add(Objects.requireNonNull(MainView.class.getResource("main.css")).toExternalForm());
        SplitPane explore = new SplitPane(inputView, tokenView);
        explore.setId("explore-page");
        explore.setDividerPositions(0.36);
        inputView.setMinWidth(280);
        tokenView.setMinWidth(420);
        explore.setPadding(new Insets(0));
        setTop(createToolbar(dark, onThemeChange, explore, manifestView));
        setCenter(explore);
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
        explorePage.getStyleClass().add("left-pill");
        manifestPage.getStyleClass().add("right-pill");
        ToggleGroup pages = new ToggleGroup();
        explorePage.setToggleGroup(pages);
        manifestPage.setToggleGroup(pages);
        explorePage.setSelected(true);
        pages.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                if (now == manifestPage && manifestNode == null) {
                    manifestNode = manifest.get();
                }
                setCenter(now == explorePage ? explore : manifestNode);
            }
        });
        HBox switcher = new HBox(explorePage, manifestPage);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        return new ToolBar(left, spacer, switcher, spacer2, paste, clear, utc, darkToggle);
    }

    private void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (PASTE.match(event) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                pasteFromClipboard();
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
            } else if (TOGGLE_UTC.match(event)) {
                model.utcProperty().set(!model.utcProperty().get());
                event.consume();
            } else if (TOGGLE_THEME.match(event)) {
                darkToggle.setSelected(!darkToggle.isSelected());
                event.consume();
            }
        });
    }

    private void pasteFromClipboard() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasString()) {
            explorePage.setSelected(true);
            model.paste(clipboard.getString());
        }
    }
}
