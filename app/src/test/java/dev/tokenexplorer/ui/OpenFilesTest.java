package dev.tokenexplorer.ui;

import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.main.MainWindow;
import dev.tokenexplorer.ui.input.SourceItem;
import dev.tokenexplorer.ui.input.SourcesView;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** Files dropped on the window, as a user drops them from a file manager. */
@ExtendWith(ApplicationExtension.class)
class OpenFilesTest {

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

    private static void drop(FxRobot robot, List<File> files) {
        Dragboard dragboard = Mockito.mock(Dragboard.class);
        Mockito.when(dragboard.hasFiles()).thenReturn(true);
        Mockito.when(dragboard.getFiles()).thenReturn(files);
        Node target = robot.lookup("#sources").query();
        robot.interact(() -> Event.fireEvent(target, new DragEvent(DragEvent.DRAG_DROPPED, dragboard, 5, 5, 5, 5,
                TransferMode.COPY, null, null, null)));
    }

    private void waitForSources(int count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().items().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<String> sourceLabels(FxRobot robot) {
        TreeView<Object> tree = robot.lookup("#sources").queryAs(TreeView.class);
        return tree.getRoot().getChildren().stream().map(TreeItem::getValue)
                .map(v -> ((dev.tokenexplorer.ui.input.SourcesView.Entry) v).source().label()).toList();
    }

    /** Every row of the sources tree, depth first, whether scrolled into view or not. */
    @SuppressWarnings("unchecked")
    private static List<String> treeTitles(FxRobot robot) {
        List<String> titles = new java.util.ArrayList<>();
        collect(robot.lookup("#sources").queryAs(TreeView.class).getRoot(), titles);
        return titles;
    }

    private static void collect(TreeItem<Object> item, List<String> titles) {
        for (TreeItem<Object> child : item.getChildren()) {
            var entry = (dev.tokenexplorer.ui.input.SourcesView.Entry) child.getValue();
            titles.add(entry.node() == null ? entry.source().label() : entry.node().title());
            collect(child, titles);
        }
    }

    @Test
    void droppingTwoFilesShowsBothInTheSidebar(FxRobot robot, @TempDir Path dir) throws Exception {
        Path token = Files.copy(Fixtures.path(Fixtures.PROJECTED), dir.resolve("pod.token"));
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters: [{name: prod, cluster: {server: https://prod.example:6443}}]
                contexts: [{name: prod, context: {cluster: prod, user: ci}}, {name: lab, context: {cluster: prod, user: ops}}]
                users:
                - {name: ci, user: {token: %s}}
                - name: ops
                  user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: aws, args: [eks, get-token], interactiveMode: Never}}
                """.formatted(Fixtures.text(Fixtures.LEGACY_V120).strip()));

        drop(robot, List.of(token.toFile(), kubeconfig.toFile()));
        waitForSources(2);

        assertThat(sourceLabels(robot)).containsExactly("pod.token", "config");
        assertThat(robot.lookup(".source-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("pod.token", "config", "Contexts", "prod (current)", "Users");
        assertThat(treeTitles(robot)).containsExactly("pod.token", "Token", "config", "Contexts", "prod (current)", "lab",
                "Clusters", "prod", "Users", "ci", "token", "ops");
        assertThat(window.model().selection().tokenProperty().get().kind().id()).isEqualTo("bound-pod");
        assertThat(preferences.get("recent.files", "")).contains(token.toString()).doesNotContain("eyJ");

        // The kubeconfig's users, as a user would look at them.
        SourceItem config = window.model().items().get(1);
        robot.interact(() -> window.model().selection().select(config, config.report().nodes().get(2).children().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details-title").queryAs(Label.class).getText()).isEqualTo("ops");
        Snapshots.write(robot.lookup(".main-view").query(), "kubeconfig-user.png");
        robot.interact(() -> window.model().selection().select(config, config.report().nodes().get(0).children().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot.lookup(".main-view").query(), "kubeconfig-context.png");
    }

    @Test
    void droppingABinaryFileShowsWhyItWasNotRead(FxRobot robot, @TempDir Path dir) throws Exception {
        Path binary = Files.write(dir.resolve("kubectl"), new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});

        drop(robot, List.of(binary.toFile()));
        waitForSources(1);

        // The sidebar says it briefly (the whole sentence is its tooltip); the pane says why, once.
        assertThat(robot.lookup(".source-subtitle").queryAllAs(Label.class)).extracting(Label::getText).contains("Could not be read");
        assertThat(robot.lookup("#details-notes .finding").queryAs(Label.class).getText())
                .isEqualTo("kubectl is a binary file (it holds NUL bytes), not a token, Secret, kubeconfig, key or certificate.");
        SourceItem item = window.model().items().get(0);
        robot.interact(() -> window.model().selection().select(item, null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details-notes .finding").queryAs(Label.class).getText()).contains("is a binary file");
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterUsingAKeyTheSidebarStillSelectsWhatThePaneShowsAndAClickOnTheTokenShowsIt(FxRobot robot, @TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("legacy.jwt"), dev.tokenexplorer.support.TestTokens.rs256(
                "{\"iss\":\"kubernetes/serviceaccount\",\"sub\":\"system:serviceaccount:ci:deployer\"}"));
        Path key = Files.writeString(dir.resolve("sa.pub"), Fixtures.text("kubernetes-test-keys/rsa_public.pem"));
        robot.interact(() -> window.model().openFiles(List.of(token, key)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().items().size() == 2);
        TreeView<SourcesView.Entry> sources = robot.lookup("#sources").queryAs(TreeView.class);
        TreeItem<SourcesView.Entry> keyRow = sources.getRoot().getChildren().get(1);
        robot.interact(() -> sources.getSelectionModel().select(keyRow));
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(robot.lookup("#use-as-keys").queryButton()::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().items().get(0).report().tokens().get(0).signature()
                == dev.tokenexplorer.core.jwt.SignatureStatus.VERIFIED);
        WaitForAsyncUtils.waitForFxEvents();

        // The files were judged again and the tree rebuilt: the key is still what is shown and selected.
        assertThat(window.model().selection().detailProperty().get().title()).isEqualTo("sa.pub");
        assertThat(sources.getSelectionModel().getSelectedItem().getValue().source().label()).isEqualTo("sa.pub");
        assertThat(sources.getSelectionModel().getSelectedItem().getValue().node()).isNull();

        TreeItem<SourcesView.Entry> tokenRow = sources.getRoot().getChildren().get(0).getChildren().get(0);
        robot.interact(() -> sources.getSelectionModel().select(tokenRow));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model().selection().detailProperty().get()).isNull();
        assertThat(window.model().selection().tokenProperty().get().signature()).isEqualTo(dev.tokenexplorer.core.jwt.SignatureStatus.VERIFIED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKeyOpenedAsAFileCanBeUsedToVerifyFromTheButtonAndItsMenu(FxRobot robot, @TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("sa.pub"), Fixtures.text("kubernetes-test-keys/rsa_public.pem"));
        robot.interact(() -> window.model().openFiles(List.of(key)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().items().size() == 1);
        TreeView<?> sources = robot.lookup("#sources").queryAs(TreeView.class);
        robot.interact(() -> sources.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.control.Button use = robot.lookup("#use-as-keys").queryButton();
        assertThat(use.isVisible()).isTrue();
        robot.interact(use::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.keysModel().keys().size() == 1);
        assertThat(window.keysModel().keys().get(0).source()).contains("sa.pub");

        var cell = robot.lookup(".tree-cell").queryAllAs(javafx.scene.control.TreeCell.class).stream()
                .filter(c -> c.getContextMenu() != null).findFirst().orElseThrow();
        assertThat(cell.getContextMenu().getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Use to verify tokens", "Reload", "Close");
    }
}
