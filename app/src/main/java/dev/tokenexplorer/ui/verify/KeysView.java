package dev.tokenexplorer.ui.verify;

import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.Lazily;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;
import java.util.List;
import java.util.Objects;

/**
 * The keys panel: paste or drop {@code sa.pub}, a certificate or the cluster's JWKS, see each key
 * with the ids a token's kid may name it by, remove it, and say which audiences and issuers the
 * API server accepts.
 */
public final class KeysView extends TitledPane {

    private final KeysViewModel model;

    public KeysView(KeysViewModel model) {
        this.model = model;
        setText("Verify signatures");
        setId("keys-view");
        setGraphic(Icons.of(Feather.SHIELD));
        getStyleClass().add("keys-view");
        getStylesheets().add(Objects.requireNonNull(KeysView.class.getResource("verify.css")).toExternalForm());
        setExpanded(false);
        textProperty().bind(Bindings.createStringBinding(() -> model.keys().isEmpty() ? "Verify signatures: no key"
                : "Verify signatures: " + model.keys().size() + (model.keys().size() == 1 ? " key" : " keys"), model.keys()));
        // The panel opens closed: its key box, list and fields are built when it is first opened,
        // so that the window's first frame does not create, style and lay out controls nobody sees.
        Lazily.when(expandedProperty(), Boolean::booleanValue,
                () -> setContent(new VBox(6, createKeyInput(), createError(), createKeyList(), createExpectations())));
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    private VBox createKeyInput() {
        TextArea keyText = new TextArea();
        keyText.setId("key-input");
        keyText.getStyleClass().add("mono");
        keyText.setPrefRowCount(2);
        keyText.setWrapText(true);
        keyText.setPromptText("Paste sa.pub, a certificate or the JWKS from /openid/v1/jwks, or drop key files here");
        keyText.textProperty().bindBidirectional(model.keyTextProperty());
        Button add = new Button("Add key", Icons.of(Feather.PLUS));
        add.setId("add-key");
        add.setTooltip(new Tooltip("Use the pasted key to check signatures"));
        add.disableProperty().bind(model.keyTextProperty().isEmpty());
        add.setOnAction(e -> model.addPastedKeys());
        Label hint = new Label("Kept only while the app runs");
        hint.getStyleClass().add("key-hint");
        hint.setMinWidth(0);
        add.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(6, hint, spacer, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, keyText, row);
    }

    private Label createError() {
        Label error = new Label();
        error.setId("key-error");
        error.getStyleClass().add("key-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private ListView<LoadedKey> createKeyList() {
        ListView<LoadedKey> list = new ListView<>(model.keys());
        list.setId("keys-list");
        list.setCellFactory(l -> new KeyCell());
        list.prefHeightProperty().bind(Bindings.min(Bindings.size(model.keys()).multiply(46).add(4), 140));
        list.visibleProperty().bind(Bindings.isNotEmpty(model.keys()));
        list.managedProperty().bind(list.visibleProperty());
        return list;
    }

    private VBox createExpectations() {
        VBox audiences = field("expected-audiences", "Expected audiences", "The audiences the API server accepts (--api-audiences)", model.audiencesProperty());
        VBox issuers = field("expected-issuers", "Expected issuers", "The issuers the API server accepts (--service-account-issuer)", model.issuersProperty());
        PasswordField secret = new PasswordField();
        secret.setId("hmac-secret");
        secret.setPromptText("HMAC secret (HS256/384/512 only)");
        secret.setTooltip(new Tooltip("Kubernetes never signs with HMAC. A public key is never used as a secret. Not stored."));
        secret.textProperty().bindBidirectional(model.hmacSecretProperty());
        return new VBox(6, audiences, issuers, secret);
    }

    /** A field with its name above it, which stays when the field is filled (a prompt alone would vanish). */
    private static VBox field(String id, String name, String tooltip, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText("empty: not checked");
        field.setTooltip(new Tooltip(tooltip + "; separate several with commas"));
        field.textProperty().bindBidirectional(property);
        Label label = new Label(name);
        label.getStyleClass().add("field-label");
        label.setLabelFor(field);
        return new VBox(2, label, field);
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
            event.consume();
        }
    }

    private void dropped(DragEvent event) {
        List<File> files = event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        if (!files.isEmpty()) {
            setExpanded(true);
            model.addKeyFiles(files.stream().map(File::toPath).toList());
        }
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    /** A key: what it is, the ids a token's kid may name it by, where it came from, and a remove button. */
    private final class KeyCell extends ListCell<LoadedKey> {
        private final Label title = new Label();
        private final Label ids = new Label();
        private final Button remove = new Button(null, Icons.of(Feather.X));
        private final HBox box;

        KeyCell() {
            title.getStyleClass().add("key-title");
            ids.getStyleClass().add("key-ids");
            ids.setMinWidth(0);
            title.setMinWidth(0);
            remove.getStyleClass().addAll("flat", "small");
            remove.setTooltip(new Tooltip("Remove this key"));
            remove.setOnAction(e -> model.remove(getItem()));
            ids.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            setPrefWidth(0); // fit the list's width instead of scrolling sideways
            VBox text = new VBox(1, title, ids);
            HBox.setHgrow(text, Priority.ALWAYS);
            box = new HBox(4, text, remove);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(LoadedKey key, boolean empty) {
            super.updateItem(key, empty);
            if (empty || key == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            // A JWKS kid and a file name come from outside: non-printable characters are shown escaped.
            title.setText(key.description() + " · " + Printable.escape(key.source()));
            ids.setText((key.jwksKid() == null ? "" : "kid " + Printable.escape(key.jwksKid()) + " · ")
                    + (key.kubernetesKid() == null ? "" : "k8s id " + key.kubernetesKid()));
            setTooltip(new Tooltip(key.description() + " from " + Printable.escape(key.source())
                    + (key.jwksKid() == null ? "" : "\nJWKS kid: " + Printable.escape(key.jwksKid()))
                    + (key.kubernetesKid() == null ? "" : "\nKubernetes key id: " + key.kubernetesKid())
                    + (key.note() == null ? "" : "\n" + key.note())));
            setGraphic(box);
        }
    }
}
