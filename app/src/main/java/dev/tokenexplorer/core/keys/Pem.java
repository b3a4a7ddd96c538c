package dev.tokenexplorer.core.keys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM blocks ({@code -----BEGIN LABEL----- base64 -----END LABEL-----}) as label and DER bytes.
 *
 * <p>Scanning is linear in the text: each search starts where the previous one stopped, and a
 * BEGIN with no END after it ends the scan (no later BEGIN can have one either). Hostile text
 * (megabytes of BEGIN lines and no END) costs one pass, not one pass per line.
 */
public final class Pem {

    /** More blocks than a CA bundle holds; the rest of the text is not read. */
    public static final int MAX_BLOCKS = 1_000;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final int MAX_LABEL = 40;

    /** One block; {@code error} is set instead of {@code der} when its body is not base64. */
    public record Block(String label, byte[] der, String error, int line) {
    }

    private Pem() {
    }

    /**
     * Whether the text is a PEM document: a line starts with a BEGIN boundary (RFC 7468 allows
     * explanatory text before it, as openssl writes). A YAML comment or value that merely mentions
     * {@code -----BEGIN } (indented, quoted or after {@code #}) does not make a Secret a key.
     */
    public static boolean looksLikePem(String text) {
        int from = 0;
        while (true) {
            int at = text.indexOf(BEGIN, from);
            if (at < 0) {
                return false;
            }
            if ((at == 0 || text.charAt(at - 1) == '\n') && label(text, at + BEGIN.length()) != null) {
                return true;
            }
            from = at + BEGIN.length();
        }
    }

    public static List<Block> read(String text) {
        List<Block> blocks = new ArrayList<>();
        int from = 0;
        int line = 1;
        int counted = 0;
        while (blocks.size() < MAX_BLOCKS) {
            int begin = text.indexOf(BEGIN, from);
            if (begin < 0) {
                break;
            }
            String label = label(text, begin + BEGIN.length());
            if (label == null) {
                from = begin + BEGIN.length();
                continue;
            }
            int bodyStart = begin + BEGIN.length() + label.length() + DASHES.length();
            int end = bodyStart;
            String endLabel = null;
            while ((end = text.indexOf(END, end)) >= 0 && (endLabel = label(text, end + END.length())) == null) {
                end += END.length(); // "-----END " that is not a boundary: look further
            }
            if (end < 0) {
                break; // no END anywhere after this BEGIN, so none after any later BEGIN either
            }
            for (int i = counted; i < begin; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            counted = begin;
            String body = text.substring(bodyStart, end);
            from = end + END.length() + endLabel.length() + DASHES.length();
            // A BEGIN inside the body means the first block was never closed: read from the inner one.
            int inner = body.lastIndexOf(BEGIN);
            if (inner >= 0) {
                from = bodyStart + inner;
                continue;
            }
            blocks.add(block(label, endLabel, body, line));
        }
        return blocks;
    }

    /** Whether the text holds more PEM blocks than {@link #MAX_BLOCKS}, so some were not read. */
    public static boolean truncated(List<Block> blocks) {
        return blocks.size() >= MAX_BLOCKS;
    }

    private static Block block(String label, String endLabel, String body, int line) {
        if (!label.equals(endLabel)) {
            return new Block(label, null, "BEGIN " + label + " is closed by END " + endLabel, line);
        }
        // RFC 7468 allows headers (Proc-Type, DEK-Info) before the base64 in old encrypted keys.
        if (body.indexOf(':') >= 0) {
            return new Block(label, null, "it has PEM headers (an encrypted key?), which are not supported", line);
        }
        try {
            return new Block(label, Base64.getMimeDecoder().decode(body.strip()), null, line);
        } catch (IllegalArgumentException e) {
            return new Block(label, null, "its body is not valid base64 (" + e.getMessage() + ")", line);
        }
    }

    /** The label at {@code at} when it is 1 to 40 of A-Z, 0-9 and space followed by five dashes, else null. */
    private static String label(String text, int at) {
        int i = at;
        while (i < text.length() && i - at <= MAX_LABEL) {
            char c = text.charAt(i);
            if (c == '-') {
                return i > at && text.startsWith(DASHES, i) ? text.substring(at, i) : null;
            }
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')) {
                return null;
            }
            i++;
        }
        return null;
    }
}
