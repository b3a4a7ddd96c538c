package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.support.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The window's state: what the user pasted and what it was found to be, the sources ({@link SourcesModel}),
 * and the token or entry shown. Reading runs on the one {@link TaskExecutor}; a result for text since
 * replaced is dropped; the pasted text is never changed by analysis.
 */
public final class MainViewModel {

    static final String PASTE_SOURCE = "paste";
    private final Analyzer analyzer;
    private final TaskExecutor executor;

    private final StringProperty inputText = new SimpleStringProperty(this, "inputText", "");
    private final ReadOnlyObjectWrapper<SourceReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper largePaste = new ReadOnlyStringWrapper(this, "largePaste");

    /** Longer pastes skip the editor: a TextArea lays out every line and would stall the window. */
    static final int MAX_EDITOR_CHARS = 512 * 1024;    private final ObjectProperty<TokenReport> selectedToken = new SimpleObjectProperty<>(this, "selectedToken");
    private final SourcesModel sources;
    private final ObjectProperty<SourceNode> selectedDetail = new SimpleObjectProperty<>(this, "selectedDetail");

    private final ObjectProperty<VerificationSettings> settings = new SimpleObjectProperty<>(this, "settings", VerificationSettings.NONE);
    private final BooleanProperty utc = new SimpleBooleanProperty(this, "utc", false);
    private final ReadOnlyObjectWrapper<ZoneId> zone = new ReadOnlyObjectWrapper<>(this, "zone");

    private long generation;

    public MainViewModel(Analyzer analyzer, TaskExecutor executor, ZoneId localZone) {
        this.analyzer = analyzer;
        this.executor = executor;
        this.sources = new SourcesModel(analyzer, executor, settings::get);
        sources.setOnReplaced(this::followReplaced);
        inputText.addListener((obs, old, text) -> analyze());
        settings.addListener((obs, old, s) -> {
            rejudgePaste(false);
            refreshFiles();
        });
        zone.bind(Bindings.createObjectBinding(() -> utc.get() ? ZoneOffset.UTC : localZone, utc));
    }

    /** The keys and expectations tokens are checked against; a change re-checks the input. */
    public ObjectProperty<VerificationSettings> settingsProperty() { return settings; }

    /** A source judged again (keys changed, time passed) keeps its token selected, now as judged anew. */
    private void followReplaced(SourceItem old, SourceItem now) {
        int index = indexOfSelected(old.report());
        if (index >= 0) {
            selectedToken.set(index < now.report().tokens().size() ? now.report().tokens().get(index) : null);
        }
    }

    /** Where the token shown is in a report; -1 when it is not there or none is shown (List.of refuses null). */
    private int indexOfSelected(SourceReport in) {
        return selectedToken.get() == null ? -1 : in.tokens().indexOf(selectedToken.get());
    }

    /** Shows what was just opened: its first token, or what it is when it holds none. */
    private void show(SourceItem item) {
        if (item.report().tokens().isEmpty()) {
            selectedDetail.set(SourceSummaries.describe(item));
        } else {
            selectedDetail.set(null);
            selectedToken.set(item.report().tokens().get(0));
        }
    }

    /**
     * Judges the pasted source again, at the current time and with the current keys, from what was
     * read (a large paste too, which never reached the editor): nothing is read again.
     */
    private void rejudgePaste(boolean onlyIfVerdictChanged) {
        SourceReport shown = report.get();
        if (shown == null) {
            return;
        }
        long current = generation;
        VerificationSettings checks = settings.get();
        executor.execute(() -> analyzer.rejudge(shown, checks),
                result -> {
                    if (current == generation && report.get() == shown && (!onlyIfVerdictChanged || SourceSummaries.verdictChanged(report.get(), result))) {
                        apply(result, true);
                    }
                },
                failure -> failed(current, "judge again", failure));
    }

    /** Whether every time in the window shows in UTC rather than the computer's zone. */
    public BooleanProperty utcProperty() { return utc; }
    /** The zone every time in the window shows in. */
    public ReadOnlyObjectProperty<ZoneId> zoneProperty() { return zone.getReadOnlyProperty(); }
    public StringProperty inputTextProperty() { return inputText; }
    public ReadOnlyObjectProperty<SourceReport> reportProperty() { return report.getReadOnlyProperty(); }
    /** The message for input that could not be read or recognised; null when there is none. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** One line saying what the input is: "Secret: 1 token". */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ObjectProperty<TokenReport> selectedTokenProperty() { return selectedToken; }
    /** Every input: the pasted text first (when there is one), then the files in the order opened. */
    public ObservableList<SourceItem> sources() { return sources.items(); }

    /** What the details pane shows when something other than a token is selected; null while a token is. */
    public ObjectProperty<SourceNode> selectedDetailProperty() { return selectedDetail; }

    /** Selects an entry of the sources tree: a token shows as a token, anything else as its details. */
    public void select(SourceItem source, SourceNode node) {
        if (node != null && node.isToken() && node.tokenIndex() < source.report().tokens().size()) {
            selectedDetail.set(null);
            selectedToken.set(source.report().tokens().get(node.tokenIndex()));
        } else {
            selectedDetail.set(node != null ? node : SourceSummaries.describe(source));
        }
    }

    /** Whether files are being read. */
    public ReadOnlyBooleanProperty readingProperty() { return sources.readingProperty(); }
    /**
     * Opens dropped or chosen files (a folder: the files directly in it), each as a source, read
     * off the JavaFX thread, and shows the first of them once read. A file open already is read again.
     */
    public void openFiles(List<Path> paths) { sources.openFiles(paths, this::show); }

