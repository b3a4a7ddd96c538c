import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The startup benchmark's peer (packaging/linux/startup-bench.sh): an empty JavaFX window of the
 * app's size, started by the same runtime with the same options and an AOT cache of its own. It
 * reports its first frame the way the app does with --exit-when-shown[=HOLD_MS]: after the first
 * layout pulse with the window showing, "shown window at-epoch-ms=N", then it holds HOLD_MS and exits.
 */
public final class EmptyWindow extends Application {

    private boolean reported;

    @Override
    public void start(Stage stage) {
        String hold = getParameters().getNamed().getOrDefault("exit-when-shown", "0");
        Scene scene = new Scene(new StackPane(), 1280, 800);
        stage.setTitle("Empty window");
        stage.setScene(scene);
        scene.addPostLayoutPulseListener(() -> {
            if (reported || !stage.isShowing()) {
                return;
            }
            reported = true;
            System.out.println("shown window at-epoch-ms=" + System.currentTimeMillis());
            System.out.flush();
            PauseTransition wait = new PauseTransition(Duration.millis(Math.max(1, Long.parseLong(hold))));
            wait.setOnFinished(e -> {
                Platform.exit();
                System.exit(0);
            });
            wait.play();
        });
        stage.show();
    }

    public static void main(String[] args) {
        launch(EmptyWindow.class, args);
    }
}
