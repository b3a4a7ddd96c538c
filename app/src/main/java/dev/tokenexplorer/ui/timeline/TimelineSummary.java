package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.ui.support.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The text under the drawing: the summary, the claims the token lacks, the scale's note and the copy button. */
final class TimelineSummary extends VBox {

    private final Label scaleNote = new Label();

    TimelineSummary(TimelineView control) {
        super(2);
        TimelineViewModel model = control.model();
        Label summary = new Label();
        summary.setId("timeline-summary");
        summary.getStyleClass().add("timeline-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());

        Label missing = new Label();
        missing.setId("timeline-missing");
        missing.getStyleClass().add("timeline-note");
        missing.setWrapText(true);
        missing.setMinHeight(Region.USE_PREF_SIZE);
        missing.textProperty().bind(model.missingProperty());
        missing.visibleProperty().bind(model.missingProperty().isNotEmpty());
        missing.managedProperty().bind(missing.visibleProperty());

        scaleNote.getStyleClass().add("timeline-note");
        scaleNote.setId("timeline-scale-note");
        Button copy = new Button(null, Icons.of(Feather.COPY));
        copy.setId("timeline-copy");
        copy.getStyleClass().addAll("flat", "small");
        copy.setTooltip(new Tooltip("Copy the timeline as text"));
        copy.setOnAction(e -> control.copyFacts());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox note = new HBox(6, scaleNote, spacer, copy);
        note.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(summary, missing, note);
    }

    void scale(TimelineScale scale) {
        scaleNote.setText(scale == null ? ""
                : scale.linear() ? "Linear time scale. Hover a marker for its exact time."
                : "Non-linear time scale: long gaps are drawn shorter (≈). Hover a marker for its exact time.");
    }
}