    /**
     * Shows one token taken out of a file (a Secret of an audited dump) as a source of its own, and
     * selects it. The pasted text is left alone.
     */
    public void openToken(Path file, String label, String token) { sources.openToken(file, label, token, this::show); }

    /** Reads a file source from disk again (projected token files rotate). */
    public void reload(SourceItem item) {
        if (item.isWholeFile()) {
            sources.openFiles(List.of(item.path()), reread -> { });
        }
    }

    /** Closes a source; closing the pasted text clears it. */
    public void close(SourceItem item) {
        if (item.isFile()) {
            sources.close(item);
            if (indexOfSelected(item.report()) >= 0) {
                selectedToken.set(null);
                sources().stream().flatMap(s -> s.report().tokens().stream()).findFirst().ifPresent(selectedToken::set);
            }
        } else {
            clear();
        }
    }

    /** Replaces the input with pasted text. */
    public void paste(String text) {
        if (text != null && text.length() > MAX_EDITOR_CHARS) {
            pasteLarge(text);
            return;
        }
        largePaste.set(null);
        inputText.set(text == null ? "" : text);
    }

    /**
     * Text too large to edit comfortably (a whole cluster's Secrets) is analysed as the paste
     * source without being put into the editor, so the window never waits for it; it is kept in
     * memory, so nothing pasted is lost.
     */
    private void pasteLarge(String text) {
        inputText.set("");
        long current = ++generation;
        largePaste.set(String.format(java.util.Locale.ROOT, "%.1f MB pasted: too large to show here, so it is read as the source \"Pasted text\" below.",
                text.length() / (1024.0 * 1024.0)));
        sources.auditOffer().considerPaste(text);
        busy.set(true);
        VerificationSettings checks = settings.get();
        executor.execute(() -> analyzer.analyzeText(PASTE_SOURCE, text, checks),
                result -> {
                    if (current == generation) {
                        apply(result, false);
                    }
                },
                failure -> failed(current, "read", failure));
    }

    /** Says that a large paste is being read as a source rather than shown; null otherwise. */
    public ReadOnlyStringProperty largePasteProperty() { return largePaste.getReadOnlyProperty(); }
    /** The offer to audit a dump too large for this page (a file over the cap, a large pasted dump). */
    public AuditOffer auditOffer() { return sources.auditOffer(); }

    public void clear() {
        largePaste.set(null);
        if (inputText.get().isEmpty()) {
            // A large paste never reached the editor: clearing it must still drop its source.
            generation++;
            apply(null, false);
        } else {
            inputText.set("");
        }
    }

    /**
     * Judges the current input again at the current time. Only a change of verdict (a token turned
     * stale or expired) replaces what is shown, so the user's place in the claim tree is kept.
     */
    public void refresh() { rejudgePaste(true); }

    /** Judges files again too (every few minutes): their tokens expire like pasted ones. */
    public void refreshFiles() { sources.rejudgeFiles(); }

    /** Reads the text in the editor, off the JavaFX thread; a result for text since replaced is dropped. */
    private void analyze() {
        long current = ++generation;
        String text = inputText.get();
        if (text == null || text.isBlank()) {
            apply(null, false);
            return;
        }
        largePaste.set(null); // typed or pasted text replaces an earlier large paste, and its offer
        sources.auditOffer().withdraw(null);
        busy.set(true);
        VerificationSettings checks = settings.get();
        executor.execute(() -> analyzer.analyzeText(PASTE_SOURCE, text, checks),
                result -> {
                    if (current == generation) {
                        apply(result, false);
                    }
                },
                failure -> failed(current, "analyse", failure));
    }

    /** A bug while reading the paste: said where the input's errors are, never dropped; the text is kept. */
    private void failed(long current, String what, Throwable failure) {
        if (current == generation) {
            busy.set(false);
            error.set("Token Explorer could not " + what + " this input (" + failure.getClass().getSimpleName()
                    + "). Your text is unchanged; please report this as a bug.");
        }
    }

    /**
     * Shows the paste as read ({@code judgedAgain} false) or judged anew. The same text judged again
     * keeps the selection where it is (a token of the paste follows as judged anew, see
     * {@link #followReplaced}); new text is shown; cleared text leaves the files' tokens shown.
     */
    private void apply(SourceReport result, boolean judgedAgain) {
        busy.set(false);
        SourceReport shown = report.get();
        int inPaste = shown == null ? -1 : indexOfSelected(shown);
        report.set(result);
        error.set(result == null ? null : result.error());
        summary.set(result == null ? "" : SourceSummaries.summarize(result));
        if (result == null) {
            sources.removePaste();
        } else {
            sources.put(new SourceItem(SourceItem.PASTE_ID, "Pasted text", null, null, result));
        }
        if (judgedAgain) {
            return;
        }
        if (result == null) {
            if (inPaste >= 0 || selectedToken.get() == null) {
                selectedToken.set(null);
                selectedDetail.set(null);
                sources().stream().flatMap(s -> s.report().tokens().stream()).findFirst().ifPresent(selectedToken::set);
            }
            return;
        }
        List<TokenReport> found = result.tokens();
        selectedToken.set(found.isEmpty() ? null : found.get(Math.min(Math.max(0, inPaste), found.size() - 1)));
        // With no token to show, show what the input is and what it says.
        selectedDetail.set(found.isEmpty() ? SourceSummaries.describe(sources().get(0)) : null);
    }
}
