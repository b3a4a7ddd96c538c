package dev.tokenexplorer.ui;

import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.main.MainWindow;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.util.Optional;

/**
 * {@code --exit-when-shown[=HOLD_MS]}: for the installer smoke test and the startup benchmark. Once
 * the window has drawn a frame with a decoded token (or, with no file to open, its first frame),
 * prints {@code shown ... at-epoch-ms=N}, keeps the window up for HOLD_MS (for a screenshot), and
 * exits 0. Exits 3 when nothing is shown within 30 s, 2 when the opened file holds no token.
 */
final class ShownProbe {

    static final String FLAG = "exit-when-shown";
    private static final Duration TIMEOUT = Duration.seconds(30);

    private final MainWindow window;
    private final long holdMillis;
    private final boolean expectToken;
    private boolean reported;

    private ShownProbe(MainWindow window, long holdMillis, boolean expectToken) {
        this.window = window;
        this.holdMillis = holdMillis;
        this.expectToken = expectToken;
    }

    static Optional<ShownProbe> install(Application.Parameters parameters, MainWindow window) {
        boolean bare = parameters.getRaw().contains("--" + FLAG);
        String hold = parameters.getNamed().get(FLAG);
        if (!bare && hold == null) {
            return Optional.empty();
        }
        boolean expectToken = parameters.getUnnamed().stream().anyMatch(a -> !a.startsWith("--"));
        return Optional.of(new ShownProbe(window, hold == null ? 0 : Long.parseLong(hold), expectToken));
    }

    void watch(Stage stage) {
        PauseTransition timeout = new PauseTransition(TIMEOUT);
        timeout.setOnFinished(e -> exit(3, "token-explorer: nothing was shown within " + (long) TIMEOUT.toSeconds() + " s"));
        timeout.play();
        window.model().readingProperty().addListener((obs, was, reading) -> {
            boolean anyToken = window.model().items().stream().anyMatch(s -> !s.report().tokens().isEmpty());
            if (!reading && expectToken && !anyToken) {
                String error = window.model().items().stream().map(s -> s.report().error()).filter(java.util.Objects::nonNull)
                        .findFirst().orElse("the files hold no token");
                exit(2, "token-explorer: " + error);
            }
        });
        stage.getScene().addPostLayoutPulseListener(() -> {
            TokenReport token = window.model().selection().tokenProperty().get();
            if (reported || !stage.isShowing() || (expectToken && (token == null || !token.decoded()))) {
                return;
            }
            reported = true;
            System.out.println("shown " + (token == null ? "window" : "token " + token.kind().id() + " " + token.status().id())
                    + " at-epoch-ms=" + System.currentTimeMillis());
            System.out.flush();
            PauseTransition hold = new PauseTransition(Duration.millis(Math.max(1, holdMillis)));
            hold.setOnFinished(e -> exit(0, null));
            hold.play();
        });
    }

    private static void exit(int code, String message) {
        if (message != null) {
            System.err.println(message);
        }
        Platform.exit();
        System.exit(code);
    }
}
