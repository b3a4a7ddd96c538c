package dev.tokenexplorer.cli;

/** The command line's exit codes, documented in the README. */
public final class ExitCodes {
    /** Every input was read. */
    public static final int OK = 0;
    /** --strict: a token is expired, not yet valid, unsigned or fails verification. */
    public static final int STRICT_FAILURE = 1;
    /** An input could not be read or recognised, or the command line was wrong. */
    public static final int UNREADABLE = 2;
    /** A bug: reported with its cause. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
