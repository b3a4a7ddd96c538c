package dev.tokenexplorer.ui;

import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.main.MainWindow;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing pasted, opened or typed as a secret lands in preferences or in the log. */
@ExtendWith(ApplicationExtension.class)
class PrivacyTest {

    private MainWindow window;
    private final Preferences preferences = TestPreferences.fresh();

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, "2022-08-19T12:00:00Z", preferences);
    }

    @AfterEach
    void removePreferences() {
        TestPreferences.remove(preferences);
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
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().items().size() == 2 && window.keysModel().keys().size() == 1);
            robot.clickOn("#theme-toggle").clickOn("#utc-toggle");
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.model().close(window.model().items().get(1)));
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
