package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.ui.support.BackgroundTask;
import dev.tokenexplorer.ui.support.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the user pasted or typed, and what it was found to be. Reading runs as one
 * {@link BackgroundTask} at a time: new text cancels the reading of the old, so a stale result
 * never shows. The pasted text is never changed by analysis, and a failure is said, never dropped.
 */
public final class PasteModel {

    static final String SOURCE = "paste";

    /**
     * Longer text is never laid out in a text box (a TextArea lays out every line and would stall
     * the window): a paste skips the editor, and the Input box does not show a file's text.
     */
    static final int MAX_EDITOR_CHARS = 512 * 1024;

    /** What a shown paste became: its report (null once cleared) and whether it is the same text judged again. */
    interface Listener {
        void shown(SourceReport previous, SourceReport result, boolean judgedAgain);
    }

    private final Analyzer analyzer;
    private final TaskExecutor executor;
    private final Supplier<VerificationSettings> settings;
    private final AuditOffer auditOffer;
    private final Listener listener;

    private final StringProperty inputText = new SimpleStringProperty(this, "inputText", "");
    private final ReadOnlyObjectWrapper<SourceReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper largePaste = new ReadOnlyStringWrapper(this, "largePaste");

    /** The text being read or shown: the editor's, or a large paste that never reached it. */
    private String text = "";
    private BackgroundTask<SourceReport> task;

    PasteModel(Analyzer analyzer, TaskExecutor executor, Supplier<VerificationSettings> settings, AuditOffer auditOffer, Listener listener) {
        this.analyzer = analyzer;
        this.executor = executor;
        this.settings = settings;
        this.auditOffer = auditOffer;
        this.listener = listener;
        inputText.addListener((obs, old, now) -> {
            if (largePaste.get() == null || !now.isEmpty()) {
                typed(now);
            }
        });
    }

    /** The editor's text; typing in it reads it anew. */
    public StringProperty inputTextProperty() { return inputText; }
    public ReadOnlyObjectProperty<SourceReport> reportProperty() { return report.getReadOnlyProperty(); }
    /** The message for input that could not be read or recognised; null when there is none. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** One line saying what the input is: "Secret: 1 token". */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** Says that a large paste is being read as a source rather than shown; null otherwise. */
    public ReadOnlyStringProperty largePasteProperty() { return largePaste.getReadOnlyProperty(); }

    /** Replaces the input with pasted text; text too large for the editor is read without it. */
    void paste(String pasted) {
        String value = pasted == null ? "" : pasted;
        if (value.length() <= MAX_EDITOR_CHARS) {
            largePaste.set(null);
            inputText.set(value);
            return;
        }
        // Kept in memory, read as the source "Pasted text", never laid out: nothing pasted is lost.
        largePaste.set(String.format(Locale.ROOT, "%.1f MB pasted: too large to show here, so it is read as the source \"Pasted text\" below.",
                value.length() / (1024.0 * 1024.0)));
        inputText.set("");
        auditOffer.considerPaste(value);
        read(value, "read");
    }

    void clear() {
        largePaste.set(null);
        if (inputText.get().isEmpty()) {
            typed(""); // a large paste never reached the editor: clearing must still drop its source
        } else {
            inputText.set("");
        }
    }

    private void typed(String now) {
        largePaste.set(null); // typed text replaces an earlier large paste, and its offer
        auditOffer.withdraw(null);
        if (now == null || now.isBlank()) {
            cancel();
            text = "";
            apply(null, false);
        } else {
            read(now, "analyse");
        }
    }

    /** Reads the text off the JavaFX thread, cancelling any reading still running. */
    private void read(String value, String what) {
        cancel();
        text = value;
        busy.set(true);
        VerificationSettings checks = settings.get();
        task = executor.execute(BackgroundTask.of(() -> analyzer.analyzeText(SOURCE, value, checks))
                .onSuccess(result -> apply(result, false))
                .onFailure(failure -> failed(what, failure)));
    }

    /**
     * Judges the paste again, at the current time and with the current keys, from what was read (a
     * large paste too): nothing is read again. While it is still being read, it is read anew with
     * the current keys instead. With {@code onlyIfVerdictChanged} the result replaces what is shown
     * only when a verdict changed, so the user's place in the claim tree is kept.
     */
    void rejudge(boolean onlyIfVerdictChanged) {
        if (busy.get()) {
            if (!onlyIfVerdictChanged) {
                read(text, "read");
            }
            return;
        }
        SourceReport shown = report.get();
        if (shown == null) {
            return;
        }
        VerificationSettings checks = settings.get();
        task = executor.execute(BackgroundTask.of(() -> analyzer.rejudge(shown, checks))
                .onSuccess(result -> {
                    if (report.get() == shown && (!onlyIfVerdictChanged || SourceSummaries.verdictChanged(shown, result))) {
                        apply(result, true);
                    }
                })
                .onFailure(failure -> failed("judge again", failure)));
    }

    private void cancel() {
        if (task != null) {
            task.cancel();
            task = null;
        }
        busy.set(false);
    }

    /** A bug while reading the paste: said where the input's errors are, never dropped; the text is kept. */
    private void failed(String what, Throwable failure) {
        busy.set(false);
        error.set("Token Explorer could not " + what + " this input (" + failure.getClass().getSimpleName()
                + "). Your text is unchanged; please report this as a bug.");
    }

    private void apply(SourceReport result, boolean judgedAgain) {
        busy.set(false);
        SourceReport previous = report.get();
        report.set(result);
        error.set(result == null ? null : result.error());
        summary.set(result == null ? "" : SourceSummaries.summarize(result));
        listener.shown(previous, result, judgedAgain);
    }
}
