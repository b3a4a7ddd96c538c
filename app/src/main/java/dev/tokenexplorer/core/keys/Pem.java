package dev.tokenexplorer.core.keys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM blocks ({@code -----BEGIN LABEL----- base64 -----END LABEL-----}) as label and DER bytes. */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,40})-----(.*?)-----END ([A-Z0-9 ]{1,40})-----", Pattern.DOTALL);

    /** One block; {@code error} is set instead of {@code der} when its body is not base64. */
    public record Block(String label, byte[] der, String error, int line) {
    }

    private Pem() {
    }

    public static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    public static List<Block> read(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            String label = m.group(1);
            if (!label.equals(m.group(3))) {
                blocks.add(new Block(label, null, "BEGIN " + label + " is closed by END " + m.group(3), line));
                continue;
            }
            String body = m.group(2);
            // RFC 7468 allows headers (Proc-Type, DEK-Info) before the base64 in old encrypted keys.
            if (body.contains(":")) {
                blocks.add(new Block(label, null, "it has PEM headers (an encrypted key?), which are not supported", line));
                continue;
            }
            try {
                blocks.add(new Block(label, Base64.getMimeDecoder().decode(body.strip()), null, line));
            } catch (IllegalArgumentException e) {
                blocks.add(new Block(label, null, "its body is not valid base64 (" + e.getMessage() + ")", line));
            }
        }
        return blocks;
    }
}
