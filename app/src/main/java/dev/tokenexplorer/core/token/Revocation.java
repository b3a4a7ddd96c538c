package dev.tokenexplorer.core.token;

import dev.tokenexplorer.core.text.TimeText;

/**
 * What makes a token stop working, in a sentence: the deletion of its Secret for a legacy token,
 * of its bound object or exp for a bound one. An offline check sees none of these deletions.
 */
public final class Revocation {

    public static final String OFFLINE_LIMIT = "An offline check cannot see deleted pods, secrets, nodes or service accounts: "
            + "only the cluster's TokenReview can tell whether the token still works.";

    private Revocation() {
    }

    /** The sentence, or null for a token that is not a Kubernetes service account token. */
    public static String describe(KubernetesClaims k8s, TimeClaims times) {
        String sa = k8s.serviceAccountLabel() == null ? "its service account" : "service account " + k8s.serviceAccountLabel();
        String exp = times.expiresAt() == null ? "" : ", or at exp (" + TimeText.utc(TimeClaims.instant(times.expiresAt())) + ")";
        return switch (k8s.kind()) {
            case LEGACY -> "Works until " + (k8s.legacySecretName() == null ? "its Secret" : "Secret "
                    + (k8s.namespace() == null ? "" : k8s.namespace() + "/") + k8s.legacySecretName())
                    + " is deleted, or " + sa + " is deleted or re-created.";
            case BOUND_POD -> "Stops working when " + object(k8s.pod(), k8s.namespace()) + " is deleted" + exp + ".";
            case BOUND_SECRET -> "Stops working when " + object(k8s.secret(), k8s.namespace()) + " is deleted" + exp + ".";
            case BOUND_NODE -> "Stops working when " + object(k8s.node(), k8s.namespace()) + " is deleted" + exp + ".";
            case BOUND -> "Stops working when " + sa + " is deleted" + exp + ".";
            case OTHER -> null;
        };
    }

    private static String object(ObjectRef ref, String namespace) {
        return ref.describe(namespace) + (ref.uid() == null ? "" : " (uid " + ref.uid() + ")");
    }
}
