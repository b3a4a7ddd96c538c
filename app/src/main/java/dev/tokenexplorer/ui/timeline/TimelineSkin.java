package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.token.TokenTimeline;
import javafx.beans.value.ChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws a {@link TimelineView}. The nodes are built when the token or the zone changes, and only
 * placed in {@code layoutChildren}: a new width or a new "now" moves them, never rebuilds them.
 * From the top: the "now" label with its line, the axis with the phases as bands, and each marker's
 * name and date in a block under the axis, stepping down a lane when blocks would touch. Labels in
 * the axis (phase names, gap marks, "never expires") move aside from every line that crosses it.
 */
final class TimelineSkin extends SkinBase<TimelineView> {

    static final double AXIS_Y = 18;
    static final double AXIS_H = 22;
    static final double LANES_Y = AXIS_Y + AXIS_H + 6;
    private static final double LANE_SPACING = 4;
    private static final double SUMMARY_GAP = 4;

    private final TimelineViewModel model;
    private final Pane drawing = new Pane() {
        @Override
        protected void layoutChildren() {
            place(getWidth());
        }
    };
    private final TimelineSummary summary;
    private final Line nowLine = new Line();
    private final Label nowLabel = new Label("now");
    private final Tooltip nowTip = new Tooltip();
    private final Polygon neverArrow = new Polygon(0, AXIS_Y - 3, 14, AXIS_Y + AXIS_H / 2, 0, AXIS_Y + AXIS_H + 3);
    private final Label neverLabel = new Label("never expires →");
    private final Tooltip neverTip = new Tooltip();
    private final List<TimelineNodes.Band> bands = new ArrayList<>();
    private final List<TimelineNodes.GapMark> gapMarks = new ArrayList<>();
    private final List<TimelineNodes.MarkerNodes> markers = new ArrayList<>();
    private final ChangeListener<Object> rebuild = (obs, old, value) -> build();
    private final ChangeListener<Instant> moveNow = (obs, old, now) -> nowMoved();
    private TimelineScale scale;
    private MarkerLanes lanes;
    private double[] lanesKey;
    private double placedNowX = Double.NaN;

    TimelineSkin(TimelineView control) {
        super(control);
        model = control.model();
        summary = new TimelineSummary(control);
        drawing.getStyleClass().add("timeline-drawing");
        drawing.setId("timeline-drawing");
        drawing.setAccessibleRole(AccessibleRole.TEXT);
        drawing.accessibleTextProperty().bind(model.factsProperty());
        nowLine.getStyleClass().add("now-line");
        nowLabel.getStyleClass().add("now-label");
        nowLabel.setId("timeline-now");
        nowLabel.setTooltip(nowTip);
        neverArrow.getStyleClass().add("never-arrow");
        neverLabel.setId("timeline-never-expires");
        neverLabel.getStyleClass().add("never-label");
        neverLabel.setTooltip(neverTip);
        getChildren().addAll(drawing, summary);

        // The view model registered its own listeners first, so it has rebuilt when these run.
        model.tokenProperty().addListener(rebuild);
        model.zoneProperty().addListener(rebuild);
        model.nowProperty().addListener(moveNow);
        build();
    }

    @Override
    public void dispose() {
        model.tokenProperty().removeListener(rebuild);
        model.zoneProperty().removeListener(rebuild);
        model.nowProperty().removeListener(moveNow);
        drawing.accessibleTextProperty().unbind();
        super.dispose();
    }

    /** Builds the nodes for the current token and zone; {@link #place} positions them. */
    private void build() {
        drawing.getChildren().clear();
        bands.clear();
        gapMarks.clear();
        markers.clear();
        lanes = null;
        placedNowX = Double.NaN;
        TokenTimeline timeline = model.timelineProperty().get();
        List<TimelineViewModel.Marker> instants = model.markersProperty().get();
        scale = null;
        if (timeline != null) {
            List<Instant> points = new ArrayList<>();
            instants.forEach(m -> points.add(m.at()));
            points.add(timeline.now());
            if (timeline.expiresAt() == null && !instants.isEmpty()) {
                // It never expires: as much room for the future as the instants span, so "now" is not pinned to the end.
                Instant first = points.stream().min(Instant::compareTo).orElseThrow();
                Instant last = points.stream().max(Instant::compareTo).orElseThrow();
                Duration span = Duration.between(first, last);
                points.add(last.plus(span.isZero() ? Duration.ofHours(1) : span));
            }
            scale = new TimelineScale(points);
            timeline.phases().forEach(span -> bands.add(TimelineNodes.band(span, timeline.leeway(), model.zoneProperty().get())));
            scale.breaks().forEach(gap -> gapMarks.add(TimelineNodes.gapMark(gap)));
            instants.forEach(m -> markers.add(TimelineNodes.marker(m)));

            bands.forEach(b -> drawing.getChildren().add(b.rect()));
            markers.forEach(m -> drawing.getChildren().add(m.line()));
            bands.forEach(b -> drawing.getChildren().add(b.label()));
            gapMarks.forEach(g -> drawing.getChildren().add(g.label()));
            if (timeline.expiresAt() == null) {
                neverTip.setText(timeline.revocation() == null ? "No exp claim" : "No exp claim. " + TimeText.inZone(timeline.revocation(), model.zoneProperty().get()));
                drawing.getChildren().addAll(neverArrow, neverLabel);
            }
            drawing.getChildren().addAll(nowLine, nowLabel);
            markers.forEach(m -> drawing.getChildren().addAll(m.block(), m.hit()));
            nowMoved();
        }
        summary.scale(scale);
        getSkinnable().requestLayout();
        drawing.requestLayout();
    }

