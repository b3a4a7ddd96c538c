package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.core.tree.SourceNode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * What the right-hand pane shows, and from which source: a token, or the details of any other
 * entry (a source as a whole, a Secret, a certificate). It follows its source when the source is
 * judged again, and moves on when the source is closed.
 */
public final class SelectionModel {

    private final ObservableList<SourceItem> sources;
    private final ObjectProperty<TokenReport> token = new SimpleObjectProperty<>(this, "token");
    private final ObjectProperty<SourceNode> detail = new SimpleObjectProperty<>(this, "detail");
    private final ReadOnlyObjectWrapper<SourceItem> source = new ReadOnlyObjectWrapper<>(this, "source");

    SelectionModel(ObservableList<SourceItem> sources) {
        this.sources = sources;
    }

    /** The token shown; it stays set while details are shown over it. */
    public ObjectProperty<TokenReport> tokenProperty() { return token; }

    /** What the details pane shows when something other than a token is selected; null while a token is. */
    public ObjectProperty<SourceNode> detailProperty() { return detail; }

    /** The source of what is shown; null when nothing is. */
    public ReadOnlyObjectProperty<SourceItem> sourceProperty() { return source.getReadOnlyProperty(); }

    /** Selects an entry of the sources tree: a token shows as a token, anything else as its details. */
    public void select(SourceItem item, SourceNode node) {
        source.set(item);
        if (node != null && node.isToken() && node.tokenIndex() < item.report().tokens().size()) {
            detail.set(null);
            token.set(item.report().tokens().get(node.tokenIndex()));
        } else {
            detail.set(node != null ? node : SourceSummaries.describe(item));
        }
    }

    /** Shows what was just opened: its first token, or what it is when it holds none. */
    void show(SourceItem item) {
        source.set(item);
        if (item.report().tokens().isEmpty()) {
            detail.set(SourceSummaries.describe(item));
        } else {
            detail.set(null);
            token.set(item.report().tokens().get(0));
        }
    }

    /** Shows the pasted source's token at this place (clamped), or what the paste is when it holds none. */
    void showPaste(SourceItem paste, int place) {
        source.set(paste);
        List<TokenReport> found = paste.report().tokens();
        token.set(found.isEmpty() ? null : found.get(Math.min(Math.max(0, place), found.size() - 1)));
        detail.set(found.isEmpty() ? SourceSummaries.describe(paste) : null);
    }

    /** A source judged again (keys changed, time passed): what was shown of it is shown as judged anew. */
    void replaced(SourceItem old, SourceItem now) {
        int index = indexIn(old.report());
        if (index >= 0) {
            token.set(index < now.report().tokens().size() ? now.report().tokens().get(index) : null);
        }
        if (source.get() == old) {
            source.set(now);
            if (detail.get() != null && detail.get().equals(SourceSummaries.describe(old))) {
                detail.set(SourceSummaries.describe(now));
            }
        }
    }

    /** A source is gone: when it held what was shown, the first token left is shown instead. */
    void removed(SourceReport report) {
        if (indexIn(report) >= 0 || (source.get() != null && source.get().report() == report)) {
            showFirstToken();
        }
    }

    /** The paste was cleared: when it was shown, or nothing was, the files' first token is shown. */
    void pasteCleared(SourceReport oldPaste) {
        if ((oldPaste != null && indexIn(oldPaste) >= 0) || token.get() == null) {
            showFirstToken();
        }
    }

    /** Where the token shown is in a report; -1 when it is not there or none is shown (List.of refuses null). */
    int indexIn(SourceReport report) {
        return token.get() == null || report == null ? -1 : indexOf(report, token.get());
    }

    /**
     * Where this very token is in a report: by identity, since a source judged again is a new
     * report (the selection follows it by place), and comparing thousands of reports field by
     * field would cost the JavaFX thread a frame.
     */
    static int indexOf(SourceReport report, TokenReport wanted) {
        List<TokenReport> tokens = report.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Shows the first token of the sources left; with none, what the first source is; with no source, nothing. */
    private void showFirstToken() {
        detail.set(null);
        token.set(null);
        source.set(null);
        for (SourceItem item : sources) {
            if (!item.report().tokens().isEmpty()) {
                source.set(item);
                token.set(item.report().tokens().get(0));
                return;
            }
        }
        if (!sources.isEmpty()) {
            source.set(sources.get(0));
            detail.set(SourceSummaries.describe(sources.get(0)));
        }
    }
}
