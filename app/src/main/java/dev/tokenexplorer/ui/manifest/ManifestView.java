package dev.tokenexplorer.ui.manifest;

import dev.tokenexplorer.core.input.ServiceAccountRef;
import dev.tokenexplorer.core.manifest.Guidance;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.PseudoClasses;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;
import java.util.Objects;

/**
 * The Secret manifest page: a form on the left with live validation (no dialogs), the highlighted
 * manifest and the kubectl commands on the right, and the short-lived alternative beside them.
 */
public final class ManifestView extends SplitPane {

    private final ManifestViewModel model;
    private final ReadOnlyObjectProperty<TokenReport> selectedToken;

    public ManifestView(ManifestViewModel model, ReadOnlyObjectProperty<TokenReport> selectedToken) {
        this.model = model;
        this.selectedToken = selectedToken;
        setId("manifest-view");
        getStyleClass().add("manifest-view");
        getStylesheets().add(Objects.requireNonNull(ManifestView.class.getResource("manifest.css")).toExternalForm());
        ScrollPane form = new ScrollPane(createForm());
        form.setFitToWidth(true);
        form.getStyleClass().add("manifest-form-scroll");
        ScrollPane output = new ScrollPane(createOutput());
        output.setFitToWidth(true);
        output.getStyleClass().add("manifest-form-scroll");
        getItems().addAll(form, output);
        setDividerPositions(0.42);
    }

    private VBox createForm() {
        Label title = new Label("A long-lived token for a service account");
        title.getStyleClass().add("page-title");
        title.setWrapText(true);
        Label intro = new Label("Since Kubernetes 1.24 a service account gets no token Secret by itself. This writes the Secret "
                + "that asks the token controller for one.");
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        row = addRow(grid, row, "Service account", createServiceAccountPicker(), "serviceAccount");
        row = addRow(grid, row, "Namespace", field("namespace", "default", model.namespaceProperty(), "The service account's namespace; the Secret goes there too"), "namespace");
        TextField secret = field("secret-name", "", model.secretNameProperty(), "The Secret's name; empty for <service-account>-token");
        secret.promptTextProperty().bind(model.secretNamePromptProperty());
        row = addRow(grid, row, "Secret name", secret, "secretName");
        row = addRow(grid, row, "Service account UID", field("uid", "optional", model.uidProperty(),
                "kubectl get sa NAME -o jsonpath='{.metadata.uid}'"), "uid");
        row = addRow(grid, row, "Labels", field("labels", "optional: team=a, env=prod", model.labelsProperty(), "Extra labels for the Secret: key=value, separated by commas"), "labels");
        CheckBox withSa = new CheckBox("Also create the ServiceAccount");
        withSa.setWrapText(true);
        withSa.setId("include-service-account");
        withSa.selectedProperty().bindBidirectional(model.includeServiceAccountProperty());
        grid.add(withSa, 1, row);
        fillSecondColumn(grid);

        VBox guidance = new VBox(4);
        guidance.getStyleClass().add("guidance");
        Label guidanceTitle = new Label("Before you apply it", Icons.of(Feather.INFO));
        guidanceTitle.getStyleClass().add("section-label");
        guidance.getChildren().add(guidanceTitle);
        Guidance.SECRET.forEach(line -> {
            Label bullet = new Label("• " + line);
            bullet.setWrapText(true);
            bullet.setMinHeight(Region.USE_PREF_SIZE);
            guidance.getChildren().add(bullet);
        });

        VBox form = new VBox(12, title, intro, createForTokenButton(), grid, guidance);
        form.setPadding(new Insets(14));
        return form;
    }

    private Button createForTokenButton() {
        Button forToken = new Button("Fill in from the selected token", Icons.of(Feather.CORNER_DOWN_RIGHT));
        forToken.setId("for-this-token");
        forToken.setTooltip(new Tooltip("Take the service account, namespace, UID and bound object of the token selected in Explore"));
        forToken.disableProperty().bind(selectedToken.isNull());
        forToken.setOnAction(e -> model.fillFrom(selectedToken.get()));
        return forToken;
    }

