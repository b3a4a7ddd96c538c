package dev.tokenexplorer.ui.manifest;

import dev.tokenexplorer.core.input.ServiceAccountRef;
import dev.tokenexplorer.core.manifest.FieldError;
import dev.tokenexplorer.core.manifest.ManifestWriter;
import dev.tokenexplorer.core.manifest.SecretRequest;
import dev.tokenexplorer.core.manifest.TokenRequestOptions;
import dev.tokenexplorer.core.token.ObjectRef;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.support.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Secret manifest form: every field, its validation message as the API server would word it,
 * the live preview, and the kubectl commands beside it, including the short-lived alternative.
 */
public final class ManifestViewModel {

    public enum Format { YAML, JSON }

    /** The fields that can be invalid; each has an error message property (empty when valid). */
    public static final List<String> FIELDS = List.of("serviceAccount", "namespace", "secretName", "uid", "labels",
            "duration", "audiences", "boundKind", "boundName", "boundUid");

    private final TaskExecutor executor;
    private final StringProperty serviceAccount = new SimpleStringProperty(this, "serviceAccount", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "default");
    private final StringProperty secretName = new SimpleStringProperty(this, "secretName", "");
    private final StringProperty uid = new SimpleStringProperty(this, "uid", "");
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "");
    private final BooleanProperty includeServiceAccount = new SimpleBooleanProperty(this, "includeServiceAccount", false);
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(this, "format", Format.YAML);
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "1h");
    private final StringProperty audiences = new SimpleStringProperty(this, "audiences", "");
    private final StringProperty boundKind = new SimpleStringProperty(this, "boundKind", "");
    private final StringProperty boundName = new SimpleStringProperty(this, "boundName", "");
    private final StringProperty boundUid = new SimpleStringProperty(this, "boundUid", "");

    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper applyCommand = new ReadOnlyStringWrapper(this, "applyCommand", "");
    private final ReadOnlyStringWrapper readCommand = new ReadOnlyStringWrapper(this, "readCommand", "");
    private final ReadOnlyStringWrapper createTokenCommand = new ReadOnlyStringWrapper(this, "createTokenCommand", "");
    private final ReadOnlyStringWrapper secretNamePrompt = new ReadOnlyStringWrapper(this, "secretNamePrompt", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper manifestValid = new ReadOnlyBooleanWrapper(this, "manifestValid");
    private final ReadOnlyBooleanWrapper tokenCommandValid = new ReadOnlyBooleanWrapper(this, "tokenCommandValid");
    private final ObservableList<ServiceAccountRef> knownServiceAccounts = FXCollections.observableArrayList();

    public ManifestViewModel(TaskExecutor executor) {
        this.executor = executor;
        FIELDS.forEach(f -> errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", "")));
        for (Observable input : List.of(serviceAccount, namespace, secretName, uid, labels, includeServiceAccount, format,
                duration, audiences, boundKind, boundName, boundUid)) {
            input.addListener(o -> update());
        }
        update();
    }

    public StringProperty serviceAccountProperty() { return serviceAccount; }
    public StringProperty namespaceProperty() { return namespace; }
    public StringProperty secretNameProperty() { return secretName; }
    public StringProperty uidProperty() { return uid; }
    public StringProperty labelsProperty() { return labels; }
    public BooleanProperty includeServiceAccountProperty() { return includeServiceAccount; }
    public ObjectProperty<Format> formatProperty() { return format; }
    public StringProperty durationProperty() { return duration; }
    public StringProperty audiencesProperty() { return audiences; }
    public StringProperty boundKindProperty() { return boundKind; }
    public StringProperty boundNameProperty() { return boundName; }
    public StringProperty boundUidProperty() { return boundUid; }

    /** The message for a field the API server would refuse, empty while it is valid. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty applyCommandProperty() { return applyCommand.getReadOnlyProperty(); }
    public ReadOnlyStringProperty readCommandProperty() { return readCommand.getReadOnlyProperty(); }
    public ReadOnlyStringProperty createTokenCommandProperty() { return createTokenCommand.getReadOnlyProperty(); }
    /** What the Secret will be called when no name is typed: {@code <service-account>-token}. */
    public ReadOnlyStringProperty secretNamePromptProperty() { return secretNamePrompt.getReadOnlyProperty(); }
    /** The outcome of the last save, for the user to read. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty manifestValidProperty() { return manifestValid.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty tokenCommandValidProperty() { return tokenCommandValid.getReadOnlyProperty(); }

    /** Every service account seen in what is loaded, for the picker. */
    public ObservableList<ServiceAccountRef> knownServiceAccounts() {
        return knownServiceAccounts;
    }

    /** Fills namespace, name and uid from a service account picked from what is loaded. */
    public void choose(ServiceAccountRef ref) {
        if (ref.namespace() != null) {
            namespace.set(ref.namespace());
        }
        serviceAccount.set(ref.name());
        uid.set(ref.uid() == null ? "" : ref.uid());
    }

    /** "For this token": the token's service account, and its bound object for kubectl create token. */
    public void fillFrom(TokenReport token) {
        if (token == null || !token.decoded() || token.kubernetes().serviceAccountName() == null) {
            return;
        }
        var k8s = token.kubernetes();
        choose(new ServiceAccountRef(k8s.namespace(), k8s.serviceAccountName(), k8s.serviceAccountUid()));
        ObjectRef bound = k8s.pod() != null ? k8s.pod() : k8s.secret() != null ? k8s.secret() : k8s.node();
        boundKind.set(bound == null ? "" : bound.kind());
        boundName.set(bound == null || bound.name() == null ? "" : bound.name());
        boundUid.set(bound == null || bound.uid() == null ? "" : bound.uid());
        audiences.set(audiencesOf(token));
    }

    private static String audiencesOf(TokenReport token) {
        var aud = token.jwt().claims().get("aud");
        if (aud == null) return "";
        if (aud.isTextual()) return aud.asText();
        return java.util.stream.StreamSupport.stream(aud.spliterator(), false).map(a -> a.asText()).collect(Collectors.joining(", "));
    }

    /** The manifest as text in the chosen format (also what Copy copies). */
    public String manifestText() {
        return preview.get();
    }

    /** Writes the manifest to a file the user chose, off the JavaFX thread; the outcome shows in {@link #statusProperty()}. */
    public void save(Path file, Consumer<Path> onSaved) {
        String text = preview.get();
        executor.execute(() -> {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, saved -> {
            status.set("Saved " + saved.getFileName() + ".");
            onSaved.accept(saved);
        }, failure -> status.set("Could not save " + file.getFileName() + ": " + (failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage())));
    }

    private SecretRequest request() {
        return new SecretRequest(serviceAccount.get(), namespace.get(), secretName.get(), uid.get(),
                SecretRequest.parseLabels(labels.get()), includeServiceAccount.get());
    }

    private TokenRequestOptions tokenOptions() {
        List<String> auds = Arrays.stream(audiences.get().split("[,\\s]+")).filter(a -> !a.isBlank()).toList();
        return new TokenRequestOptions(duration.get(), auds, boundKind.get(), boundName.get(), boundUid.get());
    }

    private void update() {
        SecretRequest request = request();
        TokenRequestOptions options = tokenOptions();
        List<FieldError> secretErrors = request.validate();
        List<FieldError> tokenErrors = options.validate();
        errors.forEach((field, message) -> message.set(""));
        for (FieldError error : concat(secretErrors, tokenErrors)) {
            ReadOnlyStringWrapper message = errors.get(error.field());
            if (message.get().isEmpty()) {
                message.set(error.message());
            }
        }
        secretNamePrompt.set(serviceAccount.get().isBlank() ? "<service-account>-token" : serviceAccount.get().strip() + "-token");
        preview.set(format.get() == Format.YAML ? ManifestWriter.yaml(request) : ManifestWriter.json(request));
        applyCommand.set(ManifestWriter.applyCommand(request));
        readCommand.set(ManifestWriter.readTokenCommand(request));
        createTokenCommand.set(options.command(serviceAccount.get().strip(), namespace.get().strip()));
        manifestValid.set(secretErrors.isEmpty());
        tokenCommandValid.set(tokenErrors.isEmpty() && secretErrors.stream().noneMatch(e -> e.field().equals("serviceAccount") || e.field().equals("namespace")));
        status.set("");
    }

    private static List<FieldError> concat(List<FieldError> a, List<FieldError> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
