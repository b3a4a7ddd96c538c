package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.input.FileExpander;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.core.token.Finding;
import dev.tokenexplorer.core.token.FindingCode;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The window's state: what the user pasted, what it was found to be, the tokens in it and the
 * one selected. Analysis runs in the background as the text changes; a result that arrives after
 * newer text was pasted is dropped. The pasted text is never changed by analysis.
 */
public final class MainViewModel {

    static final String PASTE_SOURCE = "paste";

    private final Analyzer analyzer;
    private final TaskExecutor executor;
    private final ZoneId localZone;

    private final StringProperty inputText = new SimpleStringProperty(this, "inputText", "");
    private final ReadOnlyObjectWrapper<SourceReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper largePaste = new ReadOnlyStringWrapper(this, "largePaste");

    /** Longer pastes skip the editor: a TextArea lays out every line and would stall the window. */
    static final int MAX_EDITOR_CHARS = 512 * 1024;
    private final ObjectProperty<TokenReport> selectedToken = new SimpleObjectProperty<>(this, "selectedToken");
    private final ObservableList<SourceItem> sources = FXCollections.observableArrayList();
    private final ObservableList<SourceItem> sourcesView = FXCollections.unmodifiableObservableList(sources);
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final ObjectProperty<SourceNode> selectedDetail = new SimpleObjectProperty<>(this, "selectedDetail");
    private int pendingReads;
    private final List<String> fileOrder = new ArrayList<>();

    private final ObjectProperty<VerificationSettings> settings = new SimpleObjectProperty<>(this, "settings", VerificationSettings.NONE);
    private final BooleanProperty utc = new SimpleBooleanProperty(this, "utc", false);
    private final ReadOnlyObjectWrapper<ZoneId> zone = new ReadOnlyObjectWrapper<>(this, "zone");

    private long generation;

    public MainViewModel(Analyzer analyzer, TaskExecutor executor, ZoneId localZone) {
        this.analyzer = analyzer;
        this.localZone = localZone;
        this.executor = executor;
        inputText.addListener((obs, old, text) -> analyze());
        settings.addListener((obs, old, s) -> refreshNow());
        zone.bind(Bindings.createObjectBinding(() -> utc.get() ? ZoneOffset.UTC : localZone, utc));
    }

    /** The keys and expectations tokens are checked against; a change re-checks the input. */
    public ObjectProperty<VerificationSettings> settingsProperty() {
        return settings;
    }

