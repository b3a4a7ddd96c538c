package dev.tokenexplorer.ui.manifest;

import dev.tokenexplorer.ui.support.PseudoClasses;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Rows of a two-column form: a name, an input, and under it its message, whose space is always
 * reserved ({@link FieldMessage}), so messages never push the form down and back while the user types.
 */
final class FormRows {

    private final ManifestViewModel model;
    private final GridPane grid = new GridPane();
    private int row;

    FormRows(ManifestViewModel model) {
        this.model = model;
        grid.getStyleClass().add("form-grid");
        grid.setHgap(10);
        grid.setVgap(2);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), inputs);
    }

    GridPane grid() {
        return grid;
    }

    FormRows add(String label, Node input, String field) {
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label error = new FieldMessage();
        error.setId(field + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true); // in full; the API server's own wording is in the tooltip
        error.setMaxWidth(Double.MAX_VALUE);
        error.textProperty().bind(model.errorProperty(field));
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(model.errorDetailProperty(field));
        detail.setWrapText(true);
        detail.setMaxWidth(520);
        model.errorDetailProperty(field).addListener((obs, old, text) -> error.setTooltip(text.isEmpty() ? null : detail));
        if (input instanceof TextInputControl text) {
            markInvalid(text, field);
        }
        name.setLabelFor(input);
        grid.add(name, 0, row);
        grid.add(input, 1, row);
        grid.add(error, 1, row + 1);
        row += 2;
        return this;
    }

    FormRows add(Node wide) {
        grid.add(wide, 1, row++);
        return this;
    }

    void markInvalid(Node node, String field) {
        model.errorProperty(field).addListener((obs, old, message) -> node.pseudoClassStateChanged(PseudoClasses.INVALID, !message.isEmpty()));
        node.pseudoClassStateChanged(PseudoClasses.INVALID, !model.errorProperty(field).get().isEmpty());
    }

    /**
     * A field's message, in full over as many lines as it needs, in a space that is reserved and
     * never shrinks: two lines from the start (most messages fit), and once a longer message
     * needed more, that much from then on. Fields below never jump back and forth while the user
     * types, or move up as the user reaches for them when a message goes.
     */
    static final class FieldMessage extends Label {
        private double reserved;

        @Override
        protected double computePrefHeight(double width) {
            double lines = 2 * super.computeMinHeight(-1) - snappedTopInset() - snappedBottomInset();
            return Math.max(reserved, Math.max(lines, super.computePrefHeight(width)));
        }

        @Override
        protected double computeMinHeight(double width) {
            return computePrefHeight(width);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            reserved = Math.max(reserved, getHeight());
        }
    }

    static TextField field(String id, String prompt, StringProperty property, String tooltip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setTooltip(new Tooltip(tooltip));
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
