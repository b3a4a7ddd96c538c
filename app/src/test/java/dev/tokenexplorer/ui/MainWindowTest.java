package dev.tokenexplorer.ui;

import dev.tokenexplorer.ui.claims.ClaimRow;
import dev.tokenexplorer.ui.main.MainWindow;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import javafx.event.Event;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.mockito.Mockito;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window, headless: what a user sees after pasting. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private MainWindow window;
    private final java.util.prefs.Preferences preferences = TestPreferences.fresh();

    @org.junit.jupiter.api.AfterEach
    void removePreferences() {
        TestPreferences.remove(preferences);
    }

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, "2022-08-19T14:00:00Z", preferences);
    }

    @Test
    void theInputBoxShowsTheOpenedFileReadOnlyAndSaysWhenThePaneShowsAnotherSource(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        robot.interact(() -> window.model().paste("garbage: ["));
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("pod.token"), Fixtures.text(Fixtures.PROJECTED).strip());
        robot.interact(() -> window.model().openFiles(List.of(file)));
        waitUntil(robot, () -> robot.lookup("#source-text").queryAs(TextArea.class).isVisible());

        assertThat(robot.lookup("#input-label").queryAs(Label.class).getText()).isEqualTo("Input (read-only)");
        assertThat(robot.lookup("#input-source-name").queryAs(Label.class).getText()).isEqualTo("pod.token");
        assertThat(robot.lookup("#edit-paste").queryButton().getWidth()).as("never cut to 'Pa…'")
                .isGreaterThanOrEqualTo(robot.lookup("#edit-paste").queryButton().prefWidth(-1) - 0.5);
        TextArea shown = robot.lookup("#source-text").queryAs(TextArea.class);
        assertThat(shown.getText()).isEqualTo(Fixtures.text(Fixtures.PROJECTED).strip());
        assertThat(shown.isEditable()).isFalse();
        assertThat(robot.lookup("#paste-area").queryAs(TextArea.class).isVisible()).isFalse();

        robot.clickOn("#edit-paste");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#paste-area").queryAs(TextArea.class).isVisible()).isTrue();
        assertThat(robot.lookup("#paste-area").queryAs(TextArea.class).getText()).as("the paste is kept").isEqualTo("garbage: [");
        assertThat(robot.lookup("#input-label").queryAs(Label.class).getText()).isEqualTo("Input");
        assertThat(robot.lookup("#input-elsewhere").queryAs(Label.class).getText())
                .isEqualTo("The pane on the right shows pod.token, not the pasted text.");
    }

    @Test
    void pastingATokenAnywhereShowsItsClaimTreeKindAndFindings(FxRobot robot) throws Exception {
        String token = Fixtures.text(Fixtures.PROJECTED).strip();
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(token);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });

        robot.clickOn("#token-title").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        waitUntil(robot, () -> window.model().selection().tokenProperty().get() != null);

        assertThat(robot.lookup("#paste-area").queryAs(TextArea.class).getText()).isEqualTo(token);
        assertThat(robot.lookup("#kind-badge").queryAs(Label.class).getText()).isEqualTo("bound-pod");
        assertThat(robot.lookup("#status-badge").queryAs(Label.class).getText()).isEqualTo("stale");
        assertThat(robot.lookup("#token-title").queryAs(Label.class).getText()).isEqualTo("Service account default/default");
        List<String> findings = robot.lookup("#findings").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith("Stale since"));

        TreeTableView<ClaimRow> tree = claimTree(robot);
        List<String> claims = tree.getRoot().getChildren().stream().map(i -> i.getValue().name()).toList();
        assertThat(claims).containsExactly("aud", "exp", "iat", "iss", "kubernetes.io", "nbf", "sub");
        TreeItem<ClaimRow> kubernetes = tree.getRoot().getChildren().get(4);
        ClaimRow warnafter = kubernetes.getChildren().stream().map(TreeItem::getValue)
                .filter(r -> r.name().equals("warnafter")).findFirst().orElseThrow();
        assertThat(warnafter.value()).contains("19 Aug 2022 12:49:08 UTC");
        assertThat(warnafter.when()).isEqualTo("1 hour 10 minutes ago");
        assertThat(warnafter.meaning()).contains("stale");
        assertThat(robot.lookup(".claim-when").queryAll()).isNotEmpty();

        snapshot(robot, "main-window-token.png");
    }

    @Test
    void pastingGarbageShowsTheErrorAndKeepsTheText(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().paste("this is not a token: {"));
        waitUntil(robot, () -> window.model().paste().errorProperty().get() != null);

        Label error = robot.lookup("#input-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("not valid YAML").contains("line 1");
        assertThat(robot.lookup("#paste-area").queryAs(TextArea.class).getText()).isEqualTo("this is not a token: {");
        assertThat(window.model().selection().tokenProperty().get()).isNull();

        robot.clickOn("#paste-area").write("x");
        waitUntil(robot, () -> window.model().paste().inputTextProperty().get().endsWith("x"));
        assertThat(robot.lookup("#paste-area").queryAs(TextArea.class).getText()).isEqualTo("this is not a token: {x");
    }

    @Test
    void secretShowsItsTokenInTheListWithLocation(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().paste(Fixtures.text(Fixtures.EXPLICIT_SECRET)));
        waitUntil(robot, () -> window.model().selection().tokenProperty().get() != null);

        assertThat(robot.lookup("#input-summary").queryAs(Label.class).getText()).isEqualTo("Secret: 1 token");
        assertThat(robot.lookup("#kind-badge").queryAs(Label.class).getText()).isEqualTo("legacy");
        assertThat(robot.lookup("#status-badge").queryAs(Label.class).getText()).isEqualTo("never-expires");
        // Rows past the end keep their (hidden) labels: only the shown rows count.
        assertThat(robot.lookup(".source-title").queryAllAs(Label.class).stream().filter(l -> l.getParent().isVisible())).extracting(Label::getText)
                .containsExactlyInAnyOrder("Pasted text", "Secret default/explicit-sa-token", "data.token", "kubernetes");

        robot.clickOn("#theme-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(robot, "main-window-secret-dark.png");
        robot.clickOn("#theme-toggle");
    }

    @Test
    void droppingAKeyTurnsTheTokenVerified(FxRobot robot) throws Exception {
        String token = TestTokens.rs256("{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":1660920000,\"iat\":1660900000,"
                + "\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"ci\","
                + "\"serviceaccount\":{\"name\":\"deployer\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"}},"
                + "\"nbf\":1660900000,\"sub\":\"system:serviceaccount:ci:deployer\"}");
        robot.interact(() -> window.model().paste(token));
        waitUntil(robot, () -> window.model().selection().tokenProperty().get() != null);
        assertThat(robot.lookup("#signature-badge").queryAs(Label.class).getText()).isEqualTo("unverified");

        Dragboard dragboard = Mockito.mock(Dragboard.class);
        Mockito.when(dragboard.hasFiles()).thenReturn(true);
        Mockito.when(dragboard.getFiles()).thenReturn(List.of(Fixtures.path("kubernetes-test-keys/rsa_public.pem").toFile()));
        Node keysView = robot.lookup("#keys-view").query();
        robot.interact(() -> Event.fireEvent(keysView, new DragEvent(DragEvent.DRAG_DROPPED, dragboard, 10, 10, 10, 10,
                TransferMode.COPY, null, null, null)));
        waitUntil(robot, () -> "verified".equals(robot.lookup("#signature-badge").queryAs(Label.class).getText()));

        assertThat(window.keysModel().keys()).singleElement().satisfies(k -> assertThat(k.kubernetesKid()).isEqualTo(TestTokens.RSA_KID));
        waitUntil(robot, () -> robot.lookup(".key-ids").tryQuery().isPresent()); // the panel expands with an animation
        assertThat(robot.lookup(".key-ids").queryAs(Label.class).getText()).contains(TestTokens.RSA_KID);
        assertThat(robot.lookup("#revoked-by").queryAs(Label.class).getText()).startsWith("Stops working when service account ci/deployer is deleted");
        snapshot(robot, "main-window-verified.png");
    }

    @Test
    void ctrlVInAReadOnlyBoxPastesAndDroppedTextIsReadAsAPaste(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().paste(Fixtures.text(Fixtures.PROJECTED).strip()));
        waitUntil(robot, () -> window.model().selection().tokenProperty().get() != null);
        robot.interact(() -> window.tokenModel().tokenProperty().get()); // shown
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup(".token-view .tab-pane").queryAs(javafx.scene.control.TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1); // the raw Header and Payload
        });
        String legacy = Fixtures.text(Fixtures.LEGACY_V120).strip();
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(legacy);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });

        robot.clickOn("#raw-header").press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        waitUntil(robot, () -> legacy.equals(window.model().paste().inputTextProperty().get()));
        waitUntil(robot, () -> "legacy".equals(robot.lookup("#kind-badge").queryAs(Label.class).getText()));

        Dragboard dragboard = Mockito.mock(Dragboard.class);
        Mockito.when(dragboard.hasFiles()).thenReturn(false);
        Mockito.when(dragboard.hasString()).thenReturn(true);
        String projected = Fixtures.text(Fixtures.PROJECTED).strip();
        Mockito.when(dragboard.getString()).thenReturn(projected);
        Node title = robot.lookup("#token-title").query();
        robot.interact(() -> Event.fireEvent(title, new DragEvent(DragEvent.DRAG_DROPPED, dragboard, 10, 10, 10, 10,
                TransferMode.COPY, null, null, null)));
        waitUntil(robot, () -> "bound-pod".equals(robot.lookup("#kind-badge").queryAs(Label.class).getText()));
        assertThat(window.model().paste().inputTextProperty().get()).isEqualTo(projected);
    }

    private static TreeTableView<ClaimRow> claimTree(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TreeTableView<ClaimRow> tree = robot.lookup("#claims-tree .tree-table-view").queryAs(TreeTableView.class);
        return tree;
    }

    /** Waits for what the user would see next; 20 s is a bound for a loaded shared CI host, not a speed check. */
    private static void waitUntil(FxRobot robot, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void snapshot(FxRobot robot, String name) throws IOException {
        Snapshots.write(robot.lookup(".main-view").query(), name);
    }
}
