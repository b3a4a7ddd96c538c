package dev.tokenexplorer.core.token;

/** A Kubernetes object named in a token: the pod, secret or node it is bound to. */
public record ObjectRef(String kind, String name, String uid) {

    /** "Pod default/busybox" or "Node worker-1" (nodes have no namespace). */
    public String describe(String namespace) {
        boolean namespaced = !"Node".equals(kind) && namespace != null;
        return kind + " " + (namespaced ? namespace + "/" : "") + (name == null ? "(no name)" : name);
    }
}
