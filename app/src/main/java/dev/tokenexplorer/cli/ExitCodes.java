package dev.tokenexplorer.cli;

/** The command line's exit codes, documented in the README. */
public final class ExitCodes {
    /** Every input was read. */
    public static final int OK = 0;
    /** --strict: a token or Secret has an error finding (expired, not yet valid, unsigned, refused by the API server...). */
    public static final int STRICT_FAILURE = 1;
    /**
     * An input could not be read or recognised, the command line was wrong, or a bug stopped the
     * reading of an input (its message names the input; the other inputs are still reported).
     */
    public static final int UNREADABLE = 2;

    private ExitCodes() {
    }
}
