package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.input.DumpSniffer;
import dev.tokenexplorer.core.input.FileExpander;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.ui.support.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sources sidebar's list: the pasted text first, then the files in the order opened. Files are
 * read and judged on the one {@link TaskExecutor}; a read that fails becomes a source that says so,
 * never a silent gap.
 */
public final class SourcesModel {

    private final Analyzer analyzer;
    private final TaskExecutor executor;
    private final Supplier<VerificationSettings> settings;
    private final ObservableList<SourceItem> sources = FXCollections.observableArrayList();
    private final ObservableList<SourceItem> sourcesView = FXCollections.unmodifiableObservableList(sources);
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final List<String> fileOrder = new ArrayList<>();
    private int pendingReads;
    private BiConsumer<SourceItem, SourceItem> onReplaced = (old, now) -> { };
    private final AuditOffer auditOffer = new AuditOffer();

    SourcesModel(Analyzer analyzer, TaskExecutor executor, Supplier<VerificationSettings> settings) {
        this.analyzer = analyzer;
        this.executor = executor;
        this.settings = settings;
    }

    public AuditOffer auditOffer() {
        return auditOffer;
    }

    public ObservableList<SourceItem> items() {
        return sourcesView;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Called when a source is replaced by a newer reading or judgement of itself (old, new). */
    void setOnReplaced(BiConsumer<SourceItem, SourceItem> onReplaced) {
        this.onReplaced = onReplaced;
    }

    /**
     * Reads files (a folder: the files directly in it) off the JavaFX thread, each as a source; a
     * file open already is read again. Once all are read, {@code onRead} gets the first of them.
     */
    void openFiles(List<Path> paths, Consumer<SourceItem> onRead) {
        List<Path> files = FileExpander.expand(paths);
        if (files.isEmpty()) {
            return;
        }
        String first = files.get(0).toAbsolutePath().toString();
        int[] left = {files.size()};
        for (Path path : files) {
            String id = path.toAbsolutePath().toString();
            if (!fileOrder.contains(id)) {
                fileOrder.add(id); // files are listed in the order opened, whichever is read first
            }
            pendingReads++;
            reading.set(true);
            VerificationSettings checks = settings.get();
            Consumer<SourceItem> done = item -> {
                put(item);
                auditOffer.considerFile(item);
                reading.set(--pendingReads > 0);
                if (--left[0] == 0) {
                    sources.stream().filter(s -> s.id().equals(first)).findFirst().ifPresent(onRead);
                }
            };
            executor.execute(() -> {
                        InputFiles.Read read = InputFiles.read(path);
                        SourceReport report = read.error() != null ? SourceReport.refused(path, read.error())
                                : analyzer.analyzeFileText(path, read.text(), checks);
                        return new SourceItem(id, path.getFileName().toString(), path, read.text(), report);
                    }, done,
                    failure -> done.accept(new SourceItem(id, path.getFileName().toString(), path, null,
                            SourceReport.unreadable(path.toString(), Analyzer.internalError(path.toString(), failure)))));
        }
    }

    /** One token taken out of a file (a Secret of an audited dump) as a source of its own, with the Secret's verdict. */
    void openToken(Path file, String label, String token, List<Finding> verdict, Consumer<SourceItem> onRead) {
        String id = "token:" + file.toAbsolutePath() + "#" + label;
        if (!fileOrder.contains(id)) {
            fileOrder.add(id);
        }
        VerificationSettings checks = settings.get();
        Consumer<SourceItem> done = item -> {
            put(item);
            onRead.accept(item);
        };
        executor.execute(() -> new SourceItem(id, label, file, token, analyzer.analyzeAuditedToken("Secret " + label + " data.token", token, verdict, checks)), done,
                failure -> done.accept(new SourceItem(id, label, file, null, SourceReport.unreadable(label, Analyzer.internalError(label, failure)))));
    }

    /** Removes a file source. */
    void close(SourceItem item) {
        sources.remove(item);
        fileOrder.remove(item.id());
        auditOffer.withdraw(item.path());
    }

    void removePaste() {
        sources.removeIf(item -> item.id().equals(SourceItem.PASTE_ID));
        auditOffer.withdraw(null);
    }

    /**
     * Judges every file source again from the text read, at the current time and with the current
     * keys; with {@code onlyIfVerdictChanged} a source whose verdicts are the same stays as it is.
     */
    void rejudgeFiles(boolean onlyIfVerdictChanged) {
        VerificationSettings checks = settings.get();
        for (SourceItem item : List.copyOf(sources)) {
            if (item.isFile() && item.text() != null) {
                executor.execute(() -> new SourceItem(item.id(), item.label(), item.path(), item.text(),
                        analyzer.rejudge(item.report(), checks)), judged -> {
                            if (!onlyIfVerdictChanged || SourceSummaries.verdictChanged(item.report(), judged.report())) {
                                put(judged);
                            }
                        },
                        failure -> put(new SourceItem(item.id(), item.label(), item.path(), item.text(),
                                SourceReport.unreadable(item.label(), Analyzer.internalError(item.label(), failure)))));
            }
        }
    }

    /** Adds a source, or replaces the one with its id in place; the paste comes first, then files in the order opened. */
    void put(SourceItem item) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).id().equals(item.id())) {
                SourceItem old = sources.set(i, item);
                onReplaced.accept(old, item);
                return;
            }
        }
        if (item.isFile() && !fileOrder.contains(item.id())) {
            return; // closed while it was being read
        }
        int at = 0;
        int rank = item.isFile() ? fileOrder.indexOf(item.id()) : -1;
        while (at < sources.size() && (!sources.get(at).isFile() || fileOrder.indexOf(sources.get(at).id()) < rank) && rank >= 0) {
            at++;
        }
        sources.add(at, item);
    }
}
