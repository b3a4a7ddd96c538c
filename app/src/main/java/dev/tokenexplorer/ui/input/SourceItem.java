package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.SourceReport;

import java.nio.file.Path;

/**
 * One input in the sources sidebar: the pasted text, or a file. A file's text stays in memory (never
 * written anywhere) so it can be judged again when time passes or keys change; Reload reads it anew.
 *
 * @param path null for the pasted text; for a token opened from an audit, the dump it came from
 */
public record SourceItem(String id, String label, Path path, String text, SourceReport report) {

    public static final String PASTE_ID = "paste";

    public boolean isFile() {
        return path != null;
    }

    /** Whether it holds keys to verify tokens with: a public key, a certificate or a JWKS, read without error. */
    public boolean holdsKeys() {
        return report != null && report.error() == null && switch (report.type()) {
            case PUBLIC_KEY, CERTIFICATE, JWKS -> true;
            default -> false;
        };
    }

    /** A whole file, as opened (not one Secret taken out of an audited dump): Reload reads it again. */
    public boolean isWholeFile() {
        return path != null && id.equals(path.toAbsolutePath().toString());
    }
}
