package dev.tokenexplorer.ui;

import dev.tokenexplorer.ui.support.TaskExecutor;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs work at once on the calling thread, so view-model tests need no toolkit and no waiting. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    @Override
    public <T> void execute(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            onFailure.accept(e);
            return;
        }
        onDone.accept(result);
    }
}
