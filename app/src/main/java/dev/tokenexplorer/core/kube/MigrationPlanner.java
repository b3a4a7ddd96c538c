package dev.tokenexplorer.core.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;

import java.util.List;
import java.util.Set;

/**
 * What should replace each legacy token Secret: a projected {@code serviceAccountToken} volume for
 * the workloads that mount it (with the patch that does it), {@code kubectl create token} for
 * consumers outside the cluster, an explicit Secret only where a long-lived credential is really
 * needed, or nothing at all. The patch gives the mount the same three files the Secret gave
 * (token, ca.crt, namespace), as the API server's own kube-api-access volumes do.
 */
public final class MigrationPlanner {

    /** The lifetime the API server gives the tokens it injects (3607 s: one hour, and seven seconds to tell them apart). */
    public static final int PROJECTED_SECONDS = 3607;
    /** A token for a job outside the cluster: long enough for one run, short enough to be worthless afterwards. */
    public static final String OUTSIDE_DURATION = "1h";

    private static final Set<String> PATCHABLE = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "CronJob");
    private static final JsonNodeFactory NODES = Json.nodes();

    private MigrationPlanner() {
    }

    public static Plan plan(TokenSecret secret, List<Finding> verdict, List<Usage> usage, boolean usageKnown, Access access) {
        String sa = secret.serviceAccount() == null ? "default" : secret.serviceAccount();
        String namespace = secret.namespace();
        if (!usage.isEmpty()) {
            List<Plan.Patch> patches = usage.stream().map(u -> patch(u, sa, secret.name())).toList();
            boolean fromEnv = usage.stream().anyMatch(u -> u.via().contains("env") || u.via().contains("envFrom"));
            return new Plan("projected-volume", (usage.size() == 1 ? "A workload uses it inside the cluster: give it"
                    : usage.size() + " workloads use it inside the cluster: give each") + " a projected serviceAccountToken volume instead (the same three files at the same path; "
                    + "the kubelet renews the token before it expires), then delete the Secret once its last-used label stops moving."
                    + (fromEnv ? " Where the token is read from an environment variable, change the app to read the mounted file." : ""),
                    patches, null);
        }
        if (has(verdict, FindingCode.INVALIDATED) || has(verdict, FindingCode.TOKEN_MISSING) || has(verdict, FindingCode.TOKEN_MALFORMED)
                || has(verdict, FindingCode.DATA_NOT_BASE64) || has(verdict, FindingCode.EXPIRED)) {
            return new Plan("delete", NO_TOKEN.given(usageKnown), List.of(), null);
        }
        if (has(verdict, FindingCode.NEVER_USED) || has(verdict, FindingCode.UNUSED)) {
            return new Plan("delete", (has(verdict, FindingCode.NEVER_USED) ? NEVER_USED : LONG_UNUSED).given(usageKnown), List.of(), null);
        }
        String command = "kubectl create token " + sa + (namespace.isEmpty() ? "" : " -n " + namespace) + " --duration " + OUTSIDE_DURATION;
        if (has(verdict, FindingCode.NOT_LEGACY)) {
            // Its use is unknown, never "recent": the last-used label is only ever set on legacy tokens.
            return new Plan("token-request", NOT_LEGACY.given(usageKnown), List.of(), command);
        }
        boolean quiet = access.known() && access.risks().isEmpty();
        if (quiet && !has(verdict, FindingCode.CLEANUP_CANDIDATE)) {
            return new Plan("keep-explicit-secret", KEEP.given(usageKnown), List.of(), command);
        }
        return new Plan("token-request", (access.privileged().isEmpty() ? OUTSIDE : OUTSIDE_PRIVILEGED).given(usageKnown), List.of(), command);
    }

    /**
     * A plan's reason, with the note that usage is unknown when the input holds no Pods. Both texts
     * are made once: an audit keeps a plan per Secret, and built per plan, the same few sentences
     * were copied into every row.
     */
    private record Reason(String known, String unknown) {
        Reason(String text) {
            this(text, text + " (The input holds no Pods, so whether one mounts it is unknown: add them to be sure.)");
        }

        String given(boolean usageKnown) {
            return usageKnown ? known : unknown;
        }
    }

    private static final Reason NO_TOKEN = new Reason("It holds no token the API server accepts, so nothing can depend on it.");
    private static final String DELETE_UNUSED = " and mounted by no Pod: delete it (a token of another kind can be made in seconds "
            + "if someone turns out to need one).";
    private static final Reason NEVER_USED = new Reason("Never used since tracking began" + DELETE_UNUSED);
    private static final Reason LONG_UNUSED = new Reason("Not used for a long time" + DELETE_UNUSED);
    private static final Reason NOT_LEGACY = new Reason("Not a legacy token, and no Pod mounts it. " + SecretVerdict.USE_NOT_TRACKED
            + " Whoever reads this stored copy should request a short-lived token per run instead.");
    private static final Reason KEEP = new Reason("Used recently, and no Pod mounts it: a consumer outside the cluster. Where it can "
            + "fetch a token per run, use the command instead; if it cannot (a credential stored in another system), keep this "
            + "explicit Secret: its service account has no dangerous permission.");
    private static final String OUTSIDE_TEXT = "Used recently, and no Pod mounts it: a consumer outside the cluster (a CI system, a "
            + "dashboard). Give it a short-lived token per run instead of a credential that never expires";
    private static final Reason OUTSIDE = new Reason(OUTSIDE_TEXT + ".");
    private static final Reason OUTSIDE_PRIVILEGED = new Reason(OUTSIDE_TEXT + ", all the more because its service account is privileged.");

    private static boolean has(List<Finding> findings, FindingCode code) {
        return findings.stream().anyMatch(f -> f.type() == code);
    }

    /** The strategic-merge patch that swaps the workload's Secret volumes for projected token volumes. */
    static Plan.Patch patch(Usage usage, String serviceAccount, String secret) {
        if (!PATCHABLE.contains(usage.kind())) {
            return new Plan.Patch(usage.kind(), usage.namespace(), usage.name(), secret, null, usage.kind().equals("Pod")
                    ? "A bare Pod's volumes cannot be changed: recreate it from its manifest with the projected volume."
                    : "A Job's template cannot be changed: change its manifest for the next run.");
        }
        if (usage.volumes().isEmpty()) {
            return new Plan.Patch(usage.kind(), usage.namespace(), usage.name(), secret, null,
                    "It reads the Secret through " + String.join(", ", usage.via()) + ", not a volume: mount a projected token volume and read the file instead.");
        }
        ObjectNode podSpec = NODES.objectNode();
        if (!serviceAccount.equals(usage.serviceAccount())) {
            podSpec.put("serviceAccountName", serviceAccount);
        }
        ArrayNode volumes = podSpec.putArray("volumes");
        for (String volume : usage.volumes()) {
            ObjectNode v = volumes.addObject();
            v.put("name", volume);
            v.putNull("secret");
            ArrayNode sources = v.putObject("projected").putArray("sources");
            sources.addObject().putObject("serviceAccountToken").put("path", "token").put("expirationSeconds", PROJECTED_SECONDS);
            ObjectNode configMap = sources.addObject().putObject("configMap");
            configMap.put("name", "kube-root-ca.crt");
            configMap.putArray("items").addObject().put("key", "ca.crt").put("path", "ca.crt");
            ObjectNode field = sources.addObject().putObject("downwardAPI").putArray("items").addObject();
            field.put("path", "namespace");
            field.putObject("fieldRef").put("apiVersion", "v1").put("fieldPath", "metadata.namespace");
        }
        ObjectNode root = NODES.objectNode();
        ObjectNode template = usage.kind().equals("CronJob")
                ? root.putObject("spec").putObject("jobTemplate").putObject("spec").putObject("template")
                : root.putObject("spec").putObject("template");
        template.set("spec", podSpec);
        String note = serviceAccount.equals(usage.serviceAccount()) ? null
                : "Its Pods run as " + usage.serviceAccount() + ": the patch makes them run as " + serviceAccount
                + ", whose token the Secret held, so that they keep the same permissions.";
        return new Plan.Patch(usage.kind(), usage.namespace(), usage.name(), secret, Json.pretty(root), note);
    }
}
