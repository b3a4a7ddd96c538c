package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.token.PhaseSpan;
import dev.tokenexplorer.core.token.TokenTimeline;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.time.Instant;
import java.util.ArrayList;
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
    /** Space kept between a label in the axis and a line or another label. */
    private static final double CLEAR = 3;

    private record Band(PhaseSpan span, Rectangle rect, Label label) {
    }

    private record GapMark(TimelineScale.Break gap, Label label) {
    }

    private record MarkerNodes(TimelineViewModel.Marker marker, Line line, VBox block, Rectangle hit) {
    }

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
    private final List<Band> bands = new ArrayList<>();
    private final List<GapMark> gapMarks = new ArrayList<>();
    private final List<MarkerNodes> markers = new ArrayList<>();
    private final ChangeListener<Object> rebuild = (obs, old, value) -> build();
    private final ChangeListener<Instant> moveNow = (obs, old, now) -> nowMoved();
    private TimelineScale scale;

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
        TokenTimeline timeline = model.timelineProperty().get();
        List<TimelineViewModel.Marker> instants = model.markersProperty().get();
        scale = null;
        if (timeline != null) {
            List<Instant> points = new ArrayList<>();
            instants.forEach(m -> points.add(m.at()));
            points.add(timeline.now());
            scale = new TimelineScale(points);
            timeline.phases().forEach(span -> bands.add(band(span, timeline)));
            scale.breaks().forEach(gap -> gapMarks.add(gapMark(gap)));
            instants.forEach(m -> markers.add(marker(m)));

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

    private Band band(PhaseSpan span, TokenTimeline timeline) {
        PseudoClass phase = PseudoClass.getPseudoClass(span.phase().id());
        Rectangle rect = new Rectangle(0, AXIS_Y, 0, AXIS_H);
        rect.getStyleClass().add("phase-band");
        rect.pseudoClassStateChanged(phase, true);
        Tooltip.install(rect, new Tooltip(span.phase().title()
                + (span.from() == null ? "" : "\nfrom " + TimeText.zoned(span.from(), model.zoneProperty().get()))
                + (span.until() == null ? "" : "\nuntil " + TimeText.zoned(span.until(), model.zoneProperty().get()))
                + "\n(bounds include the API server's " + timeline.leeway().getSeconds() + " s leeway)"));
        Label label = new Label(switch (span.phase()) {
            case NOT_YET_VALID -> "not yet valid";
            case VALID -> "valid";
            case STALE -> "stale";
            case EXPIRED -> "expired";
        });
        label.getStyleClass().add("band-label");
        label.pseudoClassStateChanged(phase, true);
        label.setMouseTransparent(true);
        return new Band(span, rect, label);
    }

    private static GapMark gapMark(TimelineScale.Break gap) {
        Label mark = new Label("≈");
        mark.getStyleClass().add("axis-break");
        mark.setTooltip(new Tooltip("A gap of " + TimeText.duration(gap.length()) + ", drawn shorter than it lasts"));
        return new GapMark(gap, mark);
    }

    private static MarkerNodes marker(TimelineViewModel.Marker marker) {
        Line line = new Line();
        line.getStyleClass().add("marker-line");
        Label name = new Label(marker.label());
        name.getStyleClass().add("marker-label");
        Label date = new Label(marker.date());
        date.getStyleClass().add("marker-date");
        VBox block = new VBox(name, date);
        block.getStyleClass().add("marker-block");
        block.setAlignment(Pos.TOP_CENTER);
        Rectangle hit = new Rectangle();
        hit.getStyleClass().add("marker-hit");
        Tooltip tooltip = new Tooltip(marker.label() + "\n" + marker.detail());
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(block, tooltip);
        Tooltip.install(hit, tooltip);
        return new MarkerNodes(marker, line, block, hit);
    }

    private void nowMoved() {
        Instant now = model.nowProperty().get();
        if (now != null) {
            nowTip.setText("now\n" + model.detail(now));
        }
        drawing.requestLayout();
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

    private MarkerLanes lanes(double width) {
        double[] xs = new double[markers.size()];
        double[] widths = new double[markers.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x(markers.get(i).marker().at(), width);
            widths[i] = markers.get(i).block().prefWidth(-1);
        }
        return new MarkerLanes(xs, widths, width);
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
        List<double[]> taken = new ArrayList<>(); // stretches of the axis row a label there must keep clear of
        MarkerLanes lanes = lanes(width);
        double laneHeight = laneHeight();
        for (int i = 0; i < markers.size(); i++) {
            MarkerNodes m = markers.get(i);
            double x = x(m.marker().at(), width);
            double blockTop = LANES_Y + lanes.lane(i) * laneHeight;
            m.block().relocate(lanes.left(i), blockTop);
            vertical(m.line(), x, AXIS_Y - 3, blockTop);
            m.hit().setX(x - 6);
            m.hit().setY(AXIS_Y - 3);
            m.hit().setWidth(12);
            m.hit().setHeight(blockTop - AXIS_Y + 3);
            taken.add(new double[]{x - 1, x + 1});
        }

        Instant now = model.nowProperty().get();
        if (now != null) {
            double x = x(now, width);
            nowLabel.relocate(clamp(x - nowLabel.getWidth() / 2, 0, width - nowLabel.getWidth()), 0);
            vertical(nowLine, x, nowLabel.getHeight() + 1, AXIS_Y + AXIS_H + 4);
            taken.add(new double[]{x - 1.5, x + 1.5});
        }

        for (Band band : bands) {
            double x1 = band.span().from() == null ? 0 : x(band.span().from(), width);
            double x2 = band.span().until() == null ? width : x(band.span().until(), width);
            band.rect().setX(x1);
            band.rect().setWidth(Math.max(0, x2 - x1));
            band.rect().setVisible(x2 - x1 >= 0.5);
        }
        if (neverArrow.getParent() != null) {
            neverArrow.setLayoutX(width - 14);
            taken.add(new double[]{width - 14, width});
            put(neverLabel, width - 18 - neverLabel.getWidth(), 0, width - 18, taken);
        }
        for (GapMark mark : gapMarks) {
            double centre = mark.gap().position() * width;
            double w = mark.label().getWidth();
            put(mark.label(), centre - w / 2, centre - w / 2 - 40, centre + w / 2 + 40, taken);
        }
        for (Band band : bands) {
            double x1 = band.rect().getX();
            double x2 = x1 + band.rect().getWidth();
            put(band.label(), x1 + 6, x1 + 4, x2 - 4, taken);
        }
    }

    /**
     * Puts a label of the axis row as near its preferred x as it can within [from, to] without
     * touching what is taken, and takes its place; hides it when there is no room.
     */
    private static void put(Label label, double preferred, double from, double to, List<double[]> taken) {
        double w = label.getWidth();
        List<Double> candidates = new ArrayList<>(List.of(preferred));
        for (double[] t : taken) {
            candidates.add(t[1] + CLEAR);
            candidates.add(t[0] - CLEAR - w);
        }
        double best = Double.NaN;
        for (double c : candidates) {
            if (c >= from && c + w <= to && free(c - CLEAR, c + w + CLEAR, taken)
                    && (Double.isNaN(best) || Math.abs(c - preferred) < Math.abs(best - preferred))) {
                best = c;
            }
        }
        label.setVisible(!Double.isNaN(best));
        if (!Double.isNaN(best)) {
            label.relocate(best, AXIS_Y + (AXIS_H - label.getHeight()) / 2);
            taken.add(new double[]{best, best + w});
        }
    }

    private static boolean free(double from, double to, List<double[]> taken) {
        return taken.stream().noneMatch(t -> t[0] < to && from < t[1]);
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
