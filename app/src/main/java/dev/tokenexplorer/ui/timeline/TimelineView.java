package dev.tokenexplorer.ui.timeline;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.Objects;

/**
 * A token's life drawn on a time axis: the phases as coloured bands, a labelled marker for each
 * instant (hover for the exact time), a "now" line that moves every second, and the summary and
 * facts beside it as text. The control holds the model and the clock; {@link TimelineSkin} draws.
 */
public final class TimelineView extends Control {

    private final TimelineViewModel model;

    public TimelineView(TimelineViewModel model) {
        this.model = Objects.requireNonNull(model);
        getStyleClass().add("timeline-view");
        getStylesheets().add(Objects.requireNonNull(TimelineView.class.getResource("timeline.css")).toExternalForm());

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // The clock runs only while the view is in a window on screen: a running animation is held by
        // the toolkit, so a ticker left running would keep a replaced window and all it shows alive.
        ObservableValue<Boolean> showing = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.subscribe(on -> {
            if (on) ticker.play(); else ticker.stop();
        });
    }

    public TimelineViewModel model() {
        return model;
    }

    /** Puts every fact of the timeline on the clipboard as text. */
    public void copyFacts() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.factsProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The drawing grows taller when markers crowd, and the summary wraps: height follows width. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineSkin(this);
    }
}
