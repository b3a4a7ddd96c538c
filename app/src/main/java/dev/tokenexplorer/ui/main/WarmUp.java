package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.ui.input.SourceItem;
import dev.tokenexplorer.core.tree.SourceNode;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Group;
import javafx.scene.Parent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Shows a made-up example once, in a second window that is never put on screen, right after the
 * real window appears. A fresh JVM runs new code slowly (classes load, the JIT has not compiled
 * anything yet): without this, the first token a user pastes or opens holds the JavaFX thread for
 * a third of a second on a two-core machine while its views style and lay out for the first time.
 * The work is cut into one step per frame so the real window keeps drawing, and the example is
 * made here: nothing is read, written or sent.
 */
public final class WarmUp {

    private static final int SECRETS = 24;
    private static final int AUDITS = 3;

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final Supplier<MainWindow> windows;
    private MainWindow window;

    private WarmUp(Supplier<MainWindow> windows) {
        this.windows = windows;
    }

    /** Starts on the JavaFX thread; {@code windows} makes the hidden window (it must not share state with the real one). */
    public static ReadOnlyBooleanProperty start(Supplier<MainWindow> windows) {
        WarmUp warmUp = new WarmUp(windows);
        warmUp.run();
        return warmUp.done.getReadOnlyProperty();
    }

    private void run() {
        steps.add(() -> window = windows.get());
        steps.add(() -> {
            window.model().paste(example());
            layOut();
        });
        steps.add(this::clickThroughExample);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (window != null && (window.model().paste().busyProperty().get() || window.auditModel().runningProperty().get())) {
                    return; // the example is analysed off the JavaFX thread
                }
                Runnable step = steps.poll();
                try {
                    if (step != null) {
                        step.run();
                        return;
                    }
                } catch (RuntimeException e) {
                    // Only a rehearsal: whatever went wrong will be reported when a user's input meets it.
                    steps.clear();
                }
                stop();
                if (window != null) {
                    window.scene().setRoot(new Group()); // stops its clock; the window can go
                    window = null;
                }
                done.set(true);
            }
        }.start();
    }

    /** Selects Secrets and tokens in turn, the way a user clicks through a dump, laying out after each. */
    private void clickThroughExample() {
        if (window.model().items().isEmpty()) {
            return;
        }
        SourceItem source = window.model().items().get(0);
        for (SourceNode secret : source.report().nodes().subList(0, Math.min(4, source.report().nodes().size()))) {
            steps.add(() -> select(source, secret));
            secret.children().stream().filter(SourceNode::isToken).findFirst().ifPresent(token -> steps.add(() -> select(source, token)));
        }
        steps.add(window.view()::showAudit);
        for (int round = 0; round < AUDITS; round++) { // a table's first rows are costly until the JIT has seen a few
            steps.add(() -> {
                window.auditModel().filterTextProperty().set("");
                window.auditModel().auditText("example", example());
                layOut();
            });
            steps.add(this::layOut);
            steps.add(() -> {
                window.auditModel().filterTextProperty().set("team-1");
                layOut();
            });
        }
    }

    private void select(SourceItem source, SourceNode node) {
        window.model().selection().select(source, node);
        layOut();
    }

    private void layOut() {
        Parent root = window.scene().getRoot();
        root.applyCss();
        root.layout();
    }

    /** A List of Secrets holding legacy and bound tokens, with signatures of zero bytes that no key verifies. */
    static String example() {
        StringBuilder list = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < SECRETS; i++) {
            String claims = i % 2 == 0
                    ? "{\"iss\":\"kubernetes/serviceaccount\",\"kubernetes.io/serviceaccount/namespace\":\"team-" + i
                    + "\",\"kubernetes.io/serviceaccount/secret.name\":\"builder-token-" + i
                    + "\",\"kubernetes.io/serviceaccount/service-account.name\":\"builder\",\"kubernetes.io/serviceaccount/service-account.uid\":\"0000000" + i
                    + "\",\"sub\":\"system:serviceaccount:team-" + i + ":builder\"}"
                    : "{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":" + (now + 3607) + ",\"iat\":" + now + ",\"nbf\":" + now
                    + ",\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"team-" + i
                    + "\",\"pod\":{\"name\":\"web-" + i + "\",\"uid\":\"1000000" + i + "\"},\"serviceaccount\":{\"name\":\"web\",\"uid\":\"2000000" + i
                    + "\"},\"warnafter\":" + (now + 3607 * 8 / 10) + "},\"sub\":\"system:serviceaccount:team-" + i + ":web\"}";
            String token = part("{\"alg\":\"RS256\",\"kid\":\"example\"}") + "." + part(claims) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);
            list.append("- apiVersion: v1\n  kind: Secret\n  type: kubernetes.io/service-account-token\n  metadata:\n    name: builder-token-").append(i)
                    .append("\n    namespace: team-").append(i)
                    .append("\n    annotations:\n      kubernetes.io/service-account.name: builder\n  data:\n    token: ")
                    .append(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII))).append('\n');
        }
        return list.toString();
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
