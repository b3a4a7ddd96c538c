package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.TestTokens;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Tokens, a settable clock and the geometry of a drawn timeline, for the timeline's GUI tests. */
final class TimelineFixture {

    /** 2026-12-09T12:00:00Z: when the minted tokens are issued. */
    static final long IAT = 1796817600L;

    private TimelineFixture() {
    }

    /** A clock the test moves. */
    static final class SettableClock extends Clock {
        private Instant instant;

        SettableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }

    /** A pod-bound token issued at IAT, valid for lifetime seconds, with warnafter when given. */
    static TokenReport podToken(long lifetime, Long warnAfter, Instant now) {
        return analyze(TestTokens.rs256("{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":" + (IAT + lifetime) + ",\"iat\":" + IAT
                + ",\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"default\","
                + "\"pod\":{\"name\":\"web-0\",\"uid\":\"d822ba5f-4290-4bca-94ce-f3bc0dca2e36\"},"
                + "\"serviceaccount\":{\"name\":\"app\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"}"
                + (warnAfter == null ? "" : ",\"warnafter\":" + warnAfter) + "},\"nbf\":" + IAT
                + ",\"sub\":\"system:serviceaccount:default:app\"}"), now);
    }

    /** An unsigned token with only these claims. */
    static TokenReport partial(String payload, Instant now) {
        return analyze(TestTokens.unsigned(payload), now);
    }

    private static TokenReport analyze(String token, Instant now) {
        return new TokenAnalyzer().analyze("token", token, now, List.of());
    }

    /**
     * Runs a change on the FX thread, then styles and lays out the scene at once, so what the
     * test reads next is placed, without waiting for the next pulse.
     */
    static void change(FxRobot robot, Runnable change) {
        robot.interact(() -> {
            change.run();
            Parent root = drawing(robot).getScene().getRoot();
            root.applyCss();
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Pane drawing(FxRobot robot) {
        return robot.lookup("#timeline-drawing").queryAs(Pane.class);
    }

    /** Every node of the drawing, nested ones included, in order. */
    static List<Node> nodes(Parent parent) {
        List<Node> all = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            all.add(child);
            if (child instanceof Parent p && !(child instanceof Label)) {
                all.addAll(nodes(p));
            }
        }
        return all;
    }

    /** The visible labels of the drawing: marker names and dates, phase names, gap marks, "now", "never expires". */
    static List<Label> visibleLabels(FxRobot robot) {
        return nodes(drawing(robot)).stream().filter(n -> n instanceof Label && n.isVisible() && n.getParent().isVisible())
                .map(Label.class::cast).filter(l -> !l.getText().isEmpty()).toList();
    }

    static Bounds scene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    /** Whether two boxes share more than a hairline. */
    static boolean overlap(Bounds a, Bounds b) {
        return a.getMinX() + 0.5 < b.getMaxX() && b.getMinX() + 0.5 < a.getMaxX()
                && a.getMinY() + 0.5 < b.getMaxY() && b.getMinY() + 0.5 < a.getMaxY();
    }

    static Line nowLine(FxRobot robot) {
        return robot.lookup(".now-line").queryAs(Line.class);
    }

    /** The x, in the drawing, where a marker's line stands; markers by their name ("exp", "iat · nbf"). */
    static double markerX(FxRobot robot, String name) {
        Label label = robot.lookup(".marker-label").queryAllAs(Label.class).stream().filter(l -> l.getText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no marker " + name));
        Node block = label.getParent();
        return nodes(drawing(robot)).stream().filter(n -> n instanceof Line l && l.getStyleClass().contains("marker-line"))
                .map(Line.class::cast).filter(l -> Math.abs(l.getEndY() + 1 - block.getLayoutY()) < 0.5 && l.getStartX() >= block.getLayoutX() - 0.5
                        && l.getStartX() <= block.getLayoutX() + block.getLayoutBounds().getWidth() + 0.5)
                .mapToDouble(Line::getStartX).findFirst().orElseThrow();
    }
}
