package dev.tokenexplorer.ui;

import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.token.TokenKind;
import dev.tokenexplorer.support.ClusterDump;
import dev.tokenexplorer.ui.main.MainWindow;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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

/** The audit page, used as an operator would: open a dump, filter, open a token, export, cancel. */
@ExtendWith(ApplicationExtension.class)
class AuditPageTest {

    private MainWindow window;
    private final java.util.prefs.Preferences preferences = TestPreferences.fresh();

    @TempDir
    Path dir;

    @AfterEach
    void removePreferences() {
        TestPreferences.remove(preferences);
    }

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, "2026-11-28T12:00:00Z", preferences);
    }

    @SuppressWarnings("unchecked")
    private static TableView<AuditedSecret> table(FxRobot robot) {
        return robot.lookup("#audit-table").queryAs(TableView.class);
    }

    @Test
    void auditsADumpFiltersOpensATokenAndExports(FxRobot robot) throws Exception {
        Path dump = dir.resolve("cluster.yaml");
        Files.writeString(dump, ClusterDump.mix(60, LocalDate.parse("2026-11-28")).yaml());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.auditModel().audit(List.of(dump)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.auditModel().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table(robot).getItems()).hasSize(60);
        assertThat(robot.lookup("#audit-status").queryAs(Label.class).getText()).isEqualTo("60 service-account-token Secrets audited.");
        assertThat(robot.lookup("#audit-count").queryAs(Label.class).getText()).isEqualTo("60 of 60 shown");
        Snapshots.write(robot.lookup(".main-view").query(), "audit-page.png");

        // At 1024 pixels the columns do not fit: the table scrolls sideways instead of cutting them off.
        assertThat(robot.lookup("#audit-table .scroll-bar").queryAllAs(javafx.scene.control.ScrollBar.class))
                .anySatisfy(bar -> {
                    assertThat(bar.getOrientation()).isEqualTo(javafx.geometry.Orientation.HORIZONTAL);
                    assertThat(bar.isVisible()).isTrue();
                });
        // Ctrl+F after Ctrl+3, with the focus still on the top bar, puts the cursor in the filter.
        robot.clickOn("#page-audit").press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#audit-filter").queryAs(javafx.scene.control.TextField.class).isFocused()).isTrue();
        robot.write("team-7");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).extracting(AuditedSecret::namespace).containsOnly("team-7");
        robot.interact(() -> window.auditModel().filterTextProperty().set(""));
        robot.interact(() -> window.auditModel().findingFilterProperty().set(FindingCode.INVALIDATED));
        WaitForAsyncUtils.waitForFxEvents(); // a layout pass, so the rows shown are the filtered ones
        assertThat(table(robot).getItems()).extracting(AuditedSecret::name).containsExactly("app-7-token", "app-57-token");
        // The card of the filter in force is highlighted; every findings cell shown after filtering has its icon.
        assertThat(robot.lookup("#card-invalidated").query().getPseudoClassStates()).extracting(Object::toString).contains("selected");
        assertThat(robot.lookup(".findings-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> !c.isEmpty() && c.getItem() != null && shown(c)))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c.getGraphic()).isNotNull());

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn("#audit-open-token");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().selection().tokenProperty().get() != null);
        assertThat(window.model().selection().tokenProperty().get().kind()).isEqualTo(TokenKind.LEGACY);
        assertThat(robot.lookup("#page-explore").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(window.model().paste().inputTextProperty().get()).isEmpty(); // the paste is untouched

        Path csv = dir.resolve("audit.csv");
        robot.interact(() -> window.auditModel().export(dev.tokenexplorer.core.audit.AuditExport.Format.CSV, csv));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(csv) && Files.size(csv) > 0);
        assertThat(Files.readAllLines(csv)).hasSize(3).element(1).asString().startsWith("team-7,app-7-token,app-7,");
    }

    @Test
    void aLargeAuditCanBeCancelled(FxRobot robot) throws Exception {
        Path dump = dir.resolve("big.json");
        Files.writeString(dump, ClusterDump.mix(1500, LocalDate.parse("2026-11-28")).json());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // Keys make every Secret cost a signature check; cancel as soon as the audit runs.
        robot.interact(() -> window.keysModel().addKeysFromText("rsa_public.pem",
                dev.tokenexplorer.support.Fixtures.text("kubernetes-test-keys/rsa_public.pem")));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.keysModel().settingsProperty().get().keys().isEmpty());
        robot.interact(() -> window.auditModel().audit(List.of(dump)));
        robot.interact(() -> robot.lookup("#audit-cancel").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.auditModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.auditModel().statusProperty().get()).isEqualTo("Audit cancelled.");
        assertThat(window.auditModel().resultProperty().get()).isNull();
        assertThat(robot.lookup("#audit-cancel").queryAs(Button.class).isVisible()).isFalse();
    }

    @Test
    void aDumpPastedOnTheAuditPageIsAuditedAndTheExplorePasteIsLeftAlone(FxRobot robot) throws Exception {
        String dump = ClusterDump.mix(20, LocalDate.parse("2026-11-28")).yaml();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(dump);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.auditModel().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table(robot).getItems()).hasSize(20);
        assertThat(robot.lookup("#audit-status").queryAs(Label.class).getText()).isEqualTo("20 service-account-token Secrets audited.");
        assertThat(robot.lookup("#page-audit").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        assertThat(window.model().paste().inputTextProperty().get()).isEmpty();
        assertThat(window.model().items()).isEmpty();

        // "Audit again" reads the pasted dump again, from memory.
        var first = window.auditModel().resultProperty().get();
        robot.clickOn("#audit-again");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.auditModel().resultProperty().get() != first
                && !window.auditModel().runningProperty().get());
        assertThat(window.auditModel().resultProperty().get().summary().secrets()).isEqualTo(20);
    }

    @Test
    void theSelectedSecretShowsWhoUsesItWhatItMayDoAndItsPlan(FxRobot robot) throws Exception {
        Path dump = Files.writeString(dir.resolve("cluster.yaml"), dev.tokenexplorer.core.kube.UsageAccessPlanTest.cluster());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.interact(() -> window.auditModel().audit(List.of(dump)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.auditModel().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> table(robot).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = robot.lookup("#audit-details .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(texts).contains("Used by", "• Deployment apps/api (2 Pods, via volume)", "May do", "Plan: Replace with a projected token volume",
                "kubectl patch deployment api -n apps --type strategic --patch-file deployment-apps-api--api-token.json");
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("• impersonate cluster-wide — ClusterRoleBinding mon → ClusterRole monitoring"));
        assertThat(robot.lookup(".audit-patch").queryAs(javafx.scene.control.TextArea.class).getText()).contains("\"secret\": null");
        Button copyPatch = robot.lookup(".copy-button").nth(1).queryButton();
        robot.interact(copyPatch::fire);
        String copied = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        assertThat(copied).startsWith("{").contains("kube-root-ca.crt");
        assertThat(robot.lookup(".card-label").queryAllAs(Label.class).stream().map(Label::getText)).contains("Privileged, never expire");
        robot.interact(() -> {
            robot.lookup(".audit-split").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.3);
            robot.lookup(".audit-details-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0.45);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.write(robot.lookup(".main-view").query(), "audit-plan.png");
    }

    @Test
    void namesFromTheDumpShowTheirControlCharactersEscaped(FxRobot robot) throws Exception {
        Path dump = Files.writeString(dir.resolve("hostile.yaml"), """
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata: {name: "evil\\u202etxt.exe", namespace: "ns\\u001b[8m", annotations: {kubernetes.io/service-account.name: app}}
                """);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        robot.interact(() -> window.auditModel().audit(List.of(dump)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.auditModel().resultProperty().get() != null);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> cells = robot.lookup("#audit-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.TableCell::getText).filter(java.util.Objects::nonNull).toList();
        assertThat(cells).contains("evil\\u202etxt.exe", "ns\\u001b[8m").noneMatch(t -> t.contains("\u202e") || t.contains("\u001b"));
        List<String> details = robot.lookup("#audit-details .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(details).anySatisfy(t -> assertThat(t).contains("ns\\u001b[8m/evil\\u202etxt.exe"))
                .noneMatch(t -> t.contains("\u202e") || t.contains("\u001b"));
    }

    /** Visible with every parent: the table keeps a hidden cell of its own for measuring rows. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
