package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.keys.KeyDescriber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Reads an input file as text, refusing what cannot be an input before reading it whole: folders,
 * files over the size cap, and binary files (a DER certificate is the one binary form accepted,
 * turned into PEM text).
 */
public final class InputFiles {

    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** The file's text, or a message saying why there is none. */
    public record Read(String text, String error) {
        static Read failed(String error) {
            return new Read(null, error);
        }
    }

    private InputFiles() {
    }

    public static Read read(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return Read.failed(path + " is a folder, not a file.");
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                return Read.failed(String.format("%s is %.1f MB, more than the %d MB limit: a token, Secret or kubeconfig is far smaller. Is it the right file?",
                        path.getFileName(), size / (1024.0 * 1024.0), MAX_FILE_BYTES / (1024 * 1024)));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            return decode(path.getFileName().toString(), bytes);
        } catch (NoSuchFileException e) {
            return Read.failed(path + " does not exist.");
        } catch (AccessDeniedException e) {
            return Read.failed(path + " cannot be read: permission denied.");
        } catch (IOException e) {
            return Read.failed(path + " cannot be read: " + e.getMessage());
        }
    }

    /** Bytes from a file or standard input as text, under the same rules. */
    public static Read decode(String name, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            return Read.failed(name + " is larger than the " + MAX_FILE_BYTES / (1024 * 1024) + " MB limit.");
        }
        if (bytes.length > 0 && bytes[0] == 0x30 && KeyDescriber.certificate(bytes).isPresent()) {
            return new Read("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(bytes)
                    + "\n-----END CERTIFICATE-----\n", null);
        }
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return Read.failed(name + " is a binary file (it holds NUL bytes), not a token, Secret, kubeconfig, key or certificate.");
            }
        }
        try {
            return new Read(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString(), null);
        } catch (CharacterCodingException e) {
            return Read.failed(name + " is not UTF-8 text (it looks binary), so it cannot be a token, Secret, kubeconfig, key or certificate.");
        }
    }
}
