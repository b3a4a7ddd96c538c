package dev.tokenexplorer.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** The shared public fixtures, copied into the test resources. */
public final class Fixtures {

    public static final String PROJECTED = "seed-v1.24-projected-bound-pod.jwt";
    public static final String LEGACY_V120 = "seed-v1.20-legacy-secret.jwt";
    public static final String EXPLICIT_LEGACY = "seed-v1.24-explicit-secret-legacy.jwt";
    public static final String EXPLICIT_SECRET = "seed-v1.24-explicit-sa-token-secret.yaml";

    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + name), "no fixture " + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cluster CA certificate from the seed Secret's data.ca.crt, as base64 of the PEM (as it stands there). */
    public static String caCrtBase64() {
        String secret = text(EXPLICIT_SECRET);
        int start = secret.indexOf("ca.crt: ") + "ca.crt: ".length();
        return secret.substring(start, secret.indexOf('\n', start));
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
