package dev.tokenexplorer.ui.timeline;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.Snapshots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline drawn headless for the extended seed token, 19 minutes after it was issued. */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {

    private static final Instant NOW = Instant.parse("2022-08-19T12:08:00Z");

    private TimelineViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new TimelineViewModel(Clock.fixed(NOW, ZoneOffset.UTC));
        model.zoneProperty().set(ZoneOffset.UTC);
        TokenReport token = new TokenAnalyzer().analyze("token", Fixtures.text(Fixtures.PROJECTED), NOW, List.of());
        model.tokenProperty().set(token);
        StackPane root = new StackPane(new TimelineView(model));
        root.setStyle("-fx-padding: 12");
        stage.setScene(new Scene(root, 680, 190));
        stage.show();
    }

    @Test
    void markersStandInTimeOrderWithTheirLabels(FxRobot robot) throws Exception {
        List<Label> names = robot.lookup(".marker-label").queryAllAs(Label.class).stream()
                .sorted(Comparator.comparingDouble(Node::getLayoutX)).toList();

        assertThat(names).extracting(Label::getText).containsExactly("iat · nbf", "kubelet refresh", "warnafter", "exp");
        assertThat(robot.lookup(".marker-date").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("19 Aug 11:49 UTC", "12:37 UTC", "12:49 UTC", "19 Aug 2023 11:49 UTC");
        double nowX = robot.lookup("#timeline-now").queryAs(Label.class).getLayoutX();
        assertThat(nowX).isBetween(names.get(0).getLayoutX(), names.get(1).getLayoutX() + names.get(1).getWidth());
        assertThat(robot.lookup("#timeline-scale-note").queryAs(Label.class).getText()).startsWith("Non-linear time scale");
        assertThat(robot.lookup(".axis-break").queryAll()).hasSize(1);
        assertThat(robot.lookup(".phase-band").queryAll()).hasSize(4);
        assertThat(robot.lookup("#timeline-summary").queryAs(Label.class).getText())
                .isEqualTo("Valid for another 41 minutes; the kubelet replaces it in 29 minutes; after 12:49 UTC it is stale: "
                        + "still accepted until 19 Aug 2023, but flagged in the audit log.");
        assertThat(robot.lookup("#timeline-drawing").query().getAccessibleText()).contains("Warn after: 19 Aug 2022 12:49:08 UTC");

        Snapshots.write(robot.lookup(".timeline-view").query(), "timeline-extended-light.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot.lookup(".timeline-view").query(), "timeline-extended-dark.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void tickingMovesOnlyTheNowLine(FxRobot robot) {
        Node band = robot.lookup(".phase-band").query();
        int children = robot.lookup("#timeline-drawing").queryAs(javafx.scene.layout.Pane.class).getChildren().size();

        robot.interact(model::tick);

        assertThat((Object) robot.lookup(".phase-band").query()).isSameAs(band);
        assertThat(robot.lookup("#timeline-drawing").queryAs(javafx.scene.layout.Pane.class).getChildren()).hasSize(children);
    }
}
