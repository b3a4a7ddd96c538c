package dev.tokenexplorer.ui.manifest;

import dev.tokenexplorer.ui.support.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
        return new VBox(2, header, code);
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
