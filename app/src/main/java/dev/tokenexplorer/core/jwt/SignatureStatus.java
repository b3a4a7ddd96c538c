package dev.tokenexplorer.core.jwt;

/** The outcome of checking a token's signature. */
public enum SignatureStatus {
    VERIFIED("verified", "Signature verified"),
    INVALID("invalid", "Signature invalid"),
    UNVERIFIED("unverified", "Signature not checked: no key loaded"),
    NO_MATCHING_KEY("no-matching-key", "No loaded key fits this token"),
    UNSIGNED("unsigned", "Unsigned (alg: none)");

    private final String id;
    private final String title;

    SignatureStatus(String id, String title) {
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
