package dev.tokenexplorer.ui;

import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.main.MainWindow;
import dev.tokenexplorer.ui.support.FxTaskExecutor;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The window stays responsive with 10 MB of input, and nothing pasted lands in preferences or logs. */
@ExtendWith(ApplicationExtension.class)
class PrivacyAndResponsivenessTest {

    private MainWindow window;
    private final Preferences preferences = TestPreferences.fresh();

    @Start
    void start(Stage stage) {
        window = new MainWindow(Clock.fixed(Instant.parse("2022-08-19T12:00:00Z"), ZoneOffset.UTC), new FxTaskExecutor(), preferences, false, dark -> { });
        stage.setScene(window.scene());
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
    }

    @AfterEach
    void removePreferences() {
        TestPreferences.remove(preferences);
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

    /** The longest gap between two frames while the work runs: the JavaFX thread never waits for it. */
    private static long longestFrameGap(FxRobot robot, Runnable start, java.util.concurrent.Callable<Boolean> done) throws Exception {
        AtomicLong last = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last.get() != 0) {
                    longest.accumulateAndGet((now - last.get()) / 1_000_000, Math::max);
                }
                last.set(now);
            }
        };
        robot.interact(frames::start);
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        robot.interact(start);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, done);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the frames that show the result
        robot.interact(frames::stop);
        return longest.get();
    }

    @Test
    void pastingTenMegabytesKeepsTheWindowResponsive(FxRobot robot) throws Exception {
        String text = tenMegabytes();

        long gap = longestFrameGap(robot, () -> window.model().paste(text),
                () -> window.model().selectedTokenProperty().get() != null && !window.model().busyProperty().get());

        assertThat(gap).as("longest gap between frames, ms").isLessThan(100);
        assertThat(robot.lookup("#large-paste").queryAs(Label.class).getText()).startsWith("10.0 MB pasted");
        assertThat(robot.lookup("#paste-area").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(window.model().sources().get(0).report().tokens()).hasSizeGreaterThan(1000);
    }

    @Test
    void openingATenMegabyteFileKeepsTheWindowResponsive(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secrets.yaml"), tenMegabytes());

        long gap = longestFrameGap(robot, () -> window.model().openFiles(List.of(file)),
                () -> !window.model().sources().isEmpty() && !window.model().readingProperty().get());

        assertThat(gap).as("longest gap between frames, ms").isLessThan(100);
        assertThat(window.model().sources()).singleElement().satisfies(s -> assertThat(s.report().tokens()).hasSizeGreaterThan(1000));
    }

    @Test
    void tokensNeverReachPreferencesOrTheLog(FxRobot robot, @TempDir Path dir) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true);
        System.setOut(capture);
        System.setErr(capture);
        try {
            String token = Fixtures.text(Fixtures.PROJECTED).strip();
            Path secret = Files.copy(Fixtures.path(Fixtures.EXPLICIT_SECRET), dir.resolve("secret.yaml"));
            robot.interact(() -> window.model().paste(token));
            robot.interact(() -> window.model().openFiles(List.of(secret)));
            robot.interact(() -> window.keysModel().addKeysFromText("pasted key", Fixtures.text("kubernetes-test-keys/rsa_private.pem")));
            robot.interact(() -> window.keysModel().hmacSecretProperty().set("a shared secret"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().sources().size() == 2 && window.keysModel().keys().size() == 1);
            robot.clickOn("#theme-toggle").clickOn("#utc-toggle");
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.model().close(window.model().sources().get(1)));
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        StringBuilder stored = new StringBuilder();
        for (String key : preferences.keys()) {
            stored.append(key).append('=').append(preferences.get(key, "")).append('\n');
        }
        String log = captured.toString();
        for (String secretText : List.of("eyJ", "BEGIN", "MIIE", "a shared secret")) {
            assertThat(stored.toString()).doesNotContain(secretText);
            assertThat(log).doesNotContain(secretText);
        }
    }
}
