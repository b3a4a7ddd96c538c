package dev.tokenexplorer.ui.support;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.util.function.Predicate;

/**
 * Parts of the window built the first time they are needed (a tab first shown, a panel first
 * opened, a pane first given something to show), so that the first frame does not create, style
 * and lay out controls nobody sees.
 */
public final class Lazily {

    private Lazily() {
    }

    /** Runs {@code build} once: now if {@code value} already passes {@code test}, else the first time it does. */
    public static <T> void when(ObservableValue<T> value, Predicate<? super T> test, Runnable build) {
        if (test.test(value.getValue())) {
            build.run();
            return;
        }
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> observable, T old, T now) {
                if (test.test(now)) {
                    observable.removeListener(this);
                    build.run();
                }
            }
        });
    }
}
