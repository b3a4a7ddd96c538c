package dev.tokenexplorer.ui;

import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.main.MainWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Secret manifest page, used with the keyboard as a user would. */
@ExtendWith(ApplicationExtension.class)
class ManifestPageTest {

    private MainWindow window;
    private final java.util.prefs.Preferences preferences = TestPreferences.fresh();

    @org.junit.jupiter.api.AfterEach
    void removePreferences() {
        TestPreferences.remove(preferences);
    }

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, "2022-08-19T12:00:00Z", preferences);
    }

    private static String preview(FxRobot robot) {
        return robot.lookup("#manifest-preview").queryAs(TextFlow.class).getChildren().stream()
                .map(n -> ((Text) n).getText()).collect(Collectors.joining());
    }

    @Test
    void fillingTheFormUpdatesThePreviewRefusesBadNamesAndCopiesTheYaml(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#serviceAccount-error").queryAs(Label.class).getText()).isEmpty(); // nothing typed yet: no red
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> boundKind = robot.lookup("#bound-kind").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(boundKind.getConverter().toString(boundKind.getValue())).isEqualTo("none"); // not a blank
        double namespaceY = robot.lookup("#namespace").queryAs(TextField.class).localToScene(0, 0).getY();
        robot.clickOn("#service-account").write("Builder");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#serviceAccount-error").queryAs(Label.class).getText()).isEqualTo("uppercase letters are not allowed: B");
        assertThat(robot.lookup("#namespace").queryAs(TextField.class).localToScene(0, 0).getY())
                .as("the message does not push the form down").isEqualTo(namespaceY);
        assertThat(preview(robot)).startsWith("# To see the manifest, fix:");
        Snapshots.write(robot.lookup(".main-view").query(), "manifest-page-invalid.png");
        assertThat(robot.lookup("#copy-manifest").queryAs(Button.class).isDisabled()).as("nothing valid to copy").isTrue();
        robot.clickOn("#save-manifest"); // an attempt shows every message, and no file dialog
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#manifest-status").queryAs(Label.class).getText()).isEqualTo("Fix the fields marked in red first.");

        robot.interact(() -> window.manifestModel().serviceAccountProperty().set(""));
        robot.clickOn("#service-account").write("sa-token-demo");
        robot.press(KeyCode.TAB).release(KeyCode.TAB); // keyboard only: on to the namespace
        robot.push(KeyCode.CONTROL, KeyCode.A).write("default");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.write("explicit-sa-token");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#serviceAccount-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#secret-name").queryAs(TextField.class).getText()).isEqualTo("explicit-sa-token");
        String expected = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: explicit-sa-token
                  namespace: default
                  annotations:
                    kubernetes.io/service-account.name: sa-token-demo
                type: kubernetes.io/service-account-token
                """;
        assertThat(preview(robot)).isEqualTo(expected);
        assertThat(window.manifestModel().createTokenCommandProperty().get()).isEqualTo("kubectl create token sa-token-demo -n default --duration 1h");

        assertThat(robot.lookup("#copy-manifest").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#copy-manifest");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())))
                .isEqualTo(expected);
        Snapshots.write(robot.lookup(".main-view").query(), "manifest-page.png");
    }

    @Test
    void codeBoxesNeverSoftWrapAndFieldMessagesShowInFullWithoutMovingTheFields(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        double accountY = robot.lookup("#service-account").queryAs(javafx.scene.control.ComboBox.class).localToScene(0, 0).getY();
        robot.interact(() -> {
            window.manifestModel().serviceAccountProperty().set("My_Robot.");
            window.manifestModel().labelsProperty().set("team=a, bad key=x, env, " + "long-label-value=" + "v".repeat(60));
        });
        WaitForAsyncUtils.waitForFxEvents();

        // every code line is laid out at full length (sideways scrolling), never wrapped to column 0
        for (String id : java.util.List.of("#manifest-preview", "#apply-command", "#read-command")) {
            TextFlow code = robot.lookup(id).queryAs(TextFlow.class);
            assertThat(code.getWidth()).as(id + " is as wide as its longest line").isGreaterThanOrEqualTo(code.prefWidth(-1) - 0.5);
            assertThat(code.getParent().getParent().getParent()).as(id + " scrolls").isInstanceOf(javafx.scene.control.ScrollPane.class);
        }
        assertThat(robot.lookup("#secret-name").queryAs(TextField.class).getPromptText()).isEqualTo("<service-account>-token");
        // the message is in full, with no ellipsis, and the field under it did not move
        Label error = robot.lookup("#serviceAccount-error").queryAs(Label.class);
        Text shown = (Text) error.lookup(".text");
        assertThat(shown.getText()).isEqualTo(error.getText()).doesNotEndWith("…");
        assertThat(error.getHeight()).isGreaterThanOrEqualTo(error.prefHeight(error.getWidth()) - 0.5);
        assertThat(robot.lookup("#service-account").queryAs(javafx.scene.control.ComboBox.class).localToScene(0, 0).getY())
                .as("the field typed in stays under the cursor").isEqualTo(accountY);
        assertThat(robot.lookup("#namespace").queryAs(TextField.class).localToScene(0, 0).getY())
                .as("the message does not crowd the next field").isGreaterThanOrEqualTo(error.localToScene(0, error.getHeight()).getY());
        Label labelsError = robot.lookup("#labels-error").queryAs(Label.class);
        assertThat(((Text) labelsError.lookup(".text")).getText()).isEqualTo(labelsError.getText()).contains("label \"env\" has no '='");
        Snapshots.write(robot.lookup(".main-view").query(), "manifest-page-long-values.png");

        double withMessages = robot.lookup("#include-service-account").queryAs(javafx.scene.control.CheckBox.class).localToScene(0, 0).getY();
        robot.interact(() -> window.manifestModel().labelsProperty().set("team=a"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#include-service-account").queryAs(javafx.scene.control.CheckBox.class).localToScene(0, 0).getY())
                .as("a message that goes does not pull the form up").isEqualTo(withMessages);
    }

    @Test
    void forThisTokenFillsTheServiceAccountFromTheSelectedToken(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().paste(Fixtures.text(Fixtures.EXPLICIT_SECRET)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().selection().tokenProperty().get() != null);
        robot.clickOn("#page-manifest").clickOn("#for-this-token");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.manifestModel().serviceAccountProperty().get()).isEqualTo("sa-token-demo");
        assertThat(window.manifestModel().namespaceProperty().get()).isEqualTo("default");
        assertThat(window.manifestModel().uidProperty().get()).isEqualTo("b62bc32e-b502-4654-921d-94a742e273a8");
        assertThat(window.manifestModel().knownServiceAccounts()).extracting(r -> r.label()).containsExactly("default/sa-token-demo");
        assertThat(preview(robot)).contains("kubernetes.io/service-account.uid: b62bc32e-b502-4654-921d-94a742e273a8");
    }
}
