package dev.tokenexplorer.ui;

import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.main.MainWindow;
import dev.tokenexplorer.ui.support.FxTaskExecutor;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window at America/New_York with the UTC toggle off: no label says UTC; and a large dump's offer. */
@ExtendWith(ApplicationExtension.class)
class OneZoneWindowTest {

    private MainWindow window;
    private final java.util.prefs.Preferences preferences = TestPreferences.fresh();

    @AfterEach
    void removePreferences() {
        TestPreferences.remove(preferences);
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(Clock.fixed(Instant.parse("2023-09-01T12:00:00Z"), ZoneId.of("America/New_York")), new FxTaskExecutor(),
                preferences, false, dark -> { });
        stage.setScene(window.scene());
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
    }

    @Test
    void anExpiredTokenShowsEveryTimeInNewYork(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().paste(Fixtures.text(Fixtures.PROJECTED).strip()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().selection().tokenProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = robot.lookup(n -> n.isVisible() && (n instanceof Labeled || n instanceof Text)).queryAll().stream()
                .map(OneZoneWindowTest::text).filter(t -> t != null && t.matches("(?s).*\\d{2}:\\d{2}.*")).toList();
        Snapshots.write(window.scene().getRoot(), "one-zone-new-york.png");

        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains("UTC")).anyMatch(t -> t.contains("EDT"));
    }

    @Test
    void aDumpTooLargeForExploreIsOfferedToTheAudit(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path dump = dir.resolve("secrets.yaml");
        try (BufferedWriter out = Files.newBufferedWriter(dump)) {
            out.write("apiVersion: v1\nkind: List\nitems:\n");
            for (int i = 0; i < 34 * 1024; i++) {
                out.write("- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-" + i + ", namespace: ci}, data: {k: " + "x".repeat(940) + "}}\n");
            }
        }
        robot.interact(() -> window.model().openFiles(List.of(dump)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().sources().auditOffer().offerProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(window.scene().getRoot(), "audit-offer.png");

        robot.clickOn("#audit-offer");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().sources().auditOffer().offerProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(window.scene().getRoot(), "audit-offer-taken.png");
    }

    @Test
    void theAuditsFindingsShowTheirTimesInNewYorkToo(FxRobot robot) throws Exception {
        String dump = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Secret
                  type: kubernetes.io/service-account-token
                  metadata:
                    name: ci-token
                    namespace: ci
                    creationTimestamp: "2023-01-05T17:30:00Z"
                    annotations: {kubernetes.io/service-account.name: ci}
                  data: {token: %s}
                """.formatted(java.util.Base64.getEncoder().encodeToString(Fixtures.text(Fixtures.LEGACY_V120).strip().getBytes()));
        robot.interact(() -> {
            window.auditModel().auditText("pasted dump", dump);
        });
        robot.clickOn("#page-audit");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.auditModel().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#audit-table").queryAs(javafx.scene.control.TableView.class).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = robot.lookup("#audit-details .finding").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
        assertThat(texts).anyMatch(t -> t.contains("created 5 Jan 2023 12:30:00 EST")).noneMatch(t -> t.contains("UTC"));
    }

    private static String text(Node n) {
        return n instanceof Labeled l ? l.getText() : ((Text) n).getText();
    }
}
