package dev.tokenexplorer.ui;

import dev.tokenexplorer.ui.support.BackgroundTask;
import dev.tokenexplorer.ui.support.TaskExecutor;

/** Runs work at once on the calling thread, so view-model tests need no toolkit and no waiting. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final TaskExecutor sameThread = TaskExecutor.sameThread();

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        return sameThread.execute(task);
    }
}
