package dev.tokenexplorer.ui.audit;

import dev.tokenexplorer.core.audit.AuditExport;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.AuditSummary;
import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.kube.Origin;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.jwt.SignatureStatus;
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
import javafx.util.Callback;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

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

    private final AuditViewModel model;
    private final Consumer<AuditedSecret> onOpen;
    private final AuditTable table;
    private final Label problems = new Label();
    private final AuditDetailsView details;
    private final TextField filter = new TextField();

    /**
     * @param zone   the window's one zone: the findings' times show in it
     * @param onOpen shows a Secret's token in the Explore page
     */
    public AuditView(AuditViewModel model, javafx.beans.value.ObservableValue<java.time.ZoneId> zone, Consumer<AuditedSecret> onOpen) {
        this.model = model;
        this.onOpen = onOpen;
        details = new AuditDetailsView(zone);
        table = new AuditTable(model.shown(), this::openSelected);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, secret) -> details.show(secret));
        zone.addListener((obs, old, now) -> details.show(table.getSelectionModel().getSelectedItem()));
        setId("audit-page");
        getStyleClass().add("audit-page");
        getStylesheets().add(Objects.requireNonNull(AuditView.class.getResource("audit.css")).toExternalForm());
        setSpacing(12);
        setPadding(new Insets(16, 20, 16, 20));

        problems.getStyleClass().add("audit-problems");
        problems.setWrapText(true);
        problems.managedProperty().bind(problems.visibleProperty());
        problems.setVisible(false);

        // The table and the selected Secret's details share the height; the user drags the divider.
        javafx.scene.control.SplitPane rows = new javafx.scene.control.SplitPane(table, detailsPane());
        rows.setOrientation(javafx.geometry.Orientation.VERTICAL);
        rows.setDividerPositions(0.62);
        rows.getStyleClass().add("audit-split");
        VBox.setVgrow(rows, Priority.ALWAYS);
        getChildren().addAll(header(), progressRow(), new AuditCards(model), problems, filterRow(), rows);
        model.resultProperty().addListener((obs, old, result) -> showProblems(result));
        showProblems(model.resultProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
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
        open.setOnAction(e -> AuditDialogs.chooseFiles(getScene().getWindow()).ifPresent(model::audit));
        Button folder = new Button("Open folder…", Icons.of(Feather.FOLDER_PLUS));
        folder.setTooltip(new Tooltip("Audit every .yaml, .yml and .json manifest in a folder and its subfolders"));
        folder.setOnAction(e -> AuditDialogs.chooseFolder(getScene().getWindow()).ifPresent(model::audit));
        Button again = new Button("Audit again", Icons.of(Feather.REFRESH_CW));
        again.setId("audit-again");
        again.setTooltip(new Tooltip("Read the same inputs again, with the keys loaded now"));
        again.disableProperty().bind(model.resultProperty().isNull().or(model.runningProperty()));
        again.setOnAction(e -> model.again());

        MenuButton export = new MenuButton("Export", Icons.of(Feather.DOWNLOAD));
        export.setId("audit-export");
        export.setTooltip(new Tooltip("Save the rows shown as CSV or Markdown, or the whole audit as JSON. Tokens are never exported."));
        for (AuditExport.Format format : List.of(AuditExport.Format.CSV, AuditExport.Format.JSON, AuditExport.Format.MARKDOWN)) {
            MenuItem item = new MenuItem(switch (format) {
                case CSV -> "CSV (rows shown)…";
                case JSON -> "JSON (whole audit)…";
                case MARKDOWN -> "Markdown (rows shown)…";
                default -> format.id() + "…";
            });
            item.setOnAction(e -> AuditDialogs.saveAs(getScene().getWindow(), format).ifPresent(file -> model.export(format, file)));
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

    private ScrollPane detailsPane() {
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(180);
        scroll.setMinHeight(90);
        scroll.getStyleClass().add("audit-details-scroll");
        return scroll;
    }

    private void showProblems(AuditResult result) {
        problems.setVisible(result != null && !result.problems().isEmpty());
        problems.setText(result == null ? "" : String.join("\n", result.problems()));
    }

    /** Puts the cursor in the filter (Ctrl+F, a shortcut of the whole window, wherever the focus is). */
    public void find() {
        filter.requestFocus();
        filter.selectAll();
    }

    private void openSelected() {
        AuditedSecret secret = table.getSelectionModel().getSelectedItem();
        if (secret != null && secret.token() != null) {
            onOpen.accept(secret);
        }
    }
}
