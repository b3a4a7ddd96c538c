package dev.tokenexplorer.ui.audit;

import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.PseudoClasses;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit's rows: one service-account-token Secret each, sortable, columns that can be hidden.
 * When the columns do not fit (1024 pixels wide) the table scrolls sideways instead of cutting them off.
 */
final class AuditTable extends TableView<AuditedSecret> {

    AuditTable(ObservableList<AuditedSecret> shown, Runnable onOpen) {
        setId("audit-table");
        Label placeholder = new Label("No audit yet: open or drop a dump such as\n"
                + "kubectl get secrets,serviceaccounts -A -o yaml > cluster.yaml\n\n"
                + "With the ServiceAccounts, auto-generated Secrets are told from manual ones; keys loaded on the Explore page verify signatures.");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted");
        setPlaceholder(placeholder);
        setTableMenuButtonVisible(true); // columns can be hidden from the header's menu
        // Every row is one line: a fixed height spares the table measuring rows as they appear.
        setFixedCellSize(36);
        SortedList<AuditedSecret> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getColumns().addAll(List.of(
                column("Namespace", 100, AuditedSecret::namespace, Comparator.<String>naturalOrder(), Printable::escape),
                column("Secret", 165, AuditedSecret::name, Comparator.<String>naturalOrder(), Printable::escape),
                column("Service account", 130, AuditedSecret::serviceAccount, Comparator.<String>naturalOrder(), Printable::escape),
                findingsColumn(),
                column("Origin", 118, s -> s.origin().title(), Comparator.<String>naturalOrder(), (String s) -> s),
                lastUsedColumn(),
                column("Invalid since", 105, AuditedSecret::invalidSince, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()),
                        LocalDate::toString),
                column("Kind", 70, s -> s.kind() == null ? "" : s.kind().id(), Comparator.<String>naturalOrder(), (String s) -> s.isEmpty() ? "—" : s),
                column("Signature", 92, AuditedSecret::signature, Comparator.nullsFirst(Comparator.<SignatureStatus>naturalOrder()),
                        SignatureStatus::id),
                // Days, as the API server writes its labels: UTC days, whatever the window's zone, and the header says so.
                column("Created (UTC)", 110, AuditedSecret::created, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()),
                        i -> LocalDate.ofInstant(i, java.time.ZoneOffset.UTC).toString())));
        // Columns fill a wide table; a narrow one keeps their widths and scrolls sideways.
        widthProperty().addListener((obs, old, width) -> fitColumns(width.doubleValue()));
        getColumns().forEach(c -> c.visibleProperty().addListener((obs, old, on) -> fitColumns(getWidth())));
        fitColumns(0);
        setRowFactory(t -> {
            TableRow<AuditedSecret> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.run();
                }
            });
            return row;
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                onOpen.run();
                e.consume();
            }
        });
    }

    private void fitColumns(double width) {
        double needed = getColumns().stream().filter(TableColumn::isVisible).mapToDouble(TableColumn::getMinWidth).sum() + 30;
        var policy = width >= needed ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (getColumnResizePolicy() != policy) {
            setColumnResizePolicy(policy);
        }
    }

    private static <T> TableColumn<AuditedSecret, T> column(String title, double width, Function<AuditedSecret, T> value,
                                                            Comparator<T> order, Function<T, String> text) {
        TableColumn<AuditedSecret, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "—" : text.apply(item));
            }
        });
        return column;
    }

    /** The last-used date with the days since it. */
    private static TableColumn<AuditedSecret, LocalDate> lastUsedColumn() {
        TableColumn<AuditedSecret, LocalDate> column = column("Last used", 150, AuditedSecret::lastUsed,
                Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()), LocalDate::toString);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                AuditedSecret secret = empty ? null : getTableRow().getItem();
                setText(empty || secret == null ? null : secret.lastUsedText());
            }
        });
        return column;
    }

    private static TableColumn<AuditedSecret, AuditedSecret> findingsColumn() {
        TableColumn<AuditedSecret, AuditedSecret> column = new TableColumn<>("Findings");
        column.setPrefWidth(210);
        column.setMinWidth(210);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(Comparator.comparing((AuditedSecret s) -> s.worst() == null ? Severity.values().length : s.worst().ordinal())
                .thenComparing(s -> -s.findings().size()));
        column.setCellFactory(c -> new FindingsCell());
        return column;
    }

    /**
     * A row's findings with the worst one's icon. A cell is reused for other rows as the table
     * filters and scrolls, so every update sets all of it: text, icon, colour.
     */
    static final class FindingsCell extends TableCell<AuditedSecret, AuditedSecret> {
        private final FontIcon icon = Icons.severity(Severity.INFO);

        FindingsCell() {
            getStyleClass().add("findings-cell");
        }

        @Override
        protected void updateItem(AuditedSecret secret, boolean empty) {
            super.updateItem(secret, empty);
            boolean any = !empty && secret != null && !secret.findings().isEmpty();
            if (any) {
                Icons.showSeverity(icon, secret.worst());
            }
            setGraphic(any ? icon : null);
            setText(empty || secret == null ? null : any
                    ? secret.findings().stream().map(f -> f.type().title()).distinct().collect(Collectors.joining(", ")) : "—");
            PseudoClasses.severity(this, any ? secret.worst() : null);
        }
    }
}
