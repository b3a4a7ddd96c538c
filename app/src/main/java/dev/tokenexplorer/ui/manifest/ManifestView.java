package dev.tokenexplorer.ui.manifest;

import dev.tokenexplorer.core.input.ServiceAccountRef;
import dev.tokenexplorer.core.manifest.Guidance;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.PseudoClasses;
import javafx.beans.property.ReadOnlyObjectProperty;
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
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
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

        TextField secret = FormRows.field("secret-name", "", model.secretNameProperty(), "The Secret's name; empty for <service-account>-token");
        secret.promptTextProperty().bind(model.secretNamePromptProperty());
        CheckBox withSa = new CheckBox("Also create the ServiceAccount");
        withSa.setWrapText(true);
        withSa.setId("include-service-account");
        withSa.selectedProperty().bindBidirectional(model.includeServiceAccountProperty());
        FormRows rows = new FormRows(model);
        rows.add("Service account", createServiceAccountPicker(rows), "serviceAccount")
                .add("Namespace", FormRows.field("namespace", "default", model.namespaceProperty(), "The service account's namespace; the Secret goes there too"), "namespace")
                .add("Secret name", secret, "secretName")
                .add("Service account UID", FormRows.field("uid", "optional", model.uidProperty(), "kubectl get sa NAME -o jsonpath='{.metadata.uid}'"), "uid")
                .add("Labels", FormRows.field("labels", "optional: team=a, env=prod", model.labelsProperty(), "Extra labels for the Secret: key=value, separated by commas"), "labels")
                .add(withSa);

        VBox guidance = new VBox(4);
        guidance.setId("guidance");
        guidance.getStyleClass().add("guidance");
        Label guidanceTitle = new Label("Before you apply it", Icons.of(Feather.INFO));
        guidanceTitle.getStyleClass().add("section-label");
        Runnable fillGuidance = () -> {
            guidance.getChildren().setAll(guidanceTitle);
            model.guidanceProperty().get().forEach(line -> {
                Label bullet = new Label("• " + line);
                bullet.setWrapText(true);
                bullet.setMinHeight(Region.USE_PREF_SIZE);
                guidance.getChildren().add(bullet);
            });
        };
        model.guidanceProperty().addListener(o -> fillGuidance.run());
        fillGuidance.run();

        VBox form = new VBox(12, title, intro, createForTokenButton(), rows.grid(), guidance);
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

    private ComboBox<ServiceAccountRef> createServiceAccountPicker(FormRows rows) {
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
        rows.markInvalid(picker.getEditor(), "serviceAccount");
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
        copy.disableProperty().bind(model.manifestValidProperty().not()); // nothing valid to copy: the preview says what to fix
        copy.setOnAction(e -> {
            if (model.attemptManifest()) {
                CommandBox.copy(model.manifestText(), model::fail);
            }
        });
        Button save = new Button("Save…", Icons.of(Feather.SAVE));
        save.setId("save-manifest");
        save.setTooltip(new Tooltip("Save the manifest as a .yaml file"));
        save.setOnAction(e -> {
            if (model.attemptManifest()) {
                save();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, new HBox(yaml, json), copy, save);
        header.setAlignment(Pos.CENTER_LEFT);

        TextFlow preview = CommandBox.code("manifest-preview", model.previewProperty());
        preview.setAccessibleText("Manifest preview");

        Label status = new Label();
        status.setId("manifest-status");
        status.getStyleClass().add("manifest-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.statusFailedProperty().addListener((obs, old, failed) -> status.pseudoClassStateChanged(PseudoClasses.INVALID, failed));

        VBox output = new VBox(8, header, CommandBox.unwrapped(preview), status,
                CommandBox.of("Apply it", "apply-command", model.applyCommandProperty(), model.manifestValidProperty(), model::fail),
                CommandBox.of("Read the token back", "read-command", model.readCommandProperty(), model.manifestValidProperty(), model::fail),
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
        ComboBox<String> kind = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("", "Pod", "Secret", "Node"));
        kind.setId("bound-kind");
        kind.setConverter(new StringConverter<>() { // "" is "none": the token is not bound
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? "none" : value;
            }

            @Override
            public String fromString(String text) {
                return "none".equals(text) ? "" : text;
            }
        });
        kind.valueProperty().bindBidirectional(model.boundKindProperty());
        kind.setTooltip(new Tooltip("Bind the token to an object: it stops working when that object is deleted"));
        FormRows rows = new FormRows(model)
                .add("Duration", FormRows.field("duration", "server default", model.durationProperty(), "A Go duration, at least 10m: 10m, 1h, 24h"), "duration")
                .add("Audiences", FormRows.field("audiences", "default: the API server's", model.audiencesProperty(), "Who the token is for; separate several with commas"), "audiences")
                .add("Bound to", kind, "boundKind")
                .add("Object name", FormRows.field("bound-name", "", model.boundNameProperty(), "The bound object's name"), "boundName")
                .add("Object UID", FormRows.field("bound-uid", "optional", model.boundUidProperty(), "The bound object's UID"), "boundUid");
        VBox box = new VBox(6, title, why, rows.grid(),
                CommandBox.of("Create it", "create-token-command", model.createTokenCommandProperty(), model.tokenCommandValidProperty(), model::fail));
        box.getStyleClass().add("token-request");
        return box;
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the Secret manifest");
        chooser.setInitialFileName(model.secretNamePromptProperty().get().startsWith("<") ? "secret.yaml"
                : (model.secretNameProperty().get().isBlank() ? model.secretNamePromptProperty().get() : model.secretNameProperty().get().strip()) + ".yaml");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        File file;
        try {
            file = chooser.showSaveDialog(getScene().getWindow());
        } catch (RuntimeException e) {
            model.fail("Could not ask where to save: " + e.getMessage());
            return;
        }
        if (file != null) {
            File target = file.getName().matches(".*\\.(yaml|yml)$") ? file : new File(file.getParentFile(), file.getName() + ".yaml");
            model.save(target.toPath(), saved -> { });
        }
    }
}