    /** Each second: the tooltip's text, and a new layout only once "now" has moved by half a pixel or more. */
    private void nowMoved() {
        Instant now = model.nowProperty().get();
        if (now != null) {
            nowTip.setText("now\n" + model.detail(now));
        }
        if (now == null || scale == null || Double.isNaN(placedNowX) || Math.abs(x(now, drawing.getWidth()) - placedNowX) >= 0.5) {
            drawing.requestLayout();
        }
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double drawingHeight = drawingHeight(w);
        drawing.resizeRelocate(x, y, w, drawingHeight);
        double top = drawingHeight == 0 ? 0 : drawingHeight + SUMMARY_GAP;
        summary.resizeRelocate(x, y + top, w, Math.max(0, h - top));
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        double w = width >= 0 ? width - left - right : Math.max(200, getSkinnable().getWidth() - left - right);
        double drawingHeight = drawingHeight(w);
        return top + drawingHeight + (drawingHeight == 0 ? 0 : SUMMARY_GAP) + summary.prefHeight(w) + bottom;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + 480 + right;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + 200 + right;
    }

    private double drawingHeight(double width) {
        if (scale == null) {
            return 0;
        }
        return LANES_Y + lanes(width).count() * laneHeight();
    }

    private double laneHeight() {
        return markers.stream().mapToDouble(m -> m.block().prefHeight(-1)).max().orElse(0) + LANE_SPACING;
    }

    /** The lanes for this width; kept until the width or a block's size changes, as "now" moves every second. */
    private MarkerLanes lanes(double width) {
        double[] key = new double[markers.size() + 1];
        key[0] = width;
        for (int i = 0; i < markers.size(); i++) {
            key[i + 1] = markers.get(i).block().prefWidth(-1);
        }
        if (lanes == null || !Arrays.equals(key, lanesKey)) {
            double[] xs = new double[markers.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = x(markers.get(i).marker().at(), width);
            }
            lanes = new MarkerLanes(xs, Arrays.copyOfRange(key, 1, key.length), width);
            lanesKey = key;
        }
        return lanes;
    }

    private double x(Instant instant, double width) {
        return scale.position(instant) * width;
    }

    /** Positions every node for this width and the current "now"; creates none. */
    private void place(double width) {
        drawing.getChildren().forEach(Node::autosize);
        if (scale == null || width <= 0) {
            return;
        }
        AxisRow axis = new AxisRow(AXIS_Y, AXIS_H);
        MarkerLanes placed = lanes(width);
        double laneHeight = laneHeight();
        for (int i = 0; i < markers.size(); i++) {
            TimelineNodes.MarkerNodes m = markers.get(i);
            double x = x(m.marker().at(), width);
            double blockTop = LANES_Y + placed.lane(i) * laneHeight;
            m.block().relocate(placed.left(i), blockTop);
            vertical(m.line(), x, AXIS_Y - 3, blockTop - 1);
            m.hit().setX(x - 6);
            m.hit().setY(AXIS_Y - 3);
            m.hit().setWidth(12);
            m.hit().setHeight(blockTop - AXIS_Y + 3);
            axis.take(x - 1, x + 1);
        }

        Instant now = model.nowProperty().get();
        if (now != null) {
            double x = x(now, width);
            nowLabel.relocate(clamp(x - nowLabel.getWidth() / 2, 0, width - nowLabel.getWidth()), 0);
            vertical(nowLine, x, nowLabel.getHeight() + 1, AXIS_Y + AXIS_H + 4);
            placedNowX = x;
            axis.take(x - 1.5, x + 1.5);
        }

        for (TimelineNodes.Band band : bands) {
            double x1 = band.span().from() == null ? 0 : x(band.span().from(), width);
            double x2 = band.span().until() == null ? width : x(band.span().until(), width);
            band.rect().setX(x1);
            band.rect().setWidth(Math.max(0, x2 - x1));
            band.rect().setVisible(x2 - x1 >= 0.5);
        }
        if (neverArrow.getParent() != null) {
            neverArrow.setLayoutX(width - 14);
            axis.take(width - 14, width);
            axis.put(neverLabel, width - 18 - neverLabel.getWidth(), 0, width - 18);
        }
        for (TimelineNodes.GapMark mark : gapMarks) {
            double centre = mark.gap().position() * width;
            double w = mark.label().getWidth();
            axis.put(mark.label(), centre - w / 2, centre - w / 2 - 40, centre + w / 2 + 40);
        }
        for (TimelineNodes.Band band : bands) {
            double x1 = band.rect().getX();
            double x2 = x1 + band.rect().getWidth();
            axis.put(band.label(), x1 + 6, x1 + 4, x2 - 4);
        }
    }

    private static void vertical(Line line, double x, double y1, double y2) {
        line.setStartX(x);
        line.setEndX(x);
        line.setStartY(y1);
        line.setEndY(y2);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
