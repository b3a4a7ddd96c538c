package dev.tokenexplorer.core.kube;

import java.util.List;

/**
 * What replaces a legacy token Secret, and how.
 *
 * @param action  projected-volume, token-request, keep-explicit-secret or delete
 * @param reason  why, in a sentence or two
 * @param patches one strategic-merge patch per workload that mounts the Secret
 * @param command for consumers outside the cluster: the {@code kubectl create token} that replaces it; null otherwise
 */
public record Plan(String action, String reason, List<Patch> patches, String command) {

    public Plan {
        patches = List.copyOf(patches);
    }

    /** The action in words, for a heading: "Replace with a projected token volume". */
    public String title() {
        return switch (action) {
            case "projected-volume" -> "Replace with a projected token volume";
            case "token-request" -> "Replace with a short-lived token per run (kubectl create token)";
            case "keep-explicit-secret" -> "Keep it as an explicit Secret";
            case "delete" -> "Delete it";
            default -> action;
        };
    }

    /**
     * A patch for {@code kubectl patch <kind> <name> -n <namespace> --type strategic --patch-file <file>}.
     *
     * @param patch JSON (which is also YAML), or null when the object cannot be patched (a Pod or Job: recreate it)
     */
    public record Patch(String kind, String namespace, String name, String secret, String patch, String note) {

        /** The file name {@code audit --patches DIR} writes it to: one per workload and Secret, safe as a file name. */
        public String fileName() {
            return (kind + "-" + namespace + "-" + name + "--" + secret).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]", "_") + ".json";
        }

        /** The command that applies it. */
        public String command() {
            return "kubectl patch " + kind.toLowerCase(java.util.Locale.ROOT) + " " + name + " -n " + namespace
                    + " --type strategic --patch-file " + fileName();
        }
    }
}
