package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.token.PhaseSpan;
import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.token.TokenTimeline;
import dev.tokenexplorer.ui.support.Icons;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A token's life drawn on a time axis: the phases as coloured bands, a labelled marker for each
 * instant (hover for the exact time), and a "now" line that moves every second without rebuilding
 * anything. Far-apart instants get a non-linear scale, labelled as such, with break marks where a
 * gap is drawn much shorter than it lasts. The summary and the facts stand beside it as text.
 */
public final class TimelineView extends VBox {

    static final double HEIGHT = 104;
    private static final double ROW_1 = 0;
    private static final double ROW_2 = 16;
    private static final double AXIS_Y = 38;
    private static final double AXIS_H = 22;
    private static final double DATE_ROW_1 = AXIS_Y + AXIS_H + 4;
    private static final double DATE_ROW_2 = DATE_ROW_1 + 16;
    private static final double MIN_LABEL_GAP = 118;

    private final TimelineViewModel model;
    private final Pane drawing = new Pane();
    private final Line nowLine = new Line();
    private final Label nowLabel = new Label("now");
    private final Label scaleNote = new Label();
    private TimelineScale scale;

    public TimelineView(TimelineViewModel model) {
        super(4);
        this.model = model;
        getStyleClass().add("timeline-view");
        getStylesheets().add(Objects.requireNonNull(TimelineView.class.getResource("timeline.css")).toExternalForm());
        drawing.getStyleClass().add("timeline-drawing");
        drawing.setId("timeline-drawing");
        drawing.setPrefHeight(HEIGHT);
        drawing.setMinHeight(HEIGHT);
        drawing.setMinWidth(200);
        drawing.setAccessibleRole(AccessibleRole.TEXT);
        drawing.accessibleTextProperty().bind(model.factsProperty());
        nowLine.getStyleClass().add("now-line");
        nowLabel.getStyleClass().add("now-label");
        nowLabel.setId("timeline-now");
        getChildren().addAll(drawing, createSummary());

        // The view model registered its own listeners first, so it has rebuilt when these run.
        model.tokenProperty().addListener((obs, old, t) -> redraw());
        model.zoneProperty().addListener((obs, old, z) -> redraw());
        drawing.widthProperty().addListener((obs, old, w) -> redraw());
        model.nowProperty().addListener((obs, old, now) -> moveNow());

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        // The clock runs only while the view is in a window on screen: a running animation is held by
        // the toolkit, so a ticker left running would keep a replaced window and all it shows alive.
        ObservableValue<Boolean> showing = sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        showing.subscribe(on -> {
            if (on) ticker.play(); else ticker.stop();
        });
    }

