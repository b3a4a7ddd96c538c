package dev.tokenexplorer.ui.support;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs {@link BackgroundTask}s off the JavaFX thread and hands their results back on it. View
 * models take one, so the window never waits for parsing or file reading, and their tests swap in
 * a same-thread executor and run without a toolkit.
 */
public interface TaskExecutor {

    /** Starts the task; returns it, so the caller can cancel it. */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** Work with neither progress nor cancellation: a shorthand for a task with these two handlers. */
    default <T> BackgroundTask<T> execute(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
        return execute(BackgroundTask.of(work).onSuccess(onDone).onFailure(onFailure));
    }

    /** Stops accepting work; running work may finish. */
    default void shutdown() {
    }

    /** Runs every task at once on the calling thread, results included: for tests and headless use. */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
                task.requireFailureHandler().run(Runnable::run);
                return task;
            }
        };
    }
}
