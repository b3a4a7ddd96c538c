package dev.tokenexplorer.ui.support;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** A small rounded label that shows a state; its colour comes from pseudo-classes in CSS. */
public final class Badge extends Label {

    private Tooltip tooltip;

    public Badge(String styleClass) {
        getStyleClass().addAll("badge", styleClass);
        setManaged(true);
        managedProperty().bind(visibleProperty());
    }

    /** Shows the text (hidden when null) with a tooltip; the tooltip is made once and reused, as cells call this for every row. */
    public void show(String text, String tooltip) {
        setText(text);
        if (tooltip == null) {
            setTooltip(null);
        } else {
            if (this.tooltip == null) {
                this.tooltip = new Tooltip();
            }
            this.tooltip.setText(tooltip);
            setTooltip(this.tooltip);
        }
        setVisible(text != null);
    }
}
