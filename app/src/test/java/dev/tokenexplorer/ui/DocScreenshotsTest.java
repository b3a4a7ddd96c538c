package dev.tokenexplorer.ui;

import dev.tokenexplorer.support.ClusterDump;
import dev.tokenexplorer.support.TestTokens;
import dev.tokenexplorer.ui.main.MainWindow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's screenshots: Explore, Manifest and Audit at 1024×700 and 1440×900, light and dark.
 * Runs only when asked ({@code -Ddocs.screenshots=../docs}), so ordinary builds never rewrite docs/.
 */
@ExtendWith(ApplicationExtension.class)
class DocScreenshotsTest {

    private MainWindow window;
    private Stage stage;
    private final java.util.prefs.Preferences preferences = TestPreferences.fresh();

    @TempDir
    Path dir;

    @AfterEach
    void removePreferences() {
        TestPreferences.remove(preferences);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage, "2026-11-28T12:00:00Z", preferences);
    }

    @Test
    void explorerManifestAndAuditAtTwoSizesInBothThemes(FxRobot robot) throws Exception {
        String out = System.getProperty("docs.screenshots");
        Assumptions.assumeTrue(out != null, "-Ddocs.screenshots=DIR writes the README's screenshots");
        System.setProperty("snapshots.dir", out);
        String token = TestTokens.rs256("{\"aud\":[\"https://kubernetes.default.svc.cluster.local\"],\"exp\":1827402000,\"iat\":1795866000,"
                + "\"iss\":\"https://kubernetes.default.svc.cluster.local\",\"kubernetes.io\":{\"namespace\":\"ci\","
                + "\"node\":{\"name\":\"worker-2\",\"uid\":\"5c2d0a4e-8d0c-4a8b-9d1e-2f4b6c8a9e01\"},"
                + "\"pod\":{\"name\":\"deployer-7c9f\",\"uid\":\"0f3e6c1a-3b7d-4e2a-9c5b-1d8e7f6a4b2c\"},"
                + "\"serviceaccount\":{\"name\":\"deployer\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"},\"warnafter\":1795869607},"
                + "\"nbf\":1795866000,\"sub\":\"system:serviceaccount:ci:deployer\"}");
        robot.interact(() -> window.model().paste(token));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().selection().tokenProperty().get() != null);
        Path dump = Files.writeString(dir.resolve("cluster.yaml"), ClusterDump.mix(60, LocalDate.parse("2026-11-28")).yaml());
        robot.interact(() -> window.auditModel().audit(List.of(dump)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.auditModel().resultProperty().get() != null);

        for (boolean dark : List.of(false, true)) {
            if (dark) {
                robot.interact(() -> robot.lookup("#theme-toggle").queryAs(javafx.scene.control.ToggleButton.class).fire());
            }
            for (int[] size : List.of(new int[]{1024, 700}, new int[]{1440, 900})) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                for (KeyCode page : List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3)) {
                    robot.press(KeyCode.CONTROL, page).release(page, KeyCode.CONTROL);
                    WaitForAsyncUtils.waitForFxEvents();
                    String name = switch (page) {
                        case DIGIT1 -> "explore";
                        case DIGIT2 -> "manifest";
                        default -> "audit";
                    };
                    Path png = Snapshots.write(robot.lookup(".main-view").query(),
                            name + "-" + size[0] + "x" + size[1] + "-" + (dark ? "dark" : "light") + ".png");
                    assertThat(png).exists();
                }
            }
        }
        robot.interact(() -> robot.lookup("#theme-toggle").queryAs(javafx.scene.control.ToggleButton.class).fire());
    }
}