    private ComboBox<ServiceAccountRef> createServiceAccountPicker() {
        ComboBox<ServiceAccountRef> picker = new ComboBox<>(model.knownServiceAccounts());
        picker.setId("service-account");
        picker.setEditable(true);
        picker.setPromptText("name, or pick one seen in what is loaded");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setTooltip(new Tooltip("Type a name, or pick a service account from the tokens, Secrets and ServiceAccounts you loaded"));
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(ServiceAccountRef ref) {
                return ref == null ? "" : ref.name();
            }

            @Override
            public ServiceAccountRef fromString(String text) {
                return new ServiceAccountRef(null, text, null);
            }
        });
        picker.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ServiceAccountRef ref, boolean empty) {
                super.updateItem(ref, empty);
                setText(empty || ref == null ? null : ref.label() + (ref.uid() == null ? "" : "  (" + ref.uid().substring(0, Math.min(8, ref.uid().length())) + "…)"));
            }
        });
        picker.getEditor().textProperty().bindBidirectional(model.serviceAccountProperty());
        picker.setOnAction(e -> {
            ServiceAccountRef chosen = picker.getValue();
            if (chosen != null && model.knownServiceAccounts().contains(chosen)) {
                model.choose(chosen);
            }
        });
        markInvalid(picker.getEditor(), "serviceAccount");
        return picker;
    }

    private VBox createOutput() {
        Label title = new Label("Manifest");
        title.getStyleClass().add("section-label");
        ToggleGroup formats = new ToggleGroup();
        ToggleButton yaml = new ToggleButton("YAML");
        ToggleButton json = new ToggleButton("JSON");
        yaml.setToggleGroup(formats);
        json.setToggleGroup(formats);
        yaml.getStyleClass().add("left-pill");
        json.getStyleClass().add("right-pill");
        yaml.setSelected(true);
        formats.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one format is always chosen
            } else {
                model.formatProperty().set(now == yaml ? ManifestViewModel.Format.YAML : ManifestViewModel.Format.JSON);
            }
        });
        Button copy = new Button("Copy", Icons.of(Feather.COPY));
        copy.setId("copy-manifest");
        copy.setTooltip(new Tooltip("Copy the manifest"));
        copy.disableProperty().bind(model.manifestValidProperty().not());
        copy.setOnAction(e -> copy(model.manifestText()));
        Button save = new Button("Save…", Icons.of(Feather.SAVE));
        save.setId("save-manifest");
        save.setTooltip(new Tooltip("Save the manifest as a .yaml file"));
        save.disableProperty().bind(model.manifestValidProperty().not());
        save.setOnAction(e -> save());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, new HBox(yaml, json), copy, save);
        header.setAlignment(Pos.CENTER_LEFT);

        TextFlow preview = new TextFlow();
        preview.setId("manifest-preview");
        preview.getStyleClass().add("code-view");
        model.previewProperty().addListener((obs, old, text) -> preview.getChildren().setAll(YamlHighlighter.highlight(text)));
        preview.getChildren().setAll(YamlHighlighter.highlight(model.previewProperty().get()));
        preview.setAccessibleText("Manifest preview");

        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());

        VBox output = new VBox(8, header, preview, status,
                command("Apply it", "apply-command", model.applyCommandProperty(), model.manifestValidProperty()),
                command("Read the token back", "read-command", model.readCommandProperty(), model.manifestValidProperty()),
                createTokenRequest());
        output.setPadding(new Insets(14));
        return output;
    }

    private VBox createTokenRequest() {
        Label title = new Label("Better: a short-lived token", Icons.of(Feather.CLOCK));
        title.getStyleClass().add("section-label");
        Label why = new Label(dev.tokenexplorer.core.manifest.Guidance.PREFER_TOKEN_REQUEST);
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add("muted");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        row = addRow(grid, row, "Duration", field("duration", "server default", model.durationProperty(),
                "A Go duration, at least 10m: 10m, 1h, 24h"), "duration");
        row = addRow(grid, row, "Audiences", field("audiences", "default: the API server's", model.audiencesProperty(),
                "Who the token is for; separate several with commas"), "audiences");
        ComboBox<String> kind = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("", "Pod", "Secret", "Node"));
        kind.setId("bound-kind");
        kind.setPromptText("not bound");
        kind.valueProperty().bindBidirectional(model.boundKindProperty());
        kind.setTooltip(new Tooltip("Bind the token to an object: it stops working when that object is deleted"));
        row = addRow(grid, row, "Bound to", kind, "boundKind");
        row = addRow(grid, row, "Object name", field("bound-name", "", model.boundNameProperty(), "The bound object's name"), "boundName");
        addRow(grid, row, "Object UID", field("bound-uid", "optional", model.boundUidProperty(), "The bound object's UID"), "boundUid");
        fillSecondColumn(grid);
        VBox box = new VBox(6, title, why, grid,
                command("Create it", "create-token-command", model.createTokenCommandProperty(), model.tokenCommandValidProperty()));
        box.getStyleClass().add("token-request");
        return box;
    }

    private VBox command(String label, String id, javafx.beans.value.ObservableStringValue text, javafx.beans.value.ObservableBooleanValue valid) {
        Label name = new Label(label);
        name.getStyleClass().add("section-label");
        TextFlow code = new TextFlow();
        code.setId(id);
        code.getStyleClass().add("code-view");
        text.addListener((obs, old, value) -> code.getChildren().setAll(YamlHighlighter.highlight(value)));
        code.getChildren().setAll(YamlHighlighter.highlight(text.get()));
        Button copy = new Button(null, Icons.of(Feather.COPY));
        copy.getStyleClass().addAll("flat");
        copy.setTooltip(new Tooltip("Copy: " + label.toLowerCase()));
        copy.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !valid.get(), valid));
        copy.setOnAction(e -> copy(text.get()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, name, spacer, copy);
        header.setAlignment(Pos.CENTER_LEFT);
        return new VBox(2, header, code);
    }

    private int addRow(GridPane grid, int row, String label, Node input, String field) {
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label error = new Label();
        error.setId(field + "-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty(field));
        error.visibleProperty().bind(model.errorProperty(field).isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        if (input instanceof TextInputControl text) {
            markInvalid(text, field);
        }
        name.setLabelFor(input);
        grid.add(name, 0, row);
        grid.add(input, 1, row);
        grid.add(error, 1, row + 1);
        return row + 2;
    }

    private void markInvalid(Node node, String field) {
        model.errorProperty(field).addListener((obs, old, message) -> node.pseudoClassStateChanged(PseudoClasses.INVALID, !message.isEmpty()));
        node.pseudoClassStateChanged(PseudoClasses.INVALID, !model.errorProperty(field).get().isEmpty());
    }

    private static TextField field(String id, String prompt, StringProperty property, String tooltip) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setTooltip(new Tooltip(tooltip));
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the Secret manifest");
        chooser.setInitialFileName(model.secretNamePromptProperty().get().startsWith("<") ? "secret.yaml"
                : (model.secretNameProperty().get().isBlank() ? model.secretNamePromptProperty().get() : model.secretNameProperty().get().strip()) + ".yaml");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            File target = file.getName().matches(".*\\.(yaml|yml)$") ? file : new File(file.getParentFile(), file.getName() + ".yaml");
            model.save(target.toPath(), saved -> { });
        }
    }

    /** Lets the input column of a two-column form take the remaining width. */
    private static void fillSecondColumn(GridPane grid) {
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().setAll(new ColumnConstraints(), inputs);
    }
}
