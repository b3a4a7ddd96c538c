package dev.tokenexplorer.ui.claims;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.util.List;

/**
 * The claim tree: claim, value and meaning, nested objects expandable, dates readable with their
 * exact NumericDate and a relative phrase. Every cell wraps, so nothing is cut off.
 */
public final class ClaimsView extends VBox {

    private final ObjectProperty<List<ClaimRow>> rows = new SimpleObjectProperty<>(this, "rows", List.of());
    private final TreeTableView<ClaimRow> table = new TreeTableView<>();
    private final javafx.beans.property.StringProperty placeholder = new javafx.beans.property.SimpleStringProperty(this, "placeholder", "No claims");

    /** A table of claims. */
    public ClaimsView(String id) {
        this(id, "Claim");
    }

    /** A table of a token's claims, or of its header's parameters ({@code nameTitle} "Parameter"). */
    public ClaimsView(String id, String nameTitle) {
        getStyleClass().add("claims-view");
        getStylesheets().add(java.util.Objects.requireNonNull(ClaimsView.class.getResource("claims.css")).toExternalForm());
        setId(id);
        table.setShowRoot(false);
        table.setRoot(new TreeItem<>());
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(createNameColumn(nameTitle), createValueColumn(), createMeaningColumn());
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        Label empty = new Label();
        empty.setId(id + "-empty");
        empty.setWrapText(true);
        empty.setPadding(new javafx.geometry.Insets(12));
        empty.textProperty().bind(placeholder);
        table.setPlaceholder(empty);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(table);
        rows.addListener((obs, old, list) -> fill(list));
    }

    /** What the table says when it has no rows: "No claims", or why none could be read. */
    public javafx.beans.property.StringProperty placeholderProperty() {
        return placeholder;
    }

    public ObjectProperty<List<ClaimRow>> rowsProperty() {
        return rows;
    }

    public TreeTableView<ClaimRow> table() {
        return table;
    }

    private TreeTableColumn<ClaimRow, ClaimRow> createNameColumn(String title) {
        TreeTableColumn<ClaimRow, ClaimRow> column = column(title);
        column.setCellFactory(c -> new WrappingCell(row -> breakable(row.name()), null));
        column.setPrefWidth(170);
        column.setMinWidth(110);
        return column;
    }

    private TreeTableColumn<ClaimRow, ClaimRow> createValueColumn() {
        TreeTableColumn<ClaimRow, ClaimRow> column = column("Value");
        column.setCellFactory(c -> new WrappingCell(row -> breakable(row.value()), row -> row.when() == null ? null : row.raw() + " · " + row.when()));
        column.setPrefWidth(230);
        column.setMinWidth(130);
        return column;
    }

    private TreeTableColumn<ClaimRow, ClaimRow> createMeaningColumn() {
        TreeTableColumn<ClaimRow, ClaimRow> column = column("Meaning");
        column.setCellFactory(c -> new WrappingCell(ClaimRow::meaning, null));
        column.setPrefWidth(320);
        column.setMinWidth(160);
        return column;
    }

    private static TreeTableColumn<ClaimRow, ClaimRow> column(String title) {
        TreeTableColumn<ClaimRow, ClaimRow> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue()));
        column.setSortable(false);
        return column;
    }

    /**
     * Text as shown in a cell, with a break opportunity between the parts of names, hosts and
     * paths, so kubernetes.io/serviceaccount/namespace, system:serviceaccount:ns:name or
     * kubernetes.default.svc.cluster.local wrap between their parts, not mid-word, in a narrow
     * column: after a / (not inside "://"), after a : before a letter (not inside 11:49:01), after
     * a . between letters (not inside 1.24). The opportunity is a hair space (U+200A): JavaFX wraps
     * where java.text.BreakIterator allows, and it ignores a zero-width space. Only the shown text
     * changes: tooltips and copies keep the original.
     */
    static final char HAIR_SPACE = '\u200A';

    static String breakable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder shown = null;
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            boolean previousLetter = i > 0 && Character.isLetter(text.charAt(i - 1));
            boolean opportunity = c == '/' && next != '/' && (i == 0 || text.charAt(i - 1) != '/')
                    || c == ':' && Character.isLetter(next)
                    || c == '.' && previousLetter && Character.isLetter(next);
            if (opportunity) {
                if (shown == null) {
                    shown = new StringBuilder(text.length() + 8).append(text, 0, i + 1);
                } else {
                    shown.append(c);
                }
                shown.append(HAIR_SPACE);
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? text : shown.append(text.charAt(text.length() - 1)).toString();
    }

    private void fill(List<ClaimRow> list) {
        TreeItem<ClaimRow> root = new TreeItem<>();
        list.forEach(row -> root.getChildren().add(item(row)));
        table.setRoot(root);
    }

    private static TreeItem<ClaimRow> item(ClaimRow row) {
        TreeItem<ClaimRow> item = new TreeItem<>(row);
        row.children().forEach(child -> item.getChildren().add(item(child)));
        item.setExpanded(true);
        return item;
    }

    private static Tooltip wrapped(String text) {
        Tooltip tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        return tooltip;
    }

    /**
     * A cell whose text wraps, so every claim, value and meaning is readable in full; for dates a
     * muted relative phrase ("in 42 minutes") stands below the value.
     */
    private static final class WrappingCell extends TreeTableCell<ClaimRow, ClaimRow> {
        private final Text main = new Text();
        private final Text secondary = new Text();
        private final VBox box = new VBox(1, main, secondary);
        private final Tooltip tooltip = wrapped("");
        private final java.util.function.Function<ClaimRow, String> text;
        private final java.util.function.Function<ClaimRow, String> secondaryText;

        WrappingCell(java.util.function.Function<ClaimRow, String> text, java.util.function.Function<ClaimRow, String> secondaryText) {
            this.text = text;
            this.secondaryText = secondaryText;
            main.getStyleClass().add("claim-text");
            secondary.getStyleClass().add("claim-when");
            secondary.managedProperty().bind(secondary.visibleProperty());
            box.setPadding(new Insets(2, 0, 2, 0));
            box.managedProperty().bind(box.visibleProperty());
            setText(null);
            // The graphic and tooltip stay; updates change their text. Replacing them would restyle the cell each time.
            setGraphic(box);
        }

        @Override
        protected void updateItem(ClaimRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                box.setVisible(false);
                setTooltip(null);
                return;
            }
            main.setText(text.apply(row));
            main.wrappingWidthProperty().bind(getTableColumn().widthProperty().subtract(getIndent() + 18));
            String extra = secondaryText == null ? null : secondaryText.apply(row);
            secondary.setText(extra);
            secondary.setVisible(extra != null);
            tooltip.setText(row.name() + " = " + row.raw());
            setTooltip(row.raw().isEmpty() ? null : tooltip);
            box.setVisible(true);
        }

        private double getIndent() {
            return getTableColumn() == getTreeTableView().getTreeColumn() ? (getTreeTableRow() == null ? 0 : getTreeTableView().getTreeItemLevel(getTreeTableRow().getTreeItem()) * 18 + 18) : 0;
        }
    }
}
