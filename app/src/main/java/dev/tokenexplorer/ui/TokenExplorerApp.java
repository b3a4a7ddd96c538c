package dev.tokenexplorer.ui;

import dev.tokenexplorer.ui.main.MainWindow;
import dev.tokenexplorer.ui.support.FxTaskExecutor;
import dev.tokenexplorer.ui.support.TaskExecutor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * The JavaFX application: builds the window once and wires it. Preferences hold the theme only;
 * nothing the user pastes is ever stored.
 */
public final class TokenExplorerApp extends Application {

    private static final String DARK_KEY = "theme.dark";

    private final TaskExecutor executor = new FxTaskExecutor();

    public static void launchWith(String[] args) {
        Application.launch(TokenExplorerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Preferences preferences = Preferences.userNodeForPackage(TokenExplorerApp.class);
        MainWindow window = new MainWindow(Clock.systemDefaultZone(), executor, preferences,
                preferences.getBoolean(DARK_KEY, false), dark -> preferences.putBoolean(DARK_KEY, dark));
        // Files given on the command line (what a file manager's "Open with" passes) are read on
        // another core while this thread styles and lays out the window.
        List<String> files = getParameters().getUnnamed().stream().filter(a -> !a.startsWith("--")).toList();
        if (!files.isEmpty()) {
            window.model().openFiles(files.stream().map(Path::of).toList());
        }
        stage.setTitle("Token Explorer");
        stage.setScene(window.scene());
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) { // decoded off this thread
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    TokenExplorerApp.class.getResource("icons/token-explorer-" + size + ".png")).toExternalForm(), true));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        ShownProbe.install(getParameters(), window).ifPresent(probe -> probe.watch(stage));

        // Statuses change as time passes: judge the input again every 30 seconds.
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(30), e -> window.model().refresh()),
                new KeyFrame(Duration.minutes(5), e -> window.model().refreshFiles()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();

        stage.show();
        if (files.isEmpty()) {
            window.warmUp();
        }
    }

    @Override
    public void stop() {
        executor.shutdown();
    }
}
