package dev.tokenexplorer.core.token;

/**
 * What sort of service account token this is, told by the shape of its claims (never by
 * {@code iss}: some clusters issue bound tokens with the legacy issuer).
 */
public enum TokenKind {
    LEGACY("legacy", "Legacy Secret-based token"),
    BOUND_POD("bound-pod", "Bound to a Pod"),
    BOUND_SECRET("bound-secret", "Bound to a Secret"),
    BOUND_NODE("bound-node", "Bound to a Node"),
    BOUND("bound", "TokenRequest token, not bound to an object"),
    OTHER("other", "Not a Kubernetes service account token");

    private final String id;
    private final String title;

    TokenKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name used in JSON output and badges. */
    public String id() {
        return id;
    }

    /** A short human title. */
    public String title() {
        return title;
    }
}