    private VBox createSummary() {
        Label summary = new Label();
        summary.setId("timeline-summary");
        summary.getStyleClass().add("timeline-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        scaleNote.getStyleClass().add("timeline-note");
        scaleNote.setId("timeline-scale-note");
        Button copy = new Button(null, Icons.of(Feather.COPY));
        copy.getStyleClass().addAll("flat", "small");
        copy.setTooltip(new Tooltip("Copy the timeline as text"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.factsProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox note = new HBox(6, scaleNote, spacer, copy);
        note.setAlignment(Pos.CENTER_LEFT);
        Label missing = new Label();
        missing.setId("timeline-missing");
        missing.getStyleClass().add("timeline-note");
        missing.setWrapText(true);
        missing.textProperty().bind(model.missingProperty());
        missing.visibleProperty().bind(model.missingProperty().isNotEmpty());
        missing.managedProperty().bind(missing.visibleProperty());
        return new VBox(2, summary, missing, note);
    }

    /** Builds the drawing for the current token and width; "now" moves separately. */
    private void redraw() {
        drawing.getChildren().clear();
        TokenTimeline timeline = model.timelineProperty().get();
        double width = drawing.getWidth();
        if (timeline == null || width <= 0) {
            scale = null;
            return;
        }
        List<TimelineViewModel.Marker> markers = model.markersProperty().get();
        List<Instant> points = new ArrayList<>();
        markers.forEach(m -> points.add(m.at()));
        points.add(timeline.now());
        scale = new TimelineScale(points);

        for (PhaseSpan span : timeline.phases()) {
            drawBand(span, width, timeline);
        }
        for (TimelineScale.Break gap : scale.breaks()) {
            Label mark = new Label("≈");
            mark.getStyleClass().add("axis-break");
            mark.setTooltip(new Tooltip("A gap of " + TimeText.duration(gap.length()) + ", drawn shorter than it lasts"));
            place(mark, gap.position() * width, AXIS_Y + 1, width);
            drawing.getChildren().add(mark);
        }
        if (timeline.expiresAt() == null) {
            drawNeverExpires(width);
        }
        double previous = Double.NEGATIVE_INFINITY;
        Instant previousAt = null;
        boolean staggered = false;
        for (TimelineViewModel.Marker marker : markers) {
            double x = scale.position(marker.at()) * width;
            staggered = x - previous < MIN_LABEL_GAP && !staggered;
            drawMarker(marker, shortDate(marker.at(), previousAt), x, staggered, width);
            previous = x;
            previousAt = marker.at();
        }
        scaleNote.setText(scale.linear() ? "Linear time scale. Hover a marker for its exact time."
                : "Non-linear time scale: long gaps are drawn shorter (≈). Hover a marker for its exact time.");
        drawing.getChildren().addAll(nowLine, nowLabel);
        moveNow();
    }

    private void drawBand(PhaseSpan span, double width, TokenTimeline timeline) {
        double x1 = span.from() == null ? 0 : scale.position(span.from()) * width;
        double x2 = span.until() == null ? width : scale.position(span.until()) * width;
        if (x2 - x1 < 0.5) {
            return;
        }
        Rectangle band = new Rectangle(x1, AXIS_Y, x2 - x1, AXIS_H);
        band.getStyleClass().add("phase-band");
        band.pseudoClassStateChanged(PseudoClass.getPseudoClass(span.phase().id()), true);
        Tooltip.install(band, new Tooltip(span.phase().title()
                + (span.from() == null ? "" : "\nfrom " + TimeText.zoned(span.from(), zone()))
                + (span.until() == null ? "" : "\nuntil " + TimeText.zoned(span.until(), zone()))
                + "\n(bounds include the API server's " + timeline.leeway().getSeconds() + " s leeway)"));
        drawing.getChildren().add(band);
        String name = switch (span.phase()) {
            case NOT_YET_VALID -> "not yet valid";
            case VALID -> "valid";
            case STALE -> "stale";
            case EXPIRED -> "expired";
        };
        if (x2 - x1 > 70) {
            Label label = new Label(name);
            label.getStyleClass().add("band-label");
            label.pseudoClassStateChanged(PseudoClass.getPseudoClass(span.phase().id()), true);
            label.setMouseTransparent(true);
            label.setLayoutX(x1 + 6);
            label.setLayoutY(AXIS_Y + 2);
            drawing.getChildren().add(label);
        }
    }

    private void drawNeverExpires(double width) {
        Polygon arrow = new Polygon(width - 14, AXIS_Y - 5, width, AXIS_Y + AXIS_H / 2, width - 14, AXIS_Y + AXIS_H + 5);
        arrow.getStyleClass().add("never-arrow");
        Label label = new Label("never expires →");
        label.setId("timeline-never-expires");
        label.getStyleClass().add("never-label");
        label.setTooltip(new Tooltip(model.timelineProperty().get().revocation() == null ? "No exp claim"
                : "No exp claim. " + TimeText.inZone(model.timelineProperty().get().revocation(), zone())));
        label.translateXProperty().bind(label.widthProperty().negate());
        label.setLayoutX(width - 18);
        label.setLayoutY(AXIS_Y + 2);
        drawing.getChildren().addAll(arrow, label);
    }

    private void drawMarker(TimelineViewModel.Marker marker, String dateText, double x, boolean staggered, double width) {
        Line line = new Line(x, AXIS_Y - 4, x, AXIS_Y + AXIS_H + 3);
        line.getStyleClass().add("marker-line");
        Label name = new Label(marker.label());
        name.getStyleClass().add("marker-label");
        Label date = new Label(dateText);
        date.getStyleClass().add("marker-date");
        place(name, x, staggered ? ROW_2 : ROW_1, width);
        place(date, x, staggered ? DATE_ROW_2 : DATE_ROW_1, width);
        Tooltip tooltip = new Tooltip(marker.label() + "\n" + marker.detail());
        tooltip.setShowDelay(Duration.millis(150));
        Rectangle hit = new Rectangle(x - 7, 0, 14, HEIGHT);
        hit.getStyleClass().add("marker-hit");
        for (Node node : List.of(name, date, hit)) {
            Tooltip.install(node, tooltip);
        }
        drawing.getChildren().addAll(line, name, date, hit);
    }

    private void moveNow() {
        Instant now = model.nowProperty().get();
        if (scale == null || now == null) {
            return;
        }
        double width = drawing.getWidth();
        double x = scale.position(now) * width;
        nowLine.setStartX(x);
        nowLine.setEndX(x);
        nowLine.setStartY(AXIS_Y - 8);
        nowLine.setEndY(HEIGHT - 2);
        nowLabel.setTooltip(new Tooltip("now\n" + model.detail(now)));
        place(nowLabel, x, HEIGHT - 16, width);
    }

    /** Centres a label on x, kept inside the drawing. */
    private static void place(Label label, double x, double y, double width) {
        label.setLayoutY(y);
        label.layoutXProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, Math.min(width - label.getWidth(), x - label.getWidth() / 2)), label.widthProperty()));
    }

    /**
     * A marker's date, as short as it can be while still telling markers apart: the time of day for
     * one that follows the previous marker within a day, else the day (with the year when it is not
     * this year's).
     */
    private String shortDate(Instant at, Instant previous) {
        ZoneId zone = zone();
        if (previous != null && java.time.Duration.between(previous, at).toHours() < 24) {
            return DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(at.atZone(zone)) + " " + TokenTimeline.zoneName(at, zone);
        }
        boolean sameYear = at.atZone(zone).getYear() == model.nowProperty().get().atZone(zone).getYear();
        return DateTimeFormatter.ofPattern(sameYear ? "d MMM HH:mm" : "d MMM yyyy HH:mm", Locale.ENGLISH).format(at.atZone(zone))
                + " " + TokenTimeline.zoneName(at, zone);
    }

    private ZoneId zone() {
        return model.zoneProperty().get();
    }
}
