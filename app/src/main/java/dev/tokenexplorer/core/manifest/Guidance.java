package dev.tokenexplorer.core.manifest;

import dev.tokenexplorer.core.kube.KubeNames;

import java.util.List;

/** What to know before creating a long-lived token Secret, in a few short sentences. */
public final class Guidance {

    public static final List<String> SECRET = List.of(
            "The service account must already exist in that namespace; otherwise the Secret is never filled in.",
            "A moment after the Secret is created, the token controller fills in token, ca.crt and namespace.",
            "Such a token never expires: it is revoked only by deleting the Secret (or the service account).",
            "Do not list the Secret in the service account's secrets: the legacy-token cleaner may then mark it invalid and delete it.",
            "1.24 stopped creating these Secrets automatically; 1.26 made that GA; " + KubeNames.TRACKING_GA + " labels legacy tokens with their last use; "
                    + KubeNames.CLEAN_UP_GA + " marks unused auto-generated ones invalid and later deletes them.");

    /** The guidance for a form that also creates the ServiceAccount: it cannot be missing then. */
    public static List<String> secret(boolean creatingServiceAccount) {
        return creatingServiceAccount ? SECRET.subList(1, SECRET.size()) : SECRET;
    }

    public static final String PREFER_TOKEN_REQUEST = "Prefer a short-lived token: kubectl create token asks the TokenRequest API for one "
            + "that expires on its own and can be bound to a Pod, Secret or Node.";

    private Guidance() {
    }
}
