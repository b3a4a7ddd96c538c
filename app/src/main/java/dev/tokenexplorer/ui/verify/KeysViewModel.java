package dev.tokenexplorer.ui.verify;

import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.ui.support.TaskExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys and expectations tokens are checked against. Keys are pasted or dropped; the
 * audiences and issuers are typed as the API server's flags would list them; an HMAC secret is
 * only ever a secret typed as such. None of it is stored.
 */
public final class KeysViewModel {

    private final TaskExecutor executor;
    private final ObservableList<LoadedKey> keys = FXCollections.observableArrayList();
    private final ObservableList<LoadedKey> keysView = FXCollections.unmodifiableObservableList(keys);
    private final StringProperty keyText = new SimpleStringProperty(this, "keyText", "");
    private final StringProperty audiences = new SimpleStringProperty(this, "audiences", "");
    private final StringProperty issuers = new SimpleStringProperty(this, "issuers", "");
    private final StringProperty hmacSecret = new SimpleStringProperty(this, "hmacSecret", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<VerificationSettings> settings =
            new ReadOnlyObjectWrapper<>(this, "settings", VerificationSettings.NONE);

    public KeysViewModel(TaskExecutor executor) {
        this.executor = executor;
        keys.addListener((javafx.collections.ListChangeListener<LoadedKey>) c -> update());
        audiences.addListener((obs, old, v) -> update());
        issuers.addListener((obs, old, v) -> update());
        hmacSecret.addListener((obs, old, v) -> update());
    }

    public ObservableList<LoadedKey> keys() {
        return keysView;
    }

    /** Text pasted into the key field, added with {@link #addPastedKeys()}. */
    public StringProperty keyTextProperty() {
        return keyText;
    }

    /** Expected audiences, separated by commas or spaces (as --api-audiences). */
    public StringProperty audiencesProperty() {
        return audiences;
    }

    /** Expected issuers, separated by commas or spaces (as --service-account-issuer). */
    public StringProperty issuersProperty() {
        return issuers;
    }

    /** A shared secret for HS256/384/512 tokens, given explicitly; never derived from a key. */
    public StringProperty hmacSecretProperty() {
        return hmacSecret;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What tokens are checked against; changes whenever keys or expectations do. */
    public ReadOnlyObjectProperty<VerificationSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** Reads the pasted text as keys; on success the field empties, on failure it keeps the text. */
    public void addPastedKeys() {
        String text = keyText.get();
        executor.execute(() -> KeyReader.read("pasted key", text), load -> {
            accept(load);
            if (load.error() == null) {
                keyText.set("");
            }
        }, failure -> error.set("This key could not be read."));
    }

    /** Reads dropped or opened files as keys, off the JavaFX thread. */
    public void addKeyFiles(List<Path> files) {
        executor.execute(() -> files.stream().map(KeysViewModel::readKeyFile).toList(),
                loads -> loads.forEach(this::accept),
                failure -> error.set("These files could not be read as keys."));
    }

    /** Uses keys that were pasted as the main input (a PEM, certificate or JWKS). */
    public void addKeysFromText(String source, String text) {
        executor.execute(() -> KeyReader.read(source, text), this::accept, failure -> error.set("This key could not be read."));
    }

    public void remove(LoadedKey key) {
        keys.remove(key);
    }

    private static KeyReader.KeyLoad readKeyFile(Path file) {
        InputFiles.Read read = InputFiles.read(file);
        if (read.error() != null) {
            return new KeyReader.KeyLoad(List.of(), List.of(), read.error());
        }
        KeyReader.KeyLoad load = KeyReader.read(file.getFileName().toString(), read.text());
        return load.error() == null ? load : new KeyReader.KeyLoad(load.keys(), load.notes(), file.getFileName() + ": " + load.error());
    }

    private void accept(KeyReader.KeyLoad load) {
        // Entries that could not be read (or are never used) are said, not dropped silently.
        String warnings = load.notes().stream().filter(n -> n.severity() != dev.tokenexplorer.core.finding.Severity.INFO)
                .map(n -> dev.tokenexplorer.core.text.Printable.escape(n.message())).collect(java.util.stream.Collectors.joining(" "));
        error.set(load.error() != null ? load.error() : warnings.isEmpty() ? null : warnings);
        for (LoadedKey key : load.keys()) {
            boolean known = keys.stream().anyMatch(k -> Arrays.equals(k.key().getEncoded(), key.key().getEncoded()));
            if (!known) {
                keys.add(key);
            }
        }
    }

    private void update() {
        List<LoadedKey> all = new ArrayList<>(keys);
        if (!hmacSecret.get().isEmpty()) {
            byte[] secret = hmacSecret.get().getBytes(StandardCharsets.UTF_8);
            all.add(KeyReader.hmacSecret("HMAC secret", secret));
            KeyReader.publicKeyAsSecret("The HMAC secret", secret).ifPresent(w -> error.set(w.message()));
        }
        settings.set(new VerificationSettings(all, split(audiences.get()), split(issuers.get())));
    }

    private static Set<String> split(String text) {
        Set<String> values = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }
}
