package dev.tokenexplorer.ui;

import dev.tokenexplorer.ui.main.MainWindow;
import dev.tokenexplorer.ui.support.FxTaskExecutor;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.prefs.Preferences;

/** The real main window, at the smallest size it must look right at, with a fixed clock. */
final class TestWindows {

    private TestWindows() {
    }

    static MainWindow show(Stage stage, String now, Preferences preferences) {
        MainWindow window = new MainWindow(Clock.fixed(Instant.parse(now), ZoneOffset.UTC), new FxTaskExecutor(), preferences, false, dark -> { });
        stage.setScene(window.scene());
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
        return window;
    }
}
