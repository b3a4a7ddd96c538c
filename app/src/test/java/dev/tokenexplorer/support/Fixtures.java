package dev.tokenexplorer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared public fixtures, copied into the test resources. */
public final class Fixtures {

    public static final String PROJECTED = "seed-v1.24-projected-bound-pod.jwt";
    public static final String LEGACY_V120 = "seed-v1.20-legacy-secret.jwt";
    public static final String EXPLICIT_LEGACY = "seed-v1.24-explicit-secret-legacy.jwt";
    public static final String EXPLICIT_SECRET = "seed-v1.24-explicit-sa-token-secret.yaml";

    private Fixtures() {
    }

    public static Path path(String name) {
        String dir = System.getProperty("fixtures.dir", "src/test/resources/fixtures");
        return Path.of(dir, name);
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
