package dev.tokenexplorer.core.text;

/**
 * Text from a token, a Secret or a file made safe to show: every character a terminal or a label
 * would act on instead of showing (C0 and C1 controls such as ESC and CR, line and paragraph
 * separators, bidi overrides and isolates, other invisible format characters, lone surrogates and
 * unassigned code points) becomes a visible escape: a backslash, u and four hex digits (ESC shows as
 * backslash-u001b), or backslash-n, -r, -t. A claim can then never draw a forged line, recolour,
 * hide or reorder the output.
 */
public final class Printable {

    private Printable() {
    }

    /** The text with every character that is not printable escaped; null stays null. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!printable(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (printable(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(escaped(cp));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Whether a code point shows as itself: not a control, format, separator, surrogate or unassigned. */
    public static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }

    /** Whether the text holds any character {@link #escape} would change. */
    public static boolean isPrintable(String text) {
        return text == null || escape(text) == text;
    }

    private static String escaped(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> cp <= 0xFFFF ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
        };
    }
}
