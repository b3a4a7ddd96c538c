package dev.tokenexplorer.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is wrong with a name, in words, pointing at the characters: the lead sentence of a
 * {@link FieldError}, before the API server's regex wording.
 */
public final class Problems {

    /** The name rules of {@link Names}. */
    public enum Rule {
        /** DNS-1123 subdomain: lowercase letters, digits, '-' and '.'. */
        SUBDOMAIN(253, false, true, "lowercase letters, digits, '-' and '.'"),
        /** DNS-1123 label: lowercase letters, digits and '-'. */
        LABEL(63, false, false, "lowercase letters, digits and '-'"),
        /** A label key's name part, or a label value: letters, digits, '-', '_' and '.'. */
        QUALIFIED(63, true, true, "letters, digits, '-', '_' and '.'");

        final int max;
        final boolean upperAllowed;
        final boolean dotAllowed;
        final String allowed;

        Rule(int max, boolean upperAllowed, boolean dotAllowed, String allowed) {
            this.max = max;
            this.upperAllowed = upperAllowed;
            this.dotAllowed = dotAllowed;
            this.allowed = allowed;
        }
    }

    private Problems() {
    }

    /** What is wrong with a non-empty value under a rule, or empty when nothing is. */
    public static String of(String value, Rule rule) {
        List<String> problems = new ArrayList<>();
        if (value.length() > rule.max) {
            problems.add("too long: " + value.length() + " characters, at most " + rule.max);
        }
        Set<String> upper = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        value.codePoints().forEach(c -> {
            if (c >= 'A' && c <= 'Z') {
                if (!rule.upperAllowed) upper.add(Character.toString(c));
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' && rule.dotAllowed
                    || c == '_' && rule == Rule.QUALIFIED)) {
                other.add(show(c));
            }
        });
        if (!upper.isEmpty()) {
            problems.add("uppercase letters are not allowed: " + String.join(", ", upper));
        }
        if (!other.isEmpty()) {
            problems.add("not allowed: " + String.join(", ", other) + " (only " + rule.allowed + ")");
        }
        if (!value.isEmpty() && !alnum(value.charAt(0))) {
            problems.add("must start with a letter or digit, not " + show(value.charAt(0)));
        }
        if (value.length() > 1 && !alnum(value.charAt(value.length() - 1))) {
            problems.add("must end with a letter or digit, not " + show(value.charAt(value.length() - 1)));
        }
        if (rule == Rule.SUBDOMAIN && problems.isEmpty() && value.matches(".*(\\.\\.|\\.-|-\\.).*")) {
            problems.add("each part between dots must start and end with a letter or digit: " + firstBadJoint(value));
        }
        return problems.stream().collect(Collectors.joining("; "));
    }

    private static String firstBadJoint(String value) {
        for (String joint : List.of("..", ".-", "-.")) {
            if (value.contains(joint)) return "'" + joint + "'";
        }
        return "";
    }

    private static boolean alnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static String show(int c) {
        return switch (c) {
            case ' ' -> "space";
            case '\t' -> "tab";
            default -> Character.isISOControl(c) ? String.format("U+%04X", c) : "'" + Character.toString(c) + "'";
        };
    }
}
