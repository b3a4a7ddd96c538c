package dev.tokenexplorer.ui.manifest;

import dev.tokenexplorer.core.input.ServiceAccountRef;
import dev.tokenexplorer.core.manifest.FieldError;
import dev.tokenexplorer.core.manifest.Guidance;
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

    /** What each field is called on the page, for the "fix these first" lists. */
    private static final Map<String, String> FIELD_NAMES = Map.of("serviceAccount", "Service account", "namespace", "Namespace",
            "secretName", "Secret name", "uid", "Service account UID", "labels", "Labels", "duration", "Duration",
            "audiences", "Audiences", "boundKind", "Bound to", "boundName", "Object name", "boundUid", "Object UID");

    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errorDetails = new LinkedHashMap<>();
    private final java.util.Set<String> edited = new java.util.HashSet<>();
    private boolean attempted;
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<String>> guidance =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "guidance", Guidance.SECRET);
    private final ReadOnlyBooleanWrapper statusFailed = new ReadOnlyBooleanWrapper(this, "statusFailed");
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
        FIELDS.forEach(f -> {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
            errorDetails.put(f, new ReadOnlyStringWrapper(this, f + "ErrorDetail", ""));
        });
        Map<String, Observable> fields = new LinkedHashMap<>();
        fields.put("serviceAccount", serviceAccount);
        fields.put("namespace", namespace);
        fields.put("secretName", secretName);
        fields.put("uid", uid);
        fields.put("labels", labels);
        fields.put("duration", duration);
        fields.put("audiences", audiences);
        fields.put("boundKind", boundKind);
        fields.put("boundName", boundName);
        fields.put("boundUid", boundUid);
        fields.forEach((field, input) -> input.addListener(o -> {
            edited.add(field); // a message shows once its field was edited, not before the user typed anything
            update();
        }));
        includeServiceAccount.addListener(o -> update());
        format.addListener(o -> update());
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

    /**
     * What is wrong with a field, in words, all problems on one line; empty while it is valid, and
     * until the field was edited or the user tried to copy or save.
     */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** The same problems one per line, each followed by the API server's own wording (for a tooltip). */
    public ReadOnlyStringProperty errorDetailProperty(String field) {
        return errorDetails.get(field).getReadOnlyProperty();
    }

    /** The "Before you apply it" lines, without "must already exist" while the ServiceAccount is created too. */
    public javafx.beans.property.ReadOnlyObjectProperty<List<String>> guidanceProperty() { return guidance.getReadOnlyProperty(); }

    /** Whether {@link #statusProperty()} reports a failure. */
    public ReadOnlyBooleanProperty statusFailedProperty() { return statusFailed.getReadOnlyProperty(); }

    /**
     * The user tries to copy or save the manifest: every field's message shows from now on.
     *
     * @return whether the manifest is valid, so it may be copied or saved
     */
    public boolean attemptManifest() {
        attempted = true;
        update();
        if (!manifestValid.get()) {
            fail("Fix the fields marked in red first.");
        }
        return manifestValid.get();
    }

    /** A failure met by the page (the clipboard, the file chooser), shown, never dropped. */
    public void fail(String message) {
        status.set(message);
        statusFailed.set(true);
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
            statusFailed.set(false);
            onSaved.accept(saved);
        }, failure -> fail("Could not save " + file.getFileName() + ": " + (failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage())));
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
        List<FieldError> all = concat(secretErrors, tokenErrors);
        errors.forEach((field, message) -> {
            List<FieldError> mine = all.stream().filter(e -> e.field().equals(field)).toList();
            boolean shown = attempted || edited.contains(field);
            message.set(shown ? mine.stream().map(FieldError::problem).collect(Collectors.joining("; ")) : "");
            errorDetails.get(field).set(shown ? mine.stream().map(FieldError::message).collect(Collectors.joining("\n")) : "");
        });
        secretNamePrompt.set(request.secretNamePlaceholder());
        boolean secretOk = secretErrors.isEmpty();
        // never a manifest or a command built from invalid input: say what to fix instead
        preview.set(secretOk ? (format.get() == Format.YAML ? ManifestWriter.yaml(request) : ManifestWriter.json(request))
                : whatToFix("the manifest", secretErrors));
        applyCommand.set(secretOk ? ManifestWriter.applyCommand(request) : whatToFix("the command", secretErrors));
        readCommand.set(secretOk ? ManifestWriter.readTokenCommand(request) : whatToFix("the command", secretErrors));
        List<FieldError> commandErrors = concat(secretErrors.stream()
                .filter(e -> e.field().equals("serviceAccount") || e.field().equals("namespace")).toList(), tokenErrors);
        createTokenCommand.set(commandErrors.isEmpty() ? options.command(serviceAccount.get().strip(), namespace.get().strip())
                : whatToFix("the command", commandErrors));
        manifestValid.set(secretOk);
        tokenCommandValid.set(commandErrors.isEmpty());
        guidance.set(Guidance.secret(includeServiceAccount.get()));
        status.set("");
        statusFailed.set(false);
    }

    /** "# To see the manifest, fix:" and one line per field in words. */
    static String whatToFix(String what, List<FieldError> errors) {
        StringBuilder out = new StringBuilder("# To see " + what + ", fix:\n");
        errors.stream().map(FieldError::field).distinct().forEach(field -> out.append("#   ").append(FIELD_NAMES.get(field)).append(": ")
                .append(errors.stream().filter(e -> e.field().equals(field)).map(e -> e.problem().replace("Required value", "required"))
                        .collect(Collectors.joining("; "))).append('\n'));
        return out.toString();
    }

    private static List<FieldError> concat(List<FieldError> a, List<FieldError> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
