package dev.tokenexplorer.ui.claims;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The claim tree: claim, value and meaning, nested objects expandable, dates readable with a
 * relative phrase. The selected claim's full explanation shows below the table.
 */
public final class ClaimsView extends VBox {

    private final ObjectProperty<List<ClaimRow>> rows = new SimpleObjectProperty<>(this, "rows", List.of());
    private final TreeTableView<ClaimRow> table = new TreeTableView<>();
    private final Label detailName = new Label();
    private final Label detailText = new Label();

    public ClaimsView(String id) {
        getStyleClass().add("claims-view");
        getStylesheets().add(java.util.Objects.requireNonNull(ClaimsView.class.getResource("claims.css")).toExternalForm());
        setId(id);
        table.setShowRoot(false);
        table.setRoot(new TreeItem<>());
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(createNameColumn(), createValueColumn(), createMeaningColumn());
        table.setPlaceholder(new Label("No claims"));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(table, createDetail());
        rows.addListener((obs, old, list) -> fill(list));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> showDetail(item == null ? null : item.getValue()));
    }

    public ObjectProperty<List<ClaimRow>> rowsProperty() {
        return rows;
    }

    public TreeTableView<ClaimRow> table() {
        return table;
    }

    private TreeTableColumn<ClaimRow, String> createNameColumn() {
        TreeTableColumn<ClaimRow, String> column = new TreeTableColumn<>("Claim");
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getValue().name()));
        column.setPrefWidth(190);
        column.setMinWidth(110);
        return column;
    }

    private TreeTableColumn<ClaimRow, ClaimRow> createValueColumn() {
        TreeTableColumn<ClaimRow, ClaimRow> column = new TreeTableColumn<>("Value");
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().getValue()));
        column.setCellFactory(c -> new ValueCell());
        column.setPrefWidth(330);
        column.setMinWidth(140);
        return column;
    }

    private TreeTableColumn<ClaimRow, String> createMeaningColumn() {
        TreeTableColumn<ClaimRow, String> column = new TreeTableColumn<>("Meaning");
        column.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().getValue().meaning()));
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String meaning, boolean empty) {
                super.updateItem(meaning, empty);
                setText(empty ? null : meaning);
                setTooltip(empty || meaning == null ? null : wrapped(meaning));
                getStyleClass().add("meaning-cell");
            }
        });
        column.setMinWidth(160);
        return column;
    }

    private VBox createDetail() {
        detailName.getStyleClass().add("claim-detail-name");
        detailText.getStyleClass().add("claim-detail-text");
        detailText.setWrapText(true);
        VBox detail = new VBox(2, detailName, detailText);
        detail.getStyleClass().add("claim-detail");
        detail.setPadding(new Insets(8, 10, 8, 10));
        detail.setMinHeight(64);
        showDetail(null);
        return detail;
    }

    private void showDetail(ClaimRow row) {
        if (row == null) {
            detailName.setText("Select a claim");
            detailText.setText("Its meaning, and its exact value for dates, appear here.");
            return;
        }
        detailName.setText(row.name() + (row.raw().isEmpty() ? "" : " = " + row.raw()));
        detailText.setText(row.meaning() + (row.when() == null ? "" : " " + row.value() + ", " + row.when() + "."));
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

    /** The value, and for dates a muted relative phrase beside it. */
    private static final class ValueCell extends TreeTableCell<ClaimRow, ClaimRow> {
        private final Label value = new Label();
        private final Label when = new Label();
        private final HBox box = new HBox(8, value, when);

        ValueCell() {
            value.getStyleClass().add("claim-value");
            when.getStyleClass().add("claim-when");
            when.managedProperty().bind(when.visibleProperty());
            value.setMinWidth(0);
        }

        @Override
        protected void updateItem(ClaimRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            value.setText(row.value());
            when.setText(row.when());
            when.setVisible(row.when() != null);
            setGraphic(box);
            setTooltip(wrapped(row.raw().isEmpty() ? row.value() : row.value() + (row.raw().equals("\"" + row.value() + "\"") ? "" : "\n" + row.raw())));
        }
    }
}
