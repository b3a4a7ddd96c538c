package dev.tokenexplorer.ui.support;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One piece of work the window runs off the JavaFX thread (after JabRef's {@code BackgroundTask}):
 * the work, what happens with its result, its failure, its progress and its cancellation. Every
 * callback runs on the thread the executor hands results to (the JavaFX thread), and exactly one
 * of success, failure and cancelled runs. A failure is never dropped: a task built without a
 * failure handler refuses to run.
 *
 * <p>Cancelling is cooperative: the work sees {@link Progress#isCancelled()} (and may throw
 * {@link CancellationException}); whatever it returns after being cancelled is dropped, and only
 * {@link #onCancelled} runs. A view model that starts newer work for the same thing cancels the
 * older task, so a stale result can never replace a newer one.
 */
public final class BackgroundTask<T> {

    /** The work; it may report progress and should stop early once cancelled. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** What the work sees of its task. Safe to call from any thread, as often as it likes. */
    public interface Progress {
        /** Reports how far the work is; updates are coalesced (the latest, at most 20 a second), never a backlog. */
        void update(String phase, long done, long total);

        boolean isCancelled();
    }

    /** One progress report, as delivered on the JavaFX thread. */
    public record Step(String phase, long done, long total) {
        /** The fraction done, or -1 when the total is unknown. */
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1, (double) done / total);
        }
    }

    private final Work<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Consumer<Step> onProgress = step -> { };
    private Runnable onCancelled = () -> { };
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Step> pendingStep = new AtomicReference<>();
    private final AtomicBoolean deliveryScheduled = new AtomicBoolean();
    private volatile long lastDelivery = System.nanoTime() - PROGRESS_INTERVAL_NANOS;

    /** Progress reaches the window at most this often (20 times a second): enough to look live, never a load. */
    private static final long PROGRESS_INTERVAL_NANOS = 50_000_000L;

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    /** Work that reports progress or looks at cancellation. */
    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Work that does neither. */
    public static <T> BackgroundTask<T> of(Supplier<T> work) {
        return new BackgroundTask<>(progress -> work.get());
    }

    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Any failure, an unexpected {@link Error} too; required. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onProgress(Consumer<Step> action) {
        this.onProgress = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    /** Asks the work to stop; its result, or failure, will not be delivered. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Refuses, at once and on the caller's thread, a task whose failure would go nowhere. */
    BackgroundTask<T> requireFailureHandler() {
        if (onFailure == null) {
            throw new IllegalStateException("a background task needs a failure handler: failures are shown, never dropped");
        }
        return this;
    }

    /**
     * Runs the work on the calling thread and hands what came of it to {@code deliver}: the
     * executors' one way of running a task.
     */
    void run(Executor deliver) {
        Progress progress = new Progress() {
            @Override
            public void update(String phase, long done, long total) {
                pendingStep.set(new Step(phase, done, total));
                long now = System.nanoTime();
                if (now - lastDelivery >= PROGRESS_INTERVAL_NANOS && deliveryScheduled.compareAndSet(false, true)) {
                    lastDelivery = now;
                    deliver.execute(() -> {
                        deliveryScheduled.set(false);
                        deliverProgress();
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        T result;
        try {
            if (isCancelled()) {
                throw new CancellationException();
            }
            result = work.run(progress);
        } catch (Throwable failure) {
            deliver.execute(() -> {
                if (isCancelled()) {
                    onCancelled.run();
                } else {
                    onFailure.accept(failure);
                }
            });
            return;
        }
        deliver.execute(() -> {
            if (isCancelled()) {
                onCancelled.run();
            } else {
                deliverProgress(); // the last step, which the interval may have held back
                onSuccess.accept(result);
            }
        });
    }

    private void deliverProgress() {
        Step step = pendingStep.getAndSet(null);
        if (step != null && !isCancelled()) {
            onProgress.accept(step);
        }
    }
}
