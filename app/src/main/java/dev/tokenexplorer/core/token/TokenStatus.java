package dev.tokenexplorer.core.token;

/** Whether the API server would accept the token's time claims at an instant (60 s leeway). */
public enum TokenStatus {
    ACTIVE("active", "Active"),
    EXPIRED("expired", "Expired"),
    NOT_YET_VALID("not-yet-valid", "Not yet valid"),
    STALE("stale", "Stale"),
    NEVER_EXPIRES("never-expires", "Never expires");

    private final String id;
    private final String title;

    TokenStatus(String id, String title) {
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
