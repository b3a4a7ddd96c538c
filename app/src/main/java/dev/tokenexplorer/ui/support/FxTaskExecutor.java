package dev.tokenexplorer.ui.support;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Background work on a small pool of daemon threads; what comes of it lands on the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "token-explorer-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.requireFailureHandler();
        pool.execute(() -> task.run(Platform::runLater));
        return task;
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