    private void refreshNow() {
        rejudgePaste(false);
        reanalyzeFiles();
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
                    if (current == generation && report.get() == shown && (!onlyIfVerdictChanged || verdictChanged(result))) {
                        apply(result);
                    }
                },
                failure -> error.set("Token Explorer could not judge this input again (" + failure.getClass().getSimpleName()
                        + "). Your text is unchanged; please report this as a bug."));
    }

    /** Whether every time in the window shows in UTC rather than the computer's zone. */
    public BooleanProperty utcProperty() {
        return utc;
    }

    /** The zone every time in the window shows in. */
    public ReadOnlyObjectProperty<ZoneId> zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    public StringProperty inputTextProperty() {
        return inputText;
    }

    public ReadOnlyObjectProperty<SourceReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The message for input that could not be read or recognised; null when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** One line saying what the input is: "Secret: 1 token". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<TokenReport> selectedTokenProperty() {
        return selectedToken;
    }

    /** Every input: the pasted text first (when there is one), then the files in the order opened. */
    public ObservableList<SourceItem> sources() {
        return sourcesView;
    }

    /** What the details pane shows when something other than a token is selected; null while a token is. */
    public ObjectProperty<SourceNode> selectedDetailProperty() {
        return selectedDetail;
    }

    /** Selects an entry of the sources tree: a token shows as a token, anything else as its details. */
    public void select(SourceItem source, SourceNode node) {
        if (node != null && node.isToken() && node.tokenIndex() < source.report().tokens().size()) {
            selectedDetail.set(null);
            selectedToken.set(source.report().tokens().get(node.tokenIndex()));
        } else {
            selectedDetail.set(node != null ? node : describe(source));
        }
    }

    /** A source as a node of its own: where it came from, what it is, and what it says. */
    static SourceNode describe(SourceItem source) {
        SourceReport report = source.report();
        List<SourceNode.Detail> details = new ArrayList<>();
        details.add(SourceNode.Detail.of("From", source.isFile() ? source.path().toString() : "pasted text (kept in memory only)"));
        details.add(SourceNode.Detail.of("Recognised as", report.type().title()));
        details.add(SourceNode.Detail.of("Tokens", String.valueOf(report.tokens().size())));
        List<Finding> notes = new ArrayList<>();
        if (report.error() != null) {
            notes.add(Finding.of(FindingCode.UNREADABLE, report.error()));
        }
        notes.addAll(report.notes());
        return new SourceNode("source", source.label(), report.type().title(), details, notes, List.of(), -1);
    }

    /** Whether files are being read. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /**
     * Opens dropped or chosen files (a folder: the files directly in it), each as a source, read
     * off the JavaFX thread. A file that is open already is read again.
     */
    public void openFiles(List<Path> paths) {
        for (Path path : FileExpander.expand(paths)) {
            String id = path.toAbsolutePath().toString();
            if (!fileOrder.contains(id)) {
                fileOrder.add(id); // files are listed in the order opened, whichever is read first
            }
            pendingReads++;
            reading.set(true);
            VerificationSettings checks = settings.get();
            executor.execute(() -> {
                        InputFiles.Read read = InputFiles.read(path);
                        SourceReport report = read.error() != null ? SourceReport.unreadable(path.toString(), read.error())
                                : analyzer.analyzeFileText(path, read.text(), checks);
                        return new SourceItem(path.toAbsolutePath().toString(), path.getFileName().toString(), path, read.text(), report);
                    },
                    item -> {
                        put(item);
                        doneReading();
                    },
                    failure -> doneReading());
        }
    }

    /**
     * Shows one token taken out of a file (a Secret of an audited dump) as a source of its own, and
     * selects it. The pasted text is left alone.
     */
    public void openToken(Path file, String label, String token) {
        String id = "token:" + file.toAbsolutePath() + "#" + label;
        if (!fileOrder.contains(id)) {
            fileOrder.add(id);
        }
        VerificationSettings checks = settings.get();
        executor.execute(() -> new SourceItem(id, label, file, token, analyzer.analyzeFileText(file, token, checks)),
                item -> {
                    put(item);
                    if (!item.report().tokens().isEmpty()) {
                        selectedDetail.set(null);
                        selectedToken.set(item.report().tokens().get(0));
                    }
                },
                failure -> { });
    }

    /** Reads a file source from disk again (projected token files rotate). */
    public void reload(SourceItem item) {
        if (item.isWholeFile()) {
            openFiles(List.of(item.path()));
        }
    }

    /** Closes a source; closing the pasted text clears it. */
    public void close(SourceItem item) {
        if (item.isFile()) {
            sources.remove(item);
            fileOrder.remove(item.id());
        } else {
            clear();
        }
    }

    /** Once every file is read, and nothing is selected yet, shows the first token in source order. */
    private void doneReading() {
        reading.set(--pendingReads > 0);
        if (pendingReads == 0 && selectedToken.get() == null) {
            sources.stream().flatMap(s -> s.report().tokens().stream()).findFirst().ifPresent(t -> {
                selectedDetail.set(null);
                selectedToken.set(t);
            });
        }
    }

    /** Adds a source, or replaces the one with its id in place; the paste comes first, then files in the order opened. */
    private void put(SourceItem item) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).id().equals(item.id())) {
                sources.set(i, item);
                return;
            }
        }
        int at = 0;
        int rank = item.isFile() ? fileOrder.indexOf(item.id()) : -1;
        while (at < sources.size() && (!sources.get(at).isFile() || fileOrder.indexOf(sources.get(at).id()) < rank) && rank >= 0) {
            at++;
        }
        sources.add(at, item);
    }

    /** Judges every file source again from the text read, at the current time and with the current keys. */
    private void reanalyzeFiles() {
        VerificationSettings checks = settings.get();
        for (SourceItem item : List.copyOf(sources)) {
            if (item.isFile() && item.text() != null) {
                executor.execute(() -> new SourceItem(item.id(), item.label(), item.path(), item.text(),
                        analyzer.rejudge(item.report(), checks)), this::put, failure -> { });
            }
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
        busy.set(true);
        VerificationSettings checks = settings.get();
        executor.execute(() -> analyzer.analyzeText(PASTE_SOURCE, text, checks),
                result -> {
                    if (current == generation) {
                        apply(result);
                    }
                },
                failure -> busy.set(false));
    }

    /** Says that a large paste is being read as a source rather than shown; null otherwise. */
    public ReadOnlyStringProperty largePasteProperty() {
        return largePaste.getReadOnlyProperty();
    }

    public void clear() {
        largePaste.set(null);
        if (inputText.get().isEmpty()) {
            // A large paste never reached the editor: clearing it must still drop its source.
            generation++;
            apply(null);
        } else {
            inputText.set("");
        }
    }

    /**
     * Judges the current input again at the current time. Only a change of verdict (a token turned
     * stale or expired) replaces what is shown, so the user's place in the claim tree is kept.
     */
    public void refresh() {
        rejudgePaste(true);
    }

    /** Judges files again too (every few minutes): their tokens expire like pasted ones. */
    public void refreshFiles() {
        reanalyzeFiles();
    }

    private void analyze() {
        analyze(false);
    }

    private void analyze(boolean onlyIfVerdictChanged) {
        long current = ++generation;
        String text = inputText.get();
        if (text == null || text.isBlank()) {
            apply(null);
            return;
        }
        largePaste.set(null); // typed or pasted text replaces an earlier large paste
        busy.set(!onlyIfVerdictChanged);
        VerificationSettings checks = settings.get();
        executor.execute(() -> analyzer.analyzeText(PASTE_SOURCE, text, checks),
                result -> {
                    if (current == generation && (!onlyIfVerdictChanged || verdictChanged(result))) {
                        apply(result);
                    }
                    busy.set(false);
                },
                failure -> {
                    if (current == generation) {
                        busy.set(false);
                        error.set("Token Explorer could not analyse this input (" + failure.getClass().getSimpleName()
                                + "). Your text is unchanged; please report this as a bug.");
                    }
                });
    }

    private boolean verdictChanged(SourceReport result) {
        SourceReport shown = report.get();
        if (shown == null || shown.tokens().size() != result.tokens().size()) {
            return true;
        }
        for (int i = 0; i < shown.tokens().size(); i++) {
            TokenReport before = shown.tokens().get(i);
            TokenReport after = result.tokens().get(i);
            if (before.status() != after.status() || !before.findings().stream().map(Finding::code).toList()
                    .equals(after.findings().stream().map(Finding::code).toList())) {
                return true;
            }
        }
        return false;
    }

    private void apply(SourceReport result) {
        busy.set(false);
        SourceReport shown = report.get();
        int selected = shown == null || selectedToken.get() == null ? 0 : Math.max(0, shown.tokens().indexOf(selectedToken.get()));
        report.set(result);
        List<TokenReport> found = result == null ? List.of() : result.tokens();
        error.set(result == null ? null : result.error());
        summary.set(result == null ? "" : summarize(result));
        if (result == null) {
            sources.removeIf(item -> item.id().equals(SourceItem.PASTE_ID));
        } else {
            put(new SourceItem(SourceItem.PASTE_ID, "Pasted text", null, null, result));
        }
        selectedToken.set(found.isEmpty() ? null : found.get(Math.min(selected, found.size() - 1)));
        // With no token to show, show what the input is and what it says.
        selectedDetail.set(result != null && found.isEmpty() ? describe(sources.get(0)) : null);
    }

    private static String summarize(SourceReport result) {
        if (result.error() != null) {
            return "Not recognised";
        }
        int n = result.tokens().size();
        return result.type().title() + (n == 0 ? ": no token" : n == 1 ? ": 1 token" : ": " + n + " tokens");
    }
}
