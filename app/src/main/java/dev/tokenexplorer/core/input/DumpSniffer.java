package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Whether an input too large for the Explore page looks like a cluster dump (a {@code List} of
 * Secrets, as {@code kubectl get secrets -A -o yaml} writes), judged from its start alone: the
 * Audit reads dumps of any size one object at a time, so such an input is offered to it.
 */
public final class DumpSniffer {

    /** How much of the start is looked at: the list's kind and its items come first. */
    static final int PEEK = 64 * 1024;

    private static final Pattern LIST = Pattern.compile(
            "(?m)^kind:[ \\t]*[\"']?List[\"']?[ \\t]*(#.*)?$|\"kind\"\\s*:\\s*\"List\"|(?m)^items:|\"items\"\\s*:\\s*\\[");

    private DumpSniffer() {
    }

    /** Whether this text starts as a list of objects would: {@code kind: List}, {@code items:} or {@code "items"}. */
    public static boolean looksLikeDump(CharSequence text) {
        return text != null && LIST.matcher(text.subSequence(0, Math.min(text.length(), PEEK))).find();
    }

    /** Whether the file starts as a list of objects would; a file that cannot be read does not. */
    public static boolean looksLikeDump(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return looksLikeDump(new String(in.readNBytes(PEEK), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The note that offers the Audit: "{what} looks like a cluster dump …". */
    public static Finding auditInstead(String what) {
        return Finding.of(FindingCode.LOOKS_LIKE_A_DUMP, what + " looks like a cluster dump (a List of objects, such as kubectl get secrets -A prints):"
                + " the Audit reads dumps of any size, one Secret at a time, and judges every token Secret in it.");
    }
}
