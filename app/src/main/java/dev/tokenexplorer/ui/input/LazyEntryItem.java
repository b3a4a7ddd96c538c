package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.tree.SourceNode;
import javafx.scene.control.TreeItem;

/**
 * A row whose children are made only when it is first expanded, so that a dump of thousands of
 * Secrets costs the JavaFX thread one row each, not a whole tree.
 */
final class LazyEntryItem extends TreeItem<SourcesView.Entry> {

    /** Sources with more entries than this show them collapsed: a cluster dump can hold thousands. */
    private static final int EXPAND_LIMIT = 50;

    private final java.util.List<SourceNode> nodes;
    private boolean built;

    LazyEntryItem(SourcesView.Entry entry, java.util.List<SourceNode> nodes) {
        super(entry);
        this.nodes = nodes;
    }

    @Override
    public boolean isLeaf() {
        return nodes.isEmpty();
    }

    @Override
    public javafx.collections.ObservableList<TreeItem<SourcesView.Entry>> getChildren() {
        if (!built) {
            built = true;
            boolean expand = nodes.size() <= EXPAND_LIMIT;
            java.util.List<TreeItem<SourcesView.Entry>> items = new java.util.ArrayList<>(nodes.size());
            for (SourceNode node : nodes) {
                LazyEntryItem child = new LazyEntryItem(new SourcesView.Entry(getValue().source(), node), node.children());
                child.setExpanded(expand && !node.kind().equals("certificate") && node.children().size() <= 20);
                items.add(child);
            }
            super.getChildren().setAll(items);
        }
        return super.getChildren();
    }
}
