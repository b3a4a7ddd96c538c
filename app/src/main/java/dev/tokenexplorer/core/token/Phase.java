package dev.tokenexplorer.core.token;

/** A stretch of a token's life, as the API server sees it. */
public enum Phase {
    NOT_YET_VALID("not-yet-valid", "Not yet valid"),
    VALID("valid", "Valid"),
    STALE("stale", "Stale: accepted, flagged in the audit log"),
    EXPIRED("expired", "Expired");

    private final String id;
    private final String title;

    Phase(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
