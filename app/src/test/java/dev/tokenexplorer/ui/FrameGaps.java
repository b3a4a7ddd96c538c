package dev.tokenexplorer.ui;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Measures the longest gap between two frames while some work runs, the way a user sees a window
 * freeze. When a frame is late, it samples what the JavaFX and render threads are doing, so a
 * failing assertion says where the time went.
 */
final class FrameGaps {

    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final AtomicLong lastFrame = new AtomicLong();
    private final AtomicLong longest = new AtomicLong();
    private final AtomicLong longestLayout = new AtomicLong();
    private final Map<String, Integer> lateSamples = new LinkedHashMap<>();

    /** Starts the frames, runs {@code start} on the JavaFX thread, waits for {@code done}, then a few frames more. */
    static FrameGaps during(FxRobot robot, Runnable start, Callable<Boolean> done) throws Exception {
        FrameGaps gaps = new FrameGaps();
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long last = gaps.lastFrame.getAndSet(now);
                if (last != 0) {
                    gaps.longest.accumulateAndGet(now - last, Math::max);
                }
            }
        };
        robot.interact(frames::start);
        Scene scene = Window.getWindows().get(0).getScene();
        long[] pulseStart = new long[1];
        Runnable pre = () -> pulseStart[0] = System.nanoTime();
        Runnable post = () -> gaps.longestLayout.accumulateAndGet(System.nanoTime() - pulseStart[0], Math::max);
        robot.interact(() -> {
            scene.addPreLayoutPulseListener(pre);
            scene.addPostLayoutPulseListener(post);
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Thread sampler = new Thread(gaps::sample, "frame-gap sampler");
        sampler.setDaemon(true);
        sampler.start();
        robot.interact(start);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, done);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // the frames that show the result
        sampler.interrupt();
        sampler.join();
        robot.interact(() -> {
            frames.stop();
            scene.removePreLayoutPulseListener(pre);
            scene.removePostLayoutPulseListener(post);
        });
        return gaps;
    }

    long longestMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longest.get());
    }

    /** Where the JavaFX and render threads were while a frame was late, most frequent first. */
    String whereLate() {
        synchronized (lateSamples) {
            return lateSamples.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(12)
                    .map(e -> e.getValue() + " x " + e.getKey())
                    .collect(Collectors.joining("\n", "late-frame samples:\n", ""));
        }
    }

    @Override
    public String toString() {
        return "longest gap between frames " + longestMillis() + " ms, longest CSS and layout pass "
                + TimeUnit.NANOSECONDS.toMillis(longestLayout.get()) + " ms\n" + whereLate();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            long last = lastFrame.get();
            if (last != 0 && System.nanoTime() - last > LATE_NANOS) {
                String where = Thread.getAllStackTraces().entrySet().stream()
                        .filter(e -> e.getKey().getName().equals("JavaFX Application Thread") || e.getKey().getName().startsWith("QuantumRenderer"))
                        .map(e -> e.getKey().getName() + " " + e.getKey().getState() + " " + top(e.getValue()))
                        .sorted()
                        .collect(Collectors.joining(" | "));
                synchronized (lateSamples) {
                    lateSamples.merge(where, 1, Integer::sum);
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The running frame and the closest of ours (or the pulse phase) that led to it. */
    private static String top(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "";
        }
        String cause = "";
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("dev.tokenexplorer") || frame.getMethodName().equals("doCSSPass")
                    || frame.getMethodName().equals("doLayoutPass") || frame.getClassName().endsWith("ScenePulseListener")) {
                cause = " < ... < " + name(frame);
                break;
            }
        }
        return name(stack[0]) + cause;
    }

    private static String name(StackTraceElement frame) {
        return frame.getClassName().replaceAll(".*\\.", "") + "." + frame.getMethodName();
    }
}
