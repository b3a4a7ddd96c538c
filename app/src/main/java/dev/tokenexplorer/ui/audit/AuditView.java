package dev.tokenexplorer.ui.audit;

import dev.tokenexplorer.core.audit.AuditExport;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.AuditSummary;
import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.kube.Origin;
import dev.tokenexplorer.core.token.FindingCode;
import dev.tokenexplorer.core.token.Finding;
import dev.tokenexplorer.core.token.Severity;
import dev.tokenexplorer.core.token.SignatureStatus;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.PseudoClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.Callback;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit page: open a cluster dump, watch it being read, then sort and filter every
 * service-account-token Secret, see why each is flagged, open its token, export the table.
 */
public final class AuditView extends VBox {

    static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final AuditViewModel model;
    private final Consumer<AuditedSecret> onOpen;
    private final TableView<AuditedSecret> table = new TableView<>();
    private final FlowPane cards = new FlowPane(10, 10);
    private final Label problems = new Label();
    private final AuditDetailsView details = new AuditDetailsView();
    private final TextField filter = new TextField();

    /** @param onOpen shows a Secret's token in the Explore page */
    public AuditView(AuditViewModel model, Consumer<AuditedSecret> onOpen) {
        this.model = model;
        this.onOpen = onOpen;
        setId("audit-page");
        getStyleClass().add("audit-page");
        getStylesheets().add(Objects.requireNonNull(AuditView.class.getResource("audit.css")).toExternalForm());
        setSpacing(12);
        setPadding(new Insets(16, 20, 16, 20));

        problems.getStyleClass().add("audit-problems");
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setVisible(false);
        cards.setId("audit-summary");

        // The table and the selected Secret's details share the height; the user drags the divider.
        javafx.scene.control.SplitPane rows = new javafx.scene.control.SplitPane(createTable(), detailsPane());
        rows.setOrientation(javafx.geometry.Orientation.VERTICAL);
        rows.setDividerPositions(0.55);
        rows.getStyleClass().add("audit-split");
        VBox.setVgrow(rows, Priority.ALWAYS);
        getChildren().addAll(header(), progressRow(), cards, problems, filterRow(), rows);
        model.resultProperty().addListener((obs, old, result) -> showSummary(result));
        showSummary(null);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (FIND.match(event)) {
                filter.requestFocus();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
                model.cancel();
                event.consume();
            }
        });
    }

    private HBox header() {
        Label title = new Label("Audit a cluster's token Secrets");
        title.getStyleClass().add("page-title");
        Label hint = new Label("Every service-account-token Secret in a dump: unused, invalidated, auto-generated or manual.");
        hint.setTooltip(new Tooltip("Include ServiceAccounts in the dump to tell auto-generated from manual Secrets; "
                + "load keys on the Explore page to verify signatures."));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox text = new VBox(4, title, hint);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button open = new Button("Open dump…", Icons.of(Feather.FOLDER));
        open.setId("audit-open");
        open.setDefaultButton(false);
        open.setTooltip(new Tooltip("Audit YAML or JSON dumps (kubectl get secrets,serviceaccounts -A -o yaml), or drop them on this page"));
        open.setOnAction(e -> chooseFiles());
        Button folder = new Button("Open folder…", Icons.of(Feather.FOLDER_PLUS));
        folder.setTooltip(new Tooltip("Audit every .yaml, .yml and .json manifest in a folder and its subfolders"));
        folder.setOnAction(e -> chooseFolder());
        Button again = new Button("Audit again", Icons.of(Feather.REFRESH_CW));
        again.setId("audit-again");
        again.setTooltip(new Tooltip("Read the same inputs again, with the keys loaded now"));
        again.disableProperty().bind(model.resultProperty().isNull().or(model.runningProperty()));
        again.setOnAction(e -> model.again());

        MenuButton export = new MenuButton("Export", Icons.of(Feather.DOWNLOAD));
        export.setId("audit-export");
        export.setTooltip(new Tooltip("Save the rows shown as CSV or Markdown, or the whole audit as JSON. Tokens are never exported."));
        for (AuditExport.Format format : List.of(AuditExport.Format.CSV, AuditExport.Format.JSON, AuditExport.Format.MARKDOWN)) {
            MenuItem item = new MenuItem(format.name().charAt(0) + format.name().substring(1).toLowerCase(Locale.ROOT) + "…");
            item.setOnAction(e -> save(format));
            export.getItems().add(item);
        }
        export.disableProperty().bind(model.resultProperty().isNull().or(model.runningProperty()));

        for (javafx.scene.control.Control control : List.of(open, folder, again, export)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox header = new HBox(8, text, open, folder, again, export);
        header.setAlignment(Pos.TOP_LEFT);
        return header;
    }

    private HBox progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("audit-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setPrefWidth(220);
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("audit-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("muted");
        Button cancel = new Button("Cancel", Icons.of(Feather.X_CIRCLE));
        cancel.setId("audit-cancel");
        cancel.setTooltip(new Tooltip("Stop the audit (Esc)"));
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox row = new HBox(10, bar, status, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox filterRow() {
        filter.setId("audit-filter");
        filter.setPromptText("Filter by namespace, Secret or service account (Ctrl+F)");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        filter.setMaxWidth(420);

        ComboBox<FindingCode> finding = filterBox("audit-finding-filter", FindingCode.auditedValues(), "Any finding", FindingCode::title,
                f -> Icons.severity(f.severity()), model.findingFilterProperty(), "Show only the Secrets with this finding");
        ComboBox<Origin> origin = filterBox("audit-origin-filter", Origin.values(), "Any origin", Origin::title, o -> null,
                model.originFilterProperty(),
                "Auto-generated Secrets are listed in their service account's secrets; only they are ever cleaned up");

        Label count = new Label();
        count.setId("audit-count");
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            AuditResult result = model.resultProperty().get();
            return result == null ? "" : String.format(Locale.ROOT, "%,d of %,d shown", model.shown().size(), result.secrets().size());
        }, model.shown(), model.resultProperty()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        Button open = new Button("Open token", Icons.of(Feather.EXTERNAL_LINK));
        open.setId("audit-open-token");
        open.setTooltip(new Tooltip("Explain the selected Secret's token on the Explore page (Enter, or double-click the row)"));
        open.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            AuditedSecret selected = table.getSelectionModel().getSelectedItem();
            return selected == null || selected.token() == null;
        }, table.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> openSelected());

        HBox row = new HBox(8, filter, finding, origin, count, spacer, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A filter's choice: any (null) or one of {@code values}, each with its title and an optional icon. */
    private static <T> ComboBox<T> filterBox(String id, T[] values, String any, Function<T, String> title, Function<T, Node> graphic,
                                             Property<T> value, String tooltip) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        Callback<ListView<T>, ListCell<T>> cells = list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? any : title.apply(item));
                setGraphic(empty || item == null ? null : graphic.apply(item));
            }
        };
        box.setButtonCell(cells.call(null));
        box.setCellFactory(cells);
        box.valueProperty().bindBidirectional(value);
        box.setTooltip(new Tooltip(tooltip));
        return box;
    }

    private TableView<AuditedSecret> createTable() {
        table.setId("audit-table");
        Label placeholder = new Label("No audit yet: open or drop a dump such as\n"
                + "kubectl get secrets,serviceaccounts -A -o yaml > cluster.yaml\n\n"
                + "With the ServiceAccounts, auto-generated Secrets are told from manual ones; keys loaded on the Explore page verify signatures.");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted");
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setTableMenuButtonVisible(true); // columns can be hidden from the header's menu
        // Every row is one line: a fixed height spares the table measuring rows as they appear.
        table.setFixedCellSize(36);
        SortedList<AuditedSecret> sorted = new SortedList<>(model.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().addAll(List.of(
                column("Namespace", 100, AuditedSecret::namespace, Comparator.<String>naturalOrder(), (String s) -> s),
                column("Secret", 165, AuditedSecret::name, Comparator.<String>naturalOrder(), (String s) -> s),
                column("Service account", 130, AuditedSecret::serviceAccount, Comparator.<String>naturalOrder(), (String s) -> s),
                findingsColumn(),
                column("Origin", 118, s -> s.origin().title(), Comparator.<String>naturalOrder(), (String s) -> s),
                lastUsedColumn(),
                column("Invalid since", 105, AuditedSecret::invalidSince, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()),
                        LocalDate::toString),
                column("Kind", 62, s -> s.kind() == null ? "" : s.kind().id(), Comparator.<String>naturalOrder(), (String s) -> s.isEmpty() ? "—" : s),
                column("Signature", 88, AuditedSecret::signature, Comparator.nullsFirst(Comparator.<SignatureStatus>naturalOrder()),
                        SignatureStatus::id),
                column("Created", 92, AuditedSecret::created, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()),
                        i -> LocalDate.ofInstant(i, ZoneOffset.UTC).toString())));
        table.setRowFactory(t -> {
            TableRow<AuditedSecret> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openSelected();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, secret) -> details.show(secret));
        return table;
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
                setText(empty || secret == null ? null : date == null ? "never" : date + "  (" + secret.daysSinceUse() + " d)");
            }
        });
        return column;
    }

    private TableColumn<AuditedSecret, AuditedSecret> findingsColumn() {
        TableColumn<AuditedSecret, AuditedSecret> column = new TableColumn<>("Findings");
        column.setPrefWidth(210);
        column.setMinWidth(210);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator(Comparator.comparing((AuditedSecret s) -> s.worst() == null ? Severity.values().length : s.worst().ordinal())
                .thenComparing(s -> -s.findings().size()));
        column.setCellFactory(c -> new TableCell<>() {
            private final FontIcon icon = Icons.severity(Severity.INFO);

            {
                // One icon per cell, shown or hidden: a new icon per update would restyle the cell each time.
                icon.managedProperty().bind(icon.visibleProperty());
                setGraphic(icon);
            }

            @Override
            protected void updateItem(AuditedSecret secret, boolean empty) {
                super.updateItem(secret, empty);
                if (empty || secret == null || secret.findings().isEmpty()) {
                    setText(empty ? null : "—");
                    icon.setVisible(false);
                    PseudoClasses.severity(this, null);
                    return;
                }
                setText(secret.findings().stream().map(f -> f.type().title()).distinct().collect(Collectors.joining(", ")));
                Icons.showSeverity(icon, secret.worst());
                icon.setVisible(true);
                PseudoClasses.severity(this, secret.worst());
            }
        });
        return column;
    }

    private ScrollPane detailsPane() {
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(180);
        scroll.setMinHeight(90);
        scroll.getStyleClass().add("audit-details-scroll");
        return scroll;
    }

    private void showSummary(AuditResult result) {
        cards.getChildren().clear();
        problems.setVisible(result != null && !result.problems().isEmpty());
        if (result == null) {
            return;
        }
        problems.setText(String.join("\n", result.problems()));
        AuditSummary s = result.summary();
        cards.getChildren().addAll(
                card("Token Secrets", s.secrets(), null, null),
                card("Marked invalid", s.count(FindingCode.INVALIDATED), Severity.ERROR, FindingCode.INVALIDATED),
                card(result.rbacKnown() ? "Privileged, never expire" : "Privileged (no RBAC read)", s.count(FindingCode.PRIVILEGED_LONG_LIVED),
                        Severity.ERROR, FindingCode.PRIVILEGED_LONG_LIVED),
                card("Never used", s.count(FindingCode.NEVER_USED), Severity.WARNING, FindingCode.NEVER_USED),
                card("Unused > " + model.unusedDaysProperty().get() + " days", s.count(FindingCode.UNUSED), Severity.WARNING, FindingCode.UNUSED),
                card("Clean-up candidates", s.count(FindingCode.CLEANUP_CANDIDATE), Severity.WARNING, FindingCode.CLEANUP_CANDIDATE),
                card(result.pods() == 0 ? "Used by workloads (no Pods read)" : "Used by workloads", s.count(FindingCode.USED_BY_WORKLOAD), null,
                        FindingCode.USED_BY_WORKLOAD),
                card(result.serviceAccounts() == 0 ? "Auto-generated (no SAs read)" : "Auto-generated", s.count(Origin.AUTO_GENERATED), null, null),
                card(s.bySignature().isEmpty() ? "Signatures (no key)" : "Signatures verified",
                        s.bySignature().getOrDefault(SignatureStatus.VERIFIED, 0), null, null));
    }

    private VBox card(String title, int count, Severity severity, FindingCode finding) {
        Label number = new Label(String.format(Locale.ROOT, "%,d", count));
        number.getStyleClass().add("card-number");
        Label label = new Label(title);
        label.getStyleClass().add("card-label");
        VBox card = new VBox(2, number, label);
        card.getStyleClass().add("audit-card");
        if (severity != null && count > 0) {
            PseudoClasses.severity(card, severity);
        }
        if (finding != null) {
            card.setOnMouseClicked(e -> model.findingFilterProperty().set(model.findingFilterProperty().get() == finding ? null : finding));
            Tooltip.install(card, new Tooltip("Show only these (click again for all)"));
            card.getStyleClass().add("clickable");
        }
        return card;
    }

    private void openSelected() {
        AuditedSecret secret = table.getSelectionModel().getSelectedItem();
        if (secret != null && secret.token() != null) {
            onOpen.accept(secret);
        }
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Audit cluster dumps");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML and JSON", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null) {
            model.audit(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Audit a folder of manifests");
        File folder = chooser.showDialog(getScene().getWindow());
        if (folder != null) {
            model.audit(List.of(folder.toPath()));
        }
    }

    private void save(AuditExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit as " + format.id());
        chooser.setInitialFileName("token-audit." + format.extension());
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.export(format, file.toPath());
        }
    }
}
