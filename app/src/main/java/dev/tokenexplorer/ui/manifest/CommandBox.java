package dev.tokenexplorer.ui.manifest;

import dev.tokenexplorer.ui.support.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Consumer;

/** A titled, highlighted command with a copy button that works only while the command is valid. */
final class CommandBox {

    private CommandBox() {
    }

    static VBox of(String label, String id, ObservableStringValue text, ObservableBooleanValue valid, Consumer<String> onFailure) {
        Label name = new Label(label);
        name.getStyleClass().add("section-label");
        TextFlow code = code(id, text);
        Button copy = new Button(null, Icons.of(Feather.COPY));
        copy.getStyleClass().addAll("flat");
        copy.setTooltip(new Tooltip("Copy: " + label.toLowerCase()));
        copy.disableProperty().bind(Bindings.createBooleanBinding(() -> !valid.get(), valid));
        copy.setOnAction(e -> copy(text.get(), onFailure));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, name, spacer, copy);
        header.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, header, unwrapped(code));
    }

    /**
     * A code box that never soft-wraps (a YAML line wrapped to column 0 reads as another key):
     * long lines scroll sideways, and the box fills the width when its lines are shorter.
     */
    static ScrollPane unwrapped(TextFlow code) {
        ScrollPane scroll = new CodeScroll(code);
        scroll.getStyleClass().add("code-scroll");
        scroll.setId(code.getId() + "-scroll");
        scroll.setFitToWidth(false);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        code.minWidthProperty().bind(Bindings.createDoubleBinding(() -> scroll.getViewportBounds().getWidth(), scroll.viewportBoundsProperty()));
        return scroll;
    }

    /**
     * As tall as every line of its code, plus the scroll bar while one shows: an as-needed bar
     * counts in no ScrollPane's preferred height, so it would hide the last line.
     */
    private static final class CodeScroll extends ScrollPane {
        private final TextFlow code;

        CodeScroll(TextFlow code) {
            super(code);
            this.code = code;
            widthProperty().addListener(o -> requestLayout());
        }

        @Override
        protected double computePrefHeight(double width) {
            Insets insets = getInsets();
            double available = (width > 0 ? width : getWidth()) - insets.getLeft() - insets.getRight();
            boolean sideways = getWidth() > 0 && code.prefWidth(-1) > available + 0.5;
            double bar = lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL)
                    .mapToDouble(n -> n.prefHeight(-1)).findFirst().orElse(12);
            return insets.getTop() + code.prefHeight(-1) + (sideways ? bar : 0) + insets.getBottom();
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        /** As wide as its column gives it, never its longest line: that is what the scroll bar is for. */
        @Override
        protected double computePrefWidth(double height) {
            return 0;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected double computeMaxWidth(double height) {
            return Double.MAX_VALUE;
        }
    }

    /** Highlighted text that follows a value. */
    static TextFlow code(String id, ObservableStringValue text) {
        TextFlow code = new TextFlow();
        code.setId(id);
        code.getStyleClass().add("code-view");
        text.addListener((obs, old, value) -> code.getChildren().setAll(YamlHighlighter.highlight(value)));
        code.getChildren().setAll(YamlHighlighter.highlight(text.get()));
        return code;
    }

    /** Puts text on the clipboard; a failure is reported, never dropped. */
    static void copy(String text, Consumer<String> onFailure) {
        try {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            if (!Clipboard.getSystemClipboard().setContent(content)) {
                onFailure.accept("Could not copy: the clipboard refused the text.");
            }
        } catch (RuntimeException e) {
            onFailure.accept("Could not copy: " + e.getMessage());
        }
    }
}
