package dev.tokenexplorer.ui;

import dev.tokenexplorer.support.ClusterDump;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.main.MainWindow;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The window keeps drawing frames while 10 MB are pasted or opened and while 10,000 Secrets are audited. */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessTest {

    private static final long FRAME_GAP_GOAL_MS = 100;
    private static final long FREEZE_LIMIT_MS = 300;
    private static final int RUNS = 3;

    private MainWindow window;
    private final Preferences preferences = TestPreferences.fresh();

    private ReadOnlyBooleanProperty warmedUp;

    /** As the app starts without files: the window shows, then warms up. */
    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, "2022-08-19T12:00:00Z", preferences);
        warmedUp = window.warmUp();
    }

    /** The user starts once the window has settled, as a person does a second after it appears. */
    @BeforeEach
    void waitForWarmUp() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, warmedUp::get);
    }

    @AfterEach
    void removePreferences() {
        TestPreferences.remove(preferences);
    }

    @Test
    void warmingUpLeavesTheWindowAsItWas() throws Exception {
        assertThat(window.model().items()).isEmpty();
        assertThat(window.model().paste().inputTextProperty().get()).isEmpty();
        assertThat(window.model().selection().tokenProperty().get()).isNull();
        assertThat(window.auditModel().resultProperty().get()).isNull();
        assertThat(preferences.keys()).isEmpty();
    }

    /** About 10 MB of Secrets, each with the seed token. */
    private static String tenMegabytes() {
        String secret = Fixtures.text(Fixtures.EXPLICIT_SECRET).replaceAll("(?m)^", "  ").replaceFirst("  apiVersion", "- apiVersion");
        StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        while (list.length() < 10 * 1024 * 1024) {
            list.append(secret).append('\n');
        }
        return list.toString();
    }

    /**
     * Three runs of the same work. The test fails only on a real freeze: the median run's longest
     * gap between frames reaching 300 ms. The 100 ms goal is a figure, printed for every run with
     * where late frames went, not an assertion: on a shared 2-core CI host, one late frame can be
     * the machine rather than the app, and a timed assertion would block a landing for it.
     */
    private static void assertResponsive(String what, List<FrameGaps> runs) {
        List<Long> longest = runs.stream().map(FrameGaps::longestMillis).sorted().toList();
        long median = longest.get(longest.size() / 2);
        runs.forEach(run -> System.out.println(what + ": " + run));
        System.out.printf("%s: median of the runs' longest frame gaps %d ms (goal %d ms)%n", what, median, FRAME_GAP_GOAL_MS);
        String all = runs.stream().map(FrameGaps::toString).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(median).as(what + ", median of the runs' longest gaps between frames, ms\n" + all).isLessThan(FREEZE_LIMIT_MS);
    }

    @Test
    void pastingTenMegabytesKeepsTheWindowResponsive(FxRobot robot) throws Exception {
        String text = tenMegabytes();
        List<FrameGaps> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            robot.interact(() -> window.model().clear());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().selection().tokenProperty().get() == null);
            runs.add(FrameGaps.during(robot, () -> window.model().paste(text),
                    () -> window.model().selection().tokenProperty().get() != null && !window.model().paste().busyProperty().get()));
        }

        assertResponsive("paste 10 MB", runs);
        assertThat(robot.lookup("#large-paste").queryAs(Label.class).getText()).startsWith("10.0 MB pasted");
        assertThat(robot.lookup("#paste-area").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(window.model().items().get(0).report().tokens()).hasSizeGreaterThan(1000);

        // Clear (Ctrl+K) drops a large paste too, though it never reached the editor.
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().items()).isEmpty();
        assertThat(window.model().selection().tokenProperty().get()).isNull();
        assertThat(window.model().paste().largePasteProperty().get()).isNull();
    }

    @Test
    void openingATenMegabyteFileKeepsTheWindowResponsive(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secrets.yaml"), tenMegabytes());
        List<FrameGaps> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) { // the second and third time, the open file is read again
            runs.add(FrameGaps.during(robot, () -> window.model().openFiles(List.of(file)),
                    () -> !window.model().items().isEmpty() && !window.model().readingProperty().get()));
        }

        assertResponsive("open 10 MB", runs);
        assertThat(window.model().items()).singleElement().satisfies(s -> assertThat(s.report().tokens()).hasSizeGreaterThan(1000));
        // Thousands of Secrets start folded, and the row says how many there are.
        javafx.scene.control.TreeView<?> sources = robot.lookup("#sources").queryAs(javafx.scene.control.TreeView.class);
        assertThat(sources.getRoot().getChildren()).singleElement().satisfies(source -> assertThat(source.isExpanded()).isFalse());
        assertThat(robot.lookup(".source-subtitle").queryAllAs(Label.class).stream().filter(l -> l.getParent().isVisible()).map(Label::getText))
                .containsExactly("Secret list · 3,319 entries");
        Snapshots.write(robot.lookup(".main-view").query(), "ten-megabytes-open.png");
    }

    @Test
    void auditingTenThousandSecretsWithAKeyKeepsTheWindowResponsive(FxRobot robot, @TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("cluster.json"), ClusterDump.mix(10_000, LocalDate.parse("2022-08-19")).json());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.interact(() -> window.keysModel().addKeysFromText("rsa_public.pem", Fixtures.text("kubernetes-test-keys/rsa_public.pem")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.keysModel().settingsProperty().get().keys().isEmpty());
        List<FrameGaps> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Object before = window.auditModel().resultProperty().get();
            runs.add(FrameGaps.during(robot, () -> window.auditModel().audit(List.of(dump)),
                    () -> window.auditModel().resultProperty().get() != before && !window.auditModel().runningProperty().get()));
        }

        assertResponsive("audit 10,000 Secrets", runs);
        assertThat(window.auditModel().resultProperty().get().summary().secrets()).isEqualTo(10_000);
        assertThat(window.auditModel().resultProperty().get().summary().bySignature()).containsKey(dev.tokenexplorer.core.jwt.SignatureStatus.VERIFIED);
    }
}
