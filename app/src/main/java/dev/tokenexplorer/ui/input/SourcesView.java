package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.ui.support.DisplayZone;
import dev.tokenexplorer.ui.support.Badge;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.PseudoClasses;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sources sidebar: every paste and file, organised as it is (a kubeconfig's contexts,
 * clusters and users; a list's Secrets and their tokens and certificates). Selecting a token shows
 * the token; selecting anything else shows its details.
 */
public final class SourcesView extends TreeView<SourcesView.Entry> {

    /** A row: a source itself (node null) or one node inside it. */
    public record Entry(SourceItem source, SourceNode node) {
    }

    private final InputViewModel model;
    private final DisplayZone zone;
    private java.util.function.Consumer<SourceItem> onUseAsKeys = item -> { };

    public SourcesView(InputViewModel model, DisplayZone zone) {
        this.model = model;
        this.zone = zone;
        setId("sources");
        getStyleClass().add("sources-view");
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setCellFactory(tree -> new EntryCell());
        model.items().addListener((ListChangeListener<SourceItem>) c -> rebuild());
        getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (!revealing && item != null && item.getValue() != null) {
                model.selection().select(item.getValue().source(), item.getValue().node());
            }
        });
        model.selection().tokenProperty().addListener((obs, old, token) -> reveal());
        model.selection().detailProperty().addListener((obs, old, detail) -> reveal());
        zone.zoneProperty().addListener((obs, old, now) -> refresh()); // a certificate's "until" follows the zone
        rebuild();
    }

    private boolean revealing;

    /** What "Use to verify tokens" in a key source's menu does. */
    void setOnUseAsKeys(java.util.function.Consumer<SourceItem> action) {
        onUseAsKeys = action;
    }

    /**
     * Selects and scrolls to the row of what the pane shows, however it came to be shown (opened,
     * dropped, judged again after keys changed): the token, or the entry whose details are shown.
     */
    private void reveal() {
        SourceNode detail = model.selection().detailProperty().get();
        SourceItem shown = model.selection().sourceProperty().get();
        if (detail == null) {
            reveal(model.selection().tokenProperty().get());
            return;
        }
        for (TreeItem<Entry> source : shown == null ? java.util.List.<TreeItem<Entry>>of() : getRoot().getChildren()) {
            if (source.getValue().source().id().equals(shown.id())) {
                TreeItem<Entry> row = source.getValue().source().report().nodes().size() <= FOLD_LIMIT ? findNode(source, detail) : null;
                select(row != null ? row : source);
                return;
            }
        }
    }

    private void reveal(TokenReport token) {
        if (token == null) {
            return;
        }
        TreeItem<Entry> row = null;
        for (TreeItem<Entry> source : getRoot().getChildren()) {
            int index = SelectionModel.indexOf(source.getValue().source().report(), token);
            if (index >= 0) {
                // A folded dump of thousands stays folded: its rows are not all made to find one.
                row = source.isExpanded() || source.getValue().source().report().nodes().size() <= FOLD_LIMIT ? find(source, index) : null;
                break;
            }
        }
        if (row != null) {
            select(row);
        }
    }

    private void select(TreeItem<Entry> row) {
        if (getSelectionModel().getSelectedItem() != row) {
            for (TreeItem<Entry> up = row.getParent(); up != null; up = up.getParent()) {
                up.setExpanded(true);
            }
            revealing = true;
            try {
                getSelectionModel().select(row);
            } finally {
                revealing = false;
            }
            int at = getRow(row);
            if (at >= 0) {
                scrollTo(Math.max(0, at - 1));
            }
        }
    }

    private static TreeItem<Entry> findNode(TreeItem<Entry> item, SourceNode wanted) {
        if (wanted.equals(item.getValue().node())) {
            return item;
        }
        for (TreeItem<Entry> child : item.getChildren()) {
            TreeItem<Entry> found = findNode(child, wanted);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TreeItem<Entry> find(TreeItem<Entry> item, int tokenIndex) {
        SourceNode node = item.getValue().node();
        if (node != null && node.isToken() && node.tokenIndex() == tokenIndex) {
            return item;
        }
        for (TreeItem<Entry> child : item.getChildren()) {
            TreeItem<Entry> found = find(child, tokenIndex);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Sources with more entries than this start folded. */
    private static final int FOLD_LIMIT = 500;

    private void rebuild() {
        TreeItem<Entry> root = new TreeItem<>();
        for (SourceItem source : model.items()) {
            TreeItem<Entry> item = new LazyEntryItem(new Entry(source, null), source.report().nodes());
            // A dump of thousands of Secrets starts folded: its rows are made when it is opened.
            item.setExpanded(source.report().nodes().size() <= FOLD_LIMIT);
            root.getChildren().add(item);
        }
        setRoot(root);
        reveal();
    }

    private final class EntryCell extends TreeCell<Entry> {
        /** Built on the first item this cell shows: the rows below the last entry stay empty cells, not ~14 nodes each to style. */
        private Row row;

        /** What a filled row shows. Once built it stays, hidden while the cell is empty: setting it again would restyle the row. */
        private static final class Row {
            final Label title = new Label();
            final Label subtitle = new Label();
            final Badge kind = new Badge("kind-badge");
            final Badge status = new Badge("status-badge");
            final Badge signature = new Badge("signature-badge");
            final javafx.scene.layout.FlowPane badges = new javafx.scene.layout.FlowPane(4, 3, kind, status, signature);
            final VBox box = new VBox(2, title, subtitle, badges);
            final FontIcon icon = Icons.of(Feather.FILE_TEXT);
            final Tooltip tooltip = new Tooltip();

            Row() {
                title.getStyleClass().add("source-title");
                subtitle.getStyleClass().add("source-subtitle");
                subtitle.managedProperty().bind(subtitle.visibleProperty());
                badges.managedProperty().bind(badges.visibleProperty());
                // In a narrow sidebar the badges wrap to a second line, whole, rather than widen every row.
                badges.setMinWidth(0);
                badges.setPrefWrapLength(1);
                for (Badge badge : new Badge[]{kind, status, signature}) {
                    badge.setMinWidth(Region.USE_PREF_SIZE);
                }
                // Long titles and errors end in "…" rather than widening every row into a horizontal scroll bar.
                for (Label label : new Label[]{title, subtitle}) {
                    label.setMinWidth(0);
                    label.setPrefWidth(1);
                    label.setMaxWidth(Double.MAX_VALUE);
                }
                title.setGraphic(icon);
                box.managedProperty().bind(box.visibleProperty());
            }
        }

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                if (row != null) {
                    row.box.setVisible(false);
                }
                if (getDisclosureNode() != null) {
                    getDisclosureNode().setVisible(false); // the skin leaves an emptied row's arrow as it was
                }
                setContextMenu(null);
                setTooltip(null);
                return;
            }
            if (row == null) {
                row = new Row();
                setGraphic(row.box);
            }
            Label title = row.title;
            Label subtitle = row.subtitle;
            SourceItem source = entry.source();
            SourceNode node = entry.node();
            TokenReport token = node != null && node.isToken() && node.tokenIndex() < source.report().tokens().size()
                    ? source.report().tokens().get(node.tokenIndex()) : null;
            if (node == null) {
                title.setText(Printable.escape(source.label()));
                int entries = source.report().nodes().size();
                subtitle.setText(Printable.escape(source.report().error() != null ? "Could not be read" : source.report().type().title()
                        + (entries > FOLD_LIMIT ? String.format(java.util.Locale.ROOT, " · %,d entries", entries) : "")));
                row.icon.setIconCode(source.isFile() ? Feather.FILE_TEXT : Feather.CLIPBOARD);
                setContextMenu(menu(source));
                row.tooltip.setText((source.isFile() ? source.path().toString() : "Pasted text")
                        + (source.report().error() == null ? "" : "\n" + Printable.escape(source.report().error())));
                subtitle.pseudoClassStateChanged(PseudoClasses.INVALID, source.report().error() != null);
            } else {
                title.setText(Printable.escape(node.title()));
                subtitle.setText(Printable.escape(token != null && token.error() != null ? token.error()
                        : TimeText.inZone(node.subtitle(), zone.zoneProperty().get())));
                row.icon.setIconCode(icon(node.kind()));
                setContextMenu(null);
                row.tooltip.setText(Printable.escape(node.title()) + (node.subtitle() == null ? "" : "\n" + Printable.escape(TimeText.inZone(node.subtitle(), zone.zoneProperty().get()))));
                subtitle.pseudoClassStateChanged(PseudoClasses.INVALID, token != null && token.error() != null);
            }
            subtitle.setVisible(subtitle.getText() != null && !subtitle.getText().isEmpty());
            row.badges.setVisible(token != null);
            if (token != null) {
                TokenBadges.show(token, row.kind, row.status, row.signature);
            }
            setTooltip(row.tooltip);
            row.box.setVisible(true);
        }

        private ContextMenu menu(SourceItem source) {
            ContextMenu menu = new ContextMenu();
            if (source.holdsKeys()) {
                MenuItem useAsKeys = new MenuItem("Use to verify tokens", Icons.of(Feather.SHIELD));
                useAsKeys.setOnAction(e -> onUseAsKeys.accept(source));
                menu.getItems().add(useAsKeys);
            }
            if (source.isWholeFile()) {
                MenuItem reload = new MenuItem("Reload", Icons.of(Feather.REFRESH_CW));
                reload.setOnAction(e -> model.reload(source));
                menu.getItems().add(reload);
            }
            MenuItem close = new MenuItem(source.isFile() ? "Close" : "Clear", Icons.of(Feather.X));
            close.setOnAction(e -> model.close(source));
            menu.getItems().add(close);
            return menu;
        }
    }

    private static Ikon icon(String kind) {
        return switch (kind) {
            case "token" -> Feather.KEY;
            case "secret" -> Feather.LOCK;
            case "certificate" -> Feather.AWARD;
            case "key" -> Feather.SHIELD;
            case "context" -> Feather.NAVIGATION;
            case "cluster" -> Feather.SERVER;
            case "user" -> Feather.USER;
            case "service-account" -> Feather.USER_CHECK;
            default -> Feather.FOLDER;
        };
    }
}
