package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.ui.support.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The Explore page's input, made of three small models on one {@link TaskExecutor}: the paste
 * ({@link PasteModel}), the sources ({@link SourcesModel}) and what is shown ({@link SelectionModel}).
 * This class only wires them: the keys they are judged with, and what each change means to the others.
 */
public final class InputViewModel {

    private final ObjectProperty<VerificationSettings> settings = new SimpleObjectProperty<>(this, "settings", VerificationSettings.NONE);
    private final SourcesModel sources;
    private final SelectionModel selection;
    private final PasteModel paste;
    private final BooleanProperty editingPaste = new SimpleBooleanProperty(this, "editingPaste");
    private final ReadOnlyObjectWrapper<SourceItem> inputSource = new ReadOnlyObjectWrapper<>(this, "inputSource");

    public InputViewModel(Analyzer analyzer, TaskExecutor executor) {
        sources = new SourcesModel(analyzer, executor, settings::get);
        selection = new SelectionModel(sources.items());
        paste = new PasteModel(analyzer, executor, settings::get, sources.auditOffer(), this::pasteShown);
        sources.setOnReplaced(selection::replaced);
        selection.sourceProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || !old.id().equals(now.id())) {
                editingPaste.set(false); // another source shown: the Input box shows it
            }
        });
        inputSource.bind(Bindings.createObjectBinding(() -> {
            SourceItem shown = selection.sourceProperty().get();
            return editingPaste.get() || shown == null || !shown.isFile() ? null : shown;
        }, selection.sourceProperty(), editingPaste));
        settings.addListener((obs, old, now) -> {
            paste.rejudge(false);
            sources.rejudgeFiles(false);
        });
    }

    public PasteModel paste() { return paste; }
    public SourcesModel sources() { return sources; }
    public SelectionModel selection() { return selection; }

    /** The keys and expectations tokens are checked against; a change judges every source again. */
    public ObjectProperty<VerificationSettings> settingsProperty() { return settings; }

    /**
     * The source whose text the Input box shows, read-only: the file (or audited Secret) whose
     * token or entry is shown. Null while the box is the paste editor.
     */
    public ReadOnlyObjectProperty<SourceItem> inputSourceProperty() { return inputSource.getReadOnlyProperty(); }

    /**
     * Turns the Input box back into the paste editor while a file's token stays shown; the box
     * then says that the pane shows another source. Showing any other source ends it.
     */
    public void editPaste() {
        editingPaste.set(true);
    }

    /** Replaces the pasted text (Ctrl+V, a dropped text); the paste is then what is shown. */
    public void paste(String text) { paste.paste(text); }

    /** Clears what the Input box shows: the pasted text, or, when it shows a file, closes that file. */
    public void clear() {
        SourceItem shown = inputSource.get();
        if (shown != null) {
            close(shown);
        } else {
            paste.clear();
        }
    }

    /**
     * Opens dropped or chosen files (a folder: the files directly in it), each as a source, read
     * off the JavaFX thread, and shows the first of them once read. A file open already is read again.
     */
    public void openFiles(List<Path> paths) { sources.openFiles(paths, selection::show); }

    /**
     * Shows one token taken out of a file (a Secret of an audited dump) as a source of its own,
     * saying what the Audit said of its Secret ({@code verdict}); the paste is left alone.
     */
    public void openToken(Path file, String label, String token, List<Finding> verdict) {
        sources.openToken(file, label, token, verdict, selection::show);
    }

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
            selection.removed(item.report());
        } else {
            clear();
        }
    }

    /**
     * Judges the paste again at the current time (every 30 s). Only a change of verdict (a token
     * turned stale or expired) replaces it, so the user's place in the claim tree is kept.
     */
    public void refresh() {
        paste.rejudge(true);
    }

    /** Judges the files again at the current time (every few minutes), the same way: only a changed verdict shows. */
    public void refreshFiles() {
        sources.rejudgeFiles(true);
    }

    /** Whether anything is being read. */
    public ReadOnlyBooleanProperty readingProperty() { return sources.readingProperty(); }

    public ObservableList<SourceItem> items() { return sources.items(); }

    /**
     * The paste as read or judged anew. The same text judged again keeps the selection where it is
     * (a token of the paste follows as judged anew); new text is shown; cleared text leaves the files' tokens shown.
     */
    private void pasteShown(SourceReport previous, SourceReport result, boolean judgedAgain) {
        int place = selection.indexIn(previous);
        if (result == null) {
            sources.removePaste();
            selection.pasteCleared(previous);
            return;
        }
        SourceItem item = new SourceItem(SourceItem.PASTE_ID, "Pasted text", null, null, result);
        sources.put(item); // replacing the paste source lets the selection follow it (judged again)
        if (!judgedAgain) {
            selection.showPaste(item, place);
        }
    }
}
