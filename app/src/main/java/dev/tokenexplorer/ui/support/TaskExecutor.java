package dev.tokenexplorer.ui.support;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs work off the JavaFX thread and hands the result back on it. View models take one, so the
 * window never waits for parsing or file reading, and tests swap in a same-thread executor.
 */
public interface TaskExecutor {

    <T> void execute(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure);

    /** Stops accepting work; running work may finish. */
    default void shutdown() {
    }
}
