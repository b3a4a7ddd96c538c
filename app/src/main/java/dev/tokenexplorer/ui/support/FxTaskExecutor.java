package dev.tokenexplorer.ui.support;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Background work on a small pool of daemon threads; callbacks land on the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "token-explorer-worker");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void execute(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> onDone.accept(result));
            } catch (Throwable e) {
                // Any failure, an unexpected Error too, reaches the caller: none may leave a view "busy" for good.
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
