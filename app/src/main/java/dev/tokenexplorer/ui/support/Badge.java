package dev.tokenexplorer.ui.support;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** A small rounded label that shows a state; its colour comes from pseudo-classes in CSS. */
public final class Badge extends Label {

    public Badge(String styleClass) {
        getStyleClass().addAll("badge", styleClass);
        setManaged(true);
        managedProperty().bind(visibleProperty());
    }

    public void show(String text, String tooltip) {
        setText(text);
        setTooltip(tooltip == null ? null : new Tooltip(tooltip));
        setVisible(text != null);
    }
}
