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
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.Locale;

/**
 * The one reader for every file read on the user's behalf: inputs, dropped and opened files,
 * {@code --key} and {@code --hmac-secret-file}, a kubeconfig's {@code tokenFile}, the files of an
 * audit. It refuses what cannot be an input before reading a byte: folders, and anything that is
 * not a regular file (a FIFO would block for ever, {@code /dev/stdin} would read the terminal,
 * {@code /dev/zero} never ends), and it never reads more than the size cap, whatever the file
 * system says its size is. Binary files are refused (a DER certificate is the one binary form
 * accepted, turned into PEM text).
 */
public final class InputFiles {

    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** A shared HMAC secret is a few dozen bytes; a file much larger than this is not one. */
    public static final long MAX_SECRET_BYTES = 64L * 1024;

    /** The file's text, or a message saying why there is none. */
    public record Read(String text, String error) {
        static Read failed(String error) {
            return new Read(null, error);
        }
    }

    /** The file's bytes, or a message saying why there are none. */
    public record Bytes(byte[] bytes, String error) {
        static Bytes failed(String error) {
            return new Bytes(null, error);
        }
    }

    /** Why a file was not opened, as a sentence for the user (what, where, why). */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message, null);
        }
    }

    private InputFiles() {
    }

    public static Read read(Path path) {
        Bytes bytes = readBytes(path, MAX_FILE_BYTES);
        return bytes.error() != null ? Read.failed(bytes.error()) : decode(path.getFileName() == null ? path.toString()
                : path.getFileName().toString(), bytes.bytes());
    }

    /** A regular file's bytes, at most {@code cap} of them; anything else is a message. */
    public static Bytes readBytes(Path path, long cap) {
        try (InputStream in = open(path, cap)) {
            byte[] bytes = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > cap) {
                return Bytes.failed(tooLarge(path, bytes.length, cap, true));
            }
            return new Bytes(bytes, null);
        } catch (Refused e) {
            return Bytes.failed(e.getMessage());
        } catch (NoSuchFileException e) {
            return Bytes.failed(path + " does not exist.");
        } catch (AccessDeniedException e) {
            return Bytes.failed(path + " cannot be read: permission denied.");
        } catch (IOException e) {
            return Bytes.failed(path + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Opens a regular file of at most {@code cap} bytes for streaming (an audit's dump). The caller
     * still bounds what it reads; the size is checked here before anything is opened.
     *
     * @throws Refused with a message for the user when it is a folder, not a regular file or too large
     */
    public static InputStream open(Path path, long cap) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new Refused(path + " is a folder, not a file.");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused(path + " is not a regular file (it is a device, pipe or socket): Token Explorer reads only files,"
                    + " so that it never waits for ever or reads without end.");
        }
        if (attributes.size() > cap) {
            throw new Refused(tooLarge(path, attributes.size(), cap, false));
        }
        return Files.newInputStream(path);
    }

    private static String tooLarge(Path path, long size, long cap, boolean atLeast) {
        return String.format(Locale.ROOT, "%s is %s: a token, Secret, key or kubeconfig is far smaller."
                + " Is it the right file?", path.getFileName(), atLeast ? "larger than the " + megabytes(cap) + " limit" : over(size, cap));
    }

    /**
     * "21.5 MB, more than the 20 MB limit"; when the sizes would read alike once rounded ("20.0 MB,
     * more than the 20 MB limit") they are given in bytes, so the sentence never contradicts itself.
     */
    public static String over(long size, long cap) {
        String shown = megabytes(size);
        String limit = megabytes(cap);
        if (shown.equals(limit) || shown.replace(".0 ", " ").equals(limit)) {
            return String.format(Locale.ROOT, "%,d bytes, more than the %s limit (%,d bytes)", size, limit, cap);
        }
        return shown + ", more than the " + limit + " limit";
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0)).replace(".0 MB", " MB")
                : String.format(Locale.ROOT, "%d KB", bytes / 1024);
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
