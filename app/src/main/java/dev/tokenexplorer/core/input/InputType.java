package dev.tokenexplorer.core.input;

/** What an input turned out to be; the ids are part of the CLI's JSON contract. */
public enum InputType {
    JWT("jwt", "Token"),
    SECRET("secret", "Secret"),
    SECRET_LIST("secret-list", "Secret list"),
    KUBECONFIG("kubeconfig", "kubeconfig"),
    JWKS("jwks", "JWKS"),
    PUBLIC_KEY("public-key", "Public key"),
    CERTIFICATE("certificate", "Certificate"),
    BEARER_TOKEN("bearer-token", "Opaque bearer token"),
    UNKNOWN("unknown", "Not recognised");

    private final String id;
    private final String title;

    InputType(String id, String title) {
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
