package dev.tokenexplorer.ui.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one background-task abstraction: exactly one outcome, failures never dropped, cancelled work never shown. */
class BackgroundTaskTest {

    private final List<String> outcomes = new ArrayList<>();
    private final List<Runnable> queued = new ArrayList<>();

    @Test
    void aResultIsDeliveredOnTheDeliveringThread() {
        BackgroundTask<String> task = handled(BackgroundTask.of(() -> "read"));
        task.run(queued::add);
        assertThat(outcomes).as("nothing before the window's thread runs it").isEmpty();
        queued.forEach(Runnable::run);
        assertThat(outcomes).containsExactly("success read");
    }

    @Test
    void anErrorIsAFailureTooNeverLeavingTheCallerWaiting() {
        handled(BackgroundTask.<String>of(() -> { throw new StackOverflowError(); })).run(Runnable::run);
        assertThat(outcomes).containsExactly("failure StackOverflowError");
    }

    @Test
    void aTaskCancelledWhileRunningIsNeverShownEvenIfItFinished() {
        BackgroundTask<String> task = handled(BackgroundTask.of(() -> "stale"));
        task.run(queued::add);
        task.cancel(); // newer input arrived before the result reached the window
        queued.forEach(Runnable::run);
        assertThat(outcomes).containsExactly("cancelled");
    }

    @Test
    @SuppressWarnings("unchecked")
    void workSeesTheCancellationAndItsThrowIsNotAFailure() {
        BackgroundTask<String>[] self = new BackgroundTask[1];
        self[0] = handled(BackgroundTask.of(progress -> {
            self[0].cancel();
            if (progress.isCancelled()) {
                throw new CancellationException();
            }
            return "done";
        }));
        self[0].run(Runnable::run);
        assertThat(outcomes).containsExactly("cancelled");
    }

    @Test
    void progressIsCoalescedToTheLatestStep() {
        List<BackgroundTask.Step> steps = new ArrayList<>();
        BackgroundTask<String> task = handled(BackgroundTask.<String>of(progress -> {
            for (int i = 1; i <= 1000; i++) {
                progress.update("Checking", i, 1000);
            }
            return "ok";
        })).onProgress(steps::add);
        task.run(queued::add);
        queued.forEach(Runnable::run);
        assertThat(steps).containsExactly(new BackgroundTask.Step("Checking", 1000, 1000));
        assertThat(steps.get(0).fraction()).isEqualTo(1.0);
        assertThat(outcomes).containsExactly("success ok");
    }

    @Test
    void aTaskWithoutAFailureHandlerIsRefusedAtOnce() {
        assertThatThrownBy(() -> TaskExecutor.sameThread().execute(BackgroundTask.of(() -> "x").onSuccess(r -> { })))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failure handler");
    }

    private <T> BackgroundTask<T> handled(BackgroundTask<T> task) {
        return task.onSuccess(r -> outcomes.add("success " + r))
                .onFailure(e -> outcomes.add("failure " + e.getClass().getSimpleName()))
                .onCancelled(() -> outcomes.add("cancelled"));
    }
}
