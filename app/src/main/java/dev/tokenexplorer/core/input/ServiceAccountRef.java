package dev.tokenexplorer.core.input;

/** A service account seen in an input: in a token, a Secret's annotations, or a ServiceAccount object. */
public record ServiceAccountRef(String namespace, String name, String uid) {

    /** "namespace/name", or the name alone when the namespace is unknown. */
    public String label() {
        return namespace == null ? name : namespace + "/" + name;
    }
}
