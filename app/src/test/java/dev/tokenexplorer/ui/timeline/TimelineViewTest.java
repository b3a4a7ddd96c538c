package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.support.Theme;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import static dev.tokenexplorer.ui.timeline.TimelineFixture.IAT;
import static org.assertj.core.api.Assertions.assertThat;

/** The timeline drawn headless for the extended seed token, 19 minutes after it was issued, and for partial tokens. */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {

    private static final Instant NOW = Instant.parse("2022-08-19T12:08:00Z");

    private TimelineViewModel model;
    private TimelineFixture.SettableClock clock;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.LIGHT.url());
        clock = new TimelineFixture.SettableClock(NOW);
        model = new TimelineViewModel(clock);
        model.zoneProperty().set(ZoneOffset.UTC);
        TokenReport token = new TokenAnalyzer().analyze("token", Fixtures.text(Fixtures.PROJECTED), NOW, List.of());
        model.tokenProperty().set(token);
        StackPane root = new StackPane(new TimelineView(model));
        root.setStyle("-fx-padding: 12");
        stage.setScene(new Scene(root, 680, 220));
        stage.show();
    }

    private static List<Label> byX(FxRobot robot, String styleClass) {
        return robot.lookup(styleClass).queryAllAs(Label.class).stream()
                .sorted(Comparator.comparingDouble(l -> TimelineFixture.scene(l).getCenterX())).toList();
    }

    @Test
    void markersStandInTimeOrderWithTheirLabels(FxRobot robot) {
        List<Label> names = byX(robot, ".marker-label");

        assertThat(names).extracting(Label::getText).containsExactly("iat · nbf", "kubelet refresh", "warnafter", "exp");
        assertThat(byX(robot, ".marker-date")).extracting(Label::getText)
                .containsExactly("19 Aug 11:49 UTC", "12:37 UTC", "12:49 UTC", "19 Aug 2023 11:49 UTC");
        double nowX = TimelineFixture.nowLine(robot).getStartX();
        assertThat(nowX).isBetween(TimelineFixture.markerX(robot, "iat · nbf"), TimelineFixture.markerX(robot, "kubelet refresh"));
        assertThat(robot.lookup("#timeline-scale-note").queryAs(Label.class).getText()).startsWith("Non-linear time scale");
        assertThat(robot.lookup(".axis-break").queryAll()).hasSize(1);
        assertThat(robot.lookup(".phase-band").queryAll()).hasSize(4);
        assertThat(robot.lookup("#timeline-summary").queryAs(Label.class).getText())
                .isEqualTo("Valid for another 41 minutes; the kubelet replaces it in 29 minutes; after 12:49 UTC it is stale: "
                        + "still accepted until 19 Aug 2023, but flagged in the audit log.");
        assertThat(robot.lookup("#timeline-drawing").query().getAccessibleText()).contains("Warn after: 19 Aug 2022 12:49:08 UTC");
    }

    @Test
    void tickingMovesOnlyTheNowLine(FxRobot robot) {
        Node band = robot.lookup(".phase-band").query();
        List<Node> before = TimelineFixture.nodes(TimelineFixture.drawing(robot));
        double x = TimelineFixture.nowLine(robot).getStartX();

        TimelineFixture.change(robot, () -> {
            clock.set(NOW.plusSeconds(300));
            model.tick();
        });

        assertThat((Object) robot.lookup(".phase-band").query()).isSameAs(band);
        assertThat(TimelineFixture.nodes(TimelineFixture.drawing(robot))).containsExactlyElementsOf(before);
        assertThat(TimelineFixture.nowLine(robot).getStartX()).isGreaterThan(x);
    }

    @Test
    void switchingTheZoneRelabelsEveryTimeWithItsZone(FxRobot robot) {
        TimelineFixture.change(robot, () -> model.zoneProperty().set(ZoneId.of("America/New_York")));

        assertThat(byX(robot, ".marker-date")).extracting(Label::getText)
                .containsExactly("19 Aug 07:49 EDT", "08:37 EDT", "08:49 EDT", "19 Aug 2023 07:49 EDT");
        assertThat(robot.lookup("#timeline-summary").queryAs(Label.class).getText()).contains("after 08:49 EDT it is stale");
        assertThat(robot.lookup("#timeline-now").queryAs(Label.class).getTooltip().getText()).contains("08:08:00 EDT");
        Node warnafter = byX(robot, ".marker-label").get(2).getParent();
        assertThat(((Tooltip) warnafter.getProperties().get("javafx.scene.control.Tooltip")).getText())
                .startsWith("warnafter\n19 Aug 2022 08:49:08 EDT");

        TimelineFixture.change(robot, () -> model.zoneProperty().set(ZoneOffset.UTC));

        assertThat(byX(robot, ".marker-date")).extracting(Label::getText).first().isEqualTo("19 Aug 11:49 UTC");
    }

    @Test
    void copiedFactsSayTheEffectiveExpiryIsTheWarnafterTime(FxRobot robot) throws Exception {
        robot.clickOn("#timeline-copy");

        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).contains("Effective expiry: 19 Aug 2022 12:49:08 UTC (in 41 minutes) = warnafter (iat + 3607 s)",
                "Kubelet refresh: 19 Aug 2022 12:37:06 UTC (in 29 minutes) = iat + 80 % of the requested lifetime, at most 24 h.");
    }

    @Test
    void aTokenWithOnlyIatShowsItsIssueAndThatItNeverExpires(FxRobot robot) {
        Instant now = Instant.ofEpochSecond(IAT + 600);
        TimelineFixture.change(robot, () -> {
            clock.set(now);
            model.tokenProperty().set(TimelineFixture.partial("{\"iat\":" + IAT + "}", now));
        });

        assertThat(byX(robot, ".marker-label")).extracting(Label::getText).containsExactly("iat");
        assertThat(robot.lookup("#timeline-never-expires").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup(".phase-band").queryAll()).hasSize(2);
        assertThat(robot.lookup("#timeline-summary").queryAs(Label.class).getText()).startsWith("Never expires.");
        assertThat(robot.lookup("#timeline-missing").queryAs(Label.class).getText()).contains("No nbf", "No exp");
        assertThat(TimelineFixture.nowLine(robot).getStartX()).isGreaterThan(TimelineFixture.markerX(robot, "iat"));
    }

    @Test
    void aTokenWithAnUnusableExpShowsItsOtherInstants(FxRobot robot) {
        Instant now = Instant.ofEpochSecond(IAT + 600);
        TimelineFixture.change(robot, () -> {
            clock.set(now);
            model.tokenProperty().set(TimelineFixture.partial("{\"iat\":" + IAT + ",\"nbf\":" + (IAT + 60) + ",\"exp\":\"soon\"}", now));
        });

        assertThat(byX(robot, ".marker-label")).extracting(Label::getText).containsExactly("iat", "nbf");
        assertThat(robot.lookup("#timeline-missing").queryAs(Label.class).getText()).contains("exp is not a usable date");
        assertThat(robot.lookup("#timeline-summary").queryAs(Label.class).getText()).contains("exp is not a usable date");
    }

    @Test
    void aLegacyTokenWithNoInstantsShowsNowAndNeverExpires(FxRobot robot) {
        TimelineFixture.change(robot, () -> model.tokenProperty().set(new TokenAnalyzer().analyze("token", Fixtures.text(Fixtures.LEGACY_V120), NOW, List.of())));

        assertThat(robot.lookup(".marker-label").queryAll()).isEmpty();
        assertThat(robot.lookup("#timeline-never-expires").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#timeline-now").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#timeline-never-expires").queryAs(Label.class).getTooltip().getText()).contains("Secret default/default-token-57llx");
    }
}
