package dev.tokenexplorer.core.finding;

import java.util.Objects;

/**
 * One thing worth knowing about a token, a Secret or a source, in a sentence a user understands.
 * The Explore page, {@code inspect} and the Audit all say it with this one type.
 *
 * @param type what kind of finding it is: its stable code and its severity
 */
public record Finding(FindingCode type, String message) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    public static Finding of(FindingCode type, String message) {
        return new Finding(type, message);
    }

    public static Finding error(String code, String message) {
        return checked(code, Severity.ERROR, message);
    }

    public static Finding warning(String code, String message) {
        return checked(code, Severity.WARNING, message);
    }

    public static Finding info(String code, String message) {
        return checked(code, Severity.INFO, message);
    }

    private static Finding checked(String code, Severity severity, String message) {
        FindingCode type = FindingCode.of(code);
        if (type.severity() != severity) {
            throw new IllegalArgumentException(code + " is a finding of severity " + type.severity().id() + ", not " + severity.id());
        }
        return new Finding(type, message);
    }

    /** The stable kebab-case code that scripts match on. */
    public String code() {
        return type.id();
    }

    public Severity severity() {
        return type.severity();
    }

    /** The same finding, said of something: "document 2: " + the message. */
    public Finding prefixed(String prefix) {
        return prefix.isEmpty() ? this : new Finding(type, prefix + message);
    }
}
