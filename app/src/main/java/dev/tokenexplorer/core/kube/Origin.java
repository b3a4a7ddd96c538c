package dev.tokenexplorer.core.kube;

/**
 * Whether the token controller made a Secret for its service account (listed in the account's
 * {@code secrets}) or a person did. Only the first kind is ever cleaned up by the cluster.
 */
public enum Origin {
    AUTO_GENERATED("auto-generated", "Auto-generated"),
    MANUAL("manual", "Manual"),
    UNKNOWN("unknown", "Unknown");

    private final String id;
    private final String title;

    Origin(String id, String title) {
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
