package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.token.PhaseSpan;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.time.ZoneId;

/** The nodes the timeline's skin draws with, made once per token and zone; the skin places them. */
final class TimelineNodes {

    private TimelineNodes() {
    }

    /** A phase: its band on the axis and its name inside it. */
    record Band(PhaseSpan span, Rectangle rect, Label label) {
    }

    /** A "≈" on the axis where a gap is drawn much shorter than it lasts. */
    record GapMark(TimelineScale.Break gap, Label label) {
    }

    /** An instant: its line down from the axis, its name and date in a block, and a strip to hover. */
    record MarkerNodes(TimelineViewModel.Marker marker, Line line, VBox block, Rectangle hit) {
    }

    static Band band(PhaseSpan span, java.time.Duration leeway, ZoneId zone) {
        PseudoClass phase = PseudoClass.getPseudoClass(span.phase().id());
        Rectangle rect = new Rectangle(0, TimelineSkin.AXIS_Y, 0, TimelineSkin.AXIS_H);
        rect.getStyleClass().add("phase-band");
        rect.pseudoClassStateChanged(phase, true);
        Tooltip.install(rect, new Tooltip(span.phase().title()
                + (span.from() == null ? "" : "\nfrom " + TimeText.zoned(span.from(), zone))
                + (span.until() == null ? "" : "\nuntil " + TimeText.zoned(span.until(), zone))
                + "\n(bounds include the API server's " + leeway.getSeconds() + " s leeway)"));
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

    static GapMark gapMark(TimelineScale.Break gap) {
        Label mark = new Label("≈");
        mark.getStyleClass().add("axis-break");
        mark.setTooltip(new Tooltip("A gap of " + TimeText.duration(gap.length()) + ", drawn shorter than it lasts"));
        return new GapMark(gap, mark);
    }

    static MarkerNodes marker(TimelineViewModel.Marker marker) {
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
}
