package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.Snapshots;
import dev.tokenexplorer.ui.support.Theme;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongFunction;

import static dev.tokenexplorer.ui.timeline.TimelineFixture.IAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Where the timeline puts things, in every phase of a token's life: at 1024 and 1440 px, and at
 * about 600 and 900 px, what it gets beside the sources in a window that wide. The view sits in a
 * plain pane at its width (a headless screen is smaller than 1440 px), so the window stays small.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineLayoutTest {

    private static final int[] WIDTHS = {600, 900, 1024, 1440};
    /** An injected pod token: warnafter an hour and 7 s after iat, exp a year after. */
    private static final LongFunction<TokenReport> EXTENDED = age -> TimelineFixture.podToken(31_536_000, IAT + 3607, Instant.ofEpochSecond(IAT + age));
    /** A requested pod token of one hour: a linear scale. */
    private static final LongFunction<TokenReport> HOUR = age -> TimelineFixture.podToken(3600, null, Instant.ofEpochSecond(IAT + age));

    private TimelineView view;
    private TimelineViewModel model;
    private TimelineFixture.SettableClock clock;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.LIGHT.url());
        clock = new TimelineFixture.SettableClock(Instant.ofEpochSecond(IAT + 600));
        model = new TimelineViewModel(clock);
        model.zoneProperty().set(ZoneOffset.UTC);
        model.tokenProperty().set(EXTENDED.apply(600));
        view = new TimelineView(model);
        view.setPrefWidth(680);
        stage.setScene(new Scene(new Pane(view), 700, 260));
        stage.show();
    }

    private void show(FxRobot robot, LongFunction<TokenReport> token, long age, double width) {
        TimelineFixture.change(robot, () -> {
            clock.set(Instant.ofEpochSecond(IAT + age));
            model.tokenProperty().set(token.apply(age));
            view.setPrefWidth(width);
        });
    }

    @Test
    void aNewWidthMovesTheNodesButNeverRebuildsThem(FxRobot robot) {
        show(robot, EXTENDED, 600, 1024);
        List<Node> before = TimelineFixture.nodes(TimelineFixture.drawing(robot));
        double exp = TimelineFixture.markerX(robot, "exp");

        TimelineFixture.change(robot, () -> view.setPrefWidth(1440));

        assertThat(TimelineFixture.nodes(TimelineFixture.drawing(robot))).containsExactlyElementsOf(before);
        assertThat(TimelineFixture.markerX(robot, "exp")).isGreaterThan(exp + 300);

        TimelineFixture.change(robot, () -> view.setPrefWidth(1024));

        assertThat(TimelineFixture.nodes(TimelineFixture.drawing(robot))).containsExactlyElementsOf(before);
        assertThat(TimelineFixture.markerX(robot, "exp")).isCloseTo(exp, within(0.5));
    }

    @Test
    void labelsOverlapNeitherEachOtherNorTheNowLineInAnyPhase(FxRobot robot) {
        // Before iat, just issued, before the refresh, between refresh and warnafter, stale, expired.
        long[] ages = {-900, 30, 600, 3000, 3607 + 86_400 * 30L, 31_536_000 + 3600};
        for (int width : WIDTHS) {
            for (LongFunction<TokenReport> token : List.of(EXTENDED, HOUR)) {
                for (long age : ages) {
                    show(robot, token, age, width);
                    assertNothingOverlaps(robot, "width " + width + ", age " + age + " s");
                }
            }
        }
    }

    private static void assertNothingOverlaps(FxRobot robot, String where) {
        List<Label> labels = TimelineFixture.visibleLabels(robot);
        Bounds drawing = TimelineFixture.scene(TimelineFixture.drawing(robot));
        Bounds now = TimelineFixture.scene(TimelineFixture.nowLine(robot));
        List<Line> markerLines = robot.lookup(".marker-line").queryAllAs(Line.class).stream().toList();
        assertThat(labels).as(where).extracting(Label::getText).contains("now");
        for (Label a : labels) {
            Bounds box = TimelineFixture.scene(a);
            assertThat(box.getMinX()).as("%s: %s inside the drawing", where, a.getText()).isGreaterThanOrEqualTo(drawing.getMinX() - 0.5);
            assertThat(box.getMaxX()).as("%s: %s inside the drawing", where, a.getText()).isLessThanOrEqualTo(drawing.getMaxX() + 0.5);
            assertThat(TimelineFixture.overlap(box, now)).as("%s: the now line crosses %s", where, a.getText()).isFalse();
            for (Label b : labels) {
                if (a != b) {
                    assertThat(TimelineFixture.overlap(box, TimelineFixture.scene(b))).as("%s: %s and %s overlap", where, a.getText(), b.getText()).isFalse();
                }
            }
            for (Line line : markerLines) {
                assertThat(TimelineFixture.overlap(box, TimelineFixture.scene(line))).as("%s: a marker line %s crosses %s %s", where, TimelineFixture.scene(line), a.getText(), box).isFalse();
            }
        }
    }

    @Test
    void phasesAndMarkersStandInProportionToTime(FxRobot robot) {
        for (int width : WIDTHS) {
            show(robot, HOUR, 600, width);
            double iat = TimelineFixture.markerX(robot, "iat · nbf");
            double exp = TimelineFixture.markerX(robot, "exp");
            double perSecond = (exp - iat) / 3600;

            assertThat(robot.lookup("#timeline-scale-note").queryAs(Label.class).getText()).startsWith("Linear");
            assertThat(TimelineFixture.markerX(robot, "kubelet refresh") - iat).isCloseTo(2880 * perSecond, within(0.5));
            assertThat(TimelineFixture.nowLine(robot).getStartX() - iat).isCloseTo(600 * perSecond, within(0.5));
            List<Rectangle> bands = robot.lookup(".phase-band").queryAllAs(Rectangle.class).stream()
                    .sorted(java.util.Comparator.comparingDouble(Rectangle::getX)).toList();
            assertThat(bands).hasSize(3);
            // valid: from 60 s before iat to 61 s after exp (the API server's leeway)
            assertThat(bands.get(1).getX()).isCloseTo(iat - 60 * perSecond, within(0.5));
            assertThat(bands.get(1).getWidth()).isCloseTo((3600 + 121) * perSecond, within(0.5));
            assertThat(bands.get(0).getX()).isZero();
            assertThat(bands.get(2).getX() + bands.get(2).getWidth()).isCloseTo(TimelineFixture.drawing(robot).getWidth(), within(0.5));
        }
    }

    @Test
    void snapshotsInLightAndDark(FxRobot robot) throws Exception {
        for (String theme : List.of("light", "dark")) {
            robot.interact(() -> Application.setUserAgentStylesheet(theme.equals("light")
                    ? Theme.LIGHT.url() : Theme.DARK.url()));
            for (int width : new int[]{600, 1024, 1440}) {
                show(robot, EXTENDED, 1140, width);
                Snapshots.write(robot.lookup(".timeline-view").query(), "timeline-extended-" + width + "-" + theme + ".png");
                TimelineFixture.change(robot, () -> model.zoneProperty().set(ZoneId.of("America/New_York")));
                show(robot, EXTENDED, 3607 + 86_400 * 3L, width);
                Snapshots.write(robot.lookup(".timeline-view").query(), "timeline-stale-local-" + width + "-" + theme + ".png");
                TimelineFixture.change(robot, () -> model.zoneProperty().set(ZoneOffset.UTC));
                show(robot, HOUR, 600, width);
                Snapshots.write(robot.lookup(".timeline-view").query(), "timeline-hour-" + width + "-" + theme + ".png");
                show(robot, age -> TimelineFixture.partial("{\"iat\":" + IAT + "}", Instant.ofEpochSecond(IAT + age)), 600, width);
                Snapshots.write(robot.lookup(".timeline-view").query(), "timeline-only-iat-" + width + "-" + theme + ".png");
                if (width == 1024) {
                    show(robot, EXTENDED, -900, width);
                    Snapshots.write(robot.lookup(".timeline-view").query(), "timeline-not-yet-valid-" + width + "-" + theme + ".png");
                    show(robot, EXTENDED, 31_536_000 + 3600, width);
                    Snapshots.write(robot.lookup(".timeline-view").query(), "timeline-expired-" + width + "-" + theme + ".png");
                }
            }
        }
        robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.url()));
    }
}
