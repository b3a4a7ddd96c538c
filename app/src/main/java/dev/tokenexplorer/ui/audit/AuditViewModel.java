package dev.tokenexplorer.ui.audit;

import dev.tokenexplorer.core.audit.AuditExport;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.kube.Origin;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.ui.support.BackgroundTask;
import dev.tokenexplorer.ui.support.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The audit page's state: the dumps being audited, progress and Cancel, the result with its
 * filters, and export. The audit runs off the JavaFX thread; progress reaches it at most every
 * 50 ms.
 */
public final class AuditViewModel {


    private final TaskExecutor executor;
    private final Clock clock;
    private final Supplier<List<LoadedKey>> keys;

    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final StringProperty status = new SimpleStringProperty(this, "status",
            "Open, drop or paste (Ctrl+V) a dump: kubectl get secrets,serviceaccounts -A -o yaml > cluster.yaml");
    private final ObjectProperty<AuditResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObservableList<AuditedSecret> secrets = FXCollections.observableArrayList();
    private final FilteredList<AuditedSecret> shown = new FilteredList<>(secrets);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<FindingCode> findingFilter = new SimpleObjectProperty<>(this, "findingFilter");
    private final ObjectProperty<Origin> originFilter = new SimpleObjectProperty<>(this, "originFilter");
    private final IntegerProperty unusedDays = new SimpleIntegerProperty(this, "unusedDays", AuditOptions.DEFAULT_UNUSED_DAYS);
    private Runnable again = () -> { };
    private BackgroundTask<AuditResult> task;

    /**
     * @param keys     the keys loaded in the window, read when an audit starts
     */
    public AuditViewModel(TaskExecutor executor, Clock clock, Supplier<List<LoadedKey>> keys) {
        this.executor = executor;
        this.clock = clock;
        this.keys = keys;
        filterText.addListener((obs, old, now) -> refilter());
        findingFilter.addListener((obs, old, now) -> refilter());
        originFilter.addListener((obs, old, now) -> refilter());
    }

    /** Audits these files and folders, replacing the last audit. */
    public void audit(List<Path> inputs) {
        if (inputs.isEmpty()) {
            return;
        }
        List<Path> files = List.copyOf(inputs);
        start(describe(files), () -> audit(files), (options, p) -> Auditor.audit(files, options, p::update, p::isCancelled));
    }

    /** Audits a dump held in memory (pasted on the audit page), replacing the last audit; the text is never written anywhere. */
    public void auditText(String name, String text) {
        start(name, () -> auditText(name, text), (options, p) -> Auditor.audit(name, text, options, p::update, p::isCancelled));
    }

    private interface Audit {
        AuditResult run(AuditOptions options, BackgroundTask.Progress progress);
    }

    /** Starts an audit as the one background task: a newer audit cancels the older, whose outcome is then never shown. */
    private void start(String description, Runnable again, Audit work) {
        if (task != null) {
            task.cancel();
        }
        this.again = again;
        // The reading thread and the checkers leave one core to the window.
        AuditOptions options = new AuditOptions(clock.instant(), unusedDays.get(), keys.get(),
                Runtime.getRuntime().availableProcessors() - 2);
        running.set(true);
        progress.set(-1);
        status.set("Reading " + description + "…");
        BackgroundTask<AuditResult> started = BackgroundTask.of(p -> work.run(options, p));
        task = started;
        executor.execute(started
                .onProgress(this::showProgress)
                .onSuccess(this::show)
                .onFailure(failure -> stopped("The audit stopped: " + failure))
                .onCancelled(() -> {
                    if (task == started) {
                        stopped("Audit cancelled.");
                    }
                }));
    }

    /** Ended without a result: says why, and that the table still holds the previous audit, when it does. */
    private void stopped(String why) {
        task = null;
        running.set(false);
        progress.set(0);
        String kept = result.get() == null ? "" : String.format(Locale.ROOT,
                " The table still shows the previous audit (%,d Secrets).", result.get().secrets().size());
        status.set(why + kept);
    }

    /** Audits the same inputs again: after keys change, or the files were replaced. */
    public void again() {
        again.run();
    }

    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    private void showProgress(BackgroundTask.Step step) {
        progress.set(step.fraction());
        status.set(step.phase().equals("Reading")
                ? String.format(Locale.ROOT, "Reading… %.1f of %.1f MB", step.done() / 1048576.0, step.total() / 1048576.0)
                : String.format(Locale.ROOT, "Checking %,d of %,d token Secrets…", step.done(), step.total()));
    }

    private void show(AuditResult audit) {
        task = null;
        running.set(false);
        progress.set(1);
        result.set(audit);
        secrets.setAll(audit.secrets());
        status.set(audit.problems().isEmpty()
                ? String.format(Locale.ROOT, "%,d service-account-token Secrets audited.", audit.secrets().size())
                : String.format(Locale.ROOT, "%,d service-account-token Secrets audited; %d input%s could not be read.",
                audit.secrets().size(), audit.problems().size(), audit.problems().size() == 1 ? "" : "s"));
    }

    private static String describe(List<Path> inputs) {
        return inputs.size() == 1 ? String.valueOf(inputs.get(0).getFileName()) : inputs.size() + " inputs";
    }

    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        FindingCode finding = findingFilter.get();
        Origin origin = originFilter.get();
        shown.setPredicate(s -> (finding == null || s.has(finding))
                && (origin == null || s.origin() == origin)
                && (text.isEmpty() || s.namespace().toLowerCase(Locale.ROOT).contains(text)
                || s.name().toLowerCase(Locale.ROOT).contains(text)
                || s.serviceAccount().toLowerCase(Locale.ROOT).contains(text)));
    }

    /**
     * Writes the audit to a file in a format (CSV and Markdown hold the rows shown, JSON the whole
     * audit); off the JavaFX thread. Tokens are never part of an export.
     */
    public void export(AuditExport.Format format, Path file) {
        AuditResult audit = result.get();
        if (audit == null) {
            return;
        }
        List<AuditedSecret> rows = List.copyOf(shown);
        AuditResult filtered = new AuditResult(rows, audit.summary(), audit.problems(), audit.serviceAccounts(), audit.trackingSince(),
                audit.pods(), audit.rbacKnown());
        executor.execute(() -> {
                    try {
                        Files.writeString(file, AuditExport.write(filtered, format));
                        return String.format(Locale.ROOT, "Saved %,d rows to %s.", rows.size(), file.getFileName());
                    } catch (IOException e) {
                        return "Could not save " + file.getFileName() + ": " + e.getMessage();
                    }
                },
                status::set,
                failure -> status.set("Could not save " + file.getFileName() + ": " + failure.getMessage()));
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<AuditResult> resultProperty() {
        return result;
    }

    /** The rows that pass the filters. */
    public ObservableList<AuditedSecret> shown() {
        return shown;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<FindingCode> findingFilterProperty() {
        return findingFilter;
    }

    public ObjectProperty<Origin> originFilterProperty() {
        return originFilter;
    }

    public IntegerProperty unusedDaysProperty() {
        return unusedDays;
    }
}
