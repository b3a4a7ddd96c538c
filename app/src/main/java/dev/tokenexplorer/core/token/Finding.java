package dev.tokenexplorer.core.token;

import java.util.Objects;

/**
 * One thing worth knowing about a token or a source, in a sentence a user understands.
 *
 * @param code a stable kebab-case identifier that scripts may match on
 */
public record Finding(Severity severity, String code, String message) {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("finding codes are kebab-case: " + code);
        }
    }

    public static Finding error(String code, String message) {
        return new Finding(Severity.ERROR, code, message);
    }

    public static Finding warning(String code, String message) {
        return new Finding(Severity.WARNING, code, message);
    }

    public static Finding info(String code, String message) {
        return new Finding(Severity.INFO, code, message);
    }
}
