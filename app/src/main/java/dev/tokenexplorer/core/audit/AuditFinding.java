package dev.tokenexplorer.core.audit;

import dev.tokenexplorer.core.token.Severity;

/** What an audit can say about a service-account-token Secret. The codes are stable for scripts. */
public enum AuditFinding {
    INVALIDATED("invalidated", Severity.ERROR, "Marked invalid"),
    TOKEN_MISSING("token-missing", Severity.ERROR, "No token"),
    TOKEN_MALFORMED("token-malformed", Severity.ERROR, "Token unreadable"),
    SERVICE_ACCOUNT_MISSING("service-account-missing", Severity.ERROR, "Service account missing"),
    UID_MISMATCH("uid-mismatch", Severity.ERROR, "Service account re-created"),
    UNSIGNED("unsigned", Severity.ERROR, "Unsigned"),
    SIGNATURE_INVALID("signature-invalid", Severity.ERROR, "Signature invalid"),
    NO_MATCHING_KEY("no-matching-key", Severity.WARNING, "No key fits"),
    NEVER_USED("never-used", Severity.WARNING, "Never used"),
    UNUSED("unused", Severity.WARNING, "Unused"),
    CLEANUP_CANDIDATE("cleanup-candidate", Severity.WARNING, "Clean-up candidate"),
    NAMES_OTHER_SECRET("names-other-secret", Severity.WARNING, "Token of another Secret"),
    NOT_LEGACY("not-legacy", Severity.INFO, "Not a legacy token");

    private final String code;
    private final Severity severity;
    private final String title;

    AuditFinding(String code, Severity severity, String title) {
        this.code = code;
        this.severity = severity;
        this.title = title;
    }

    /** The kebab-case code used in CSV, JSON and Markdown. */
    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** A few words for a table cell or a filter. */
    public String title() {
        return title;
    }
}
