package dev.tokenexplorer.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.audit.AuditExport;
import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.support.Objects;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who uses each token Secret, what its account may do, and the plan: known answers on one hand-made cluster. */
public class UsageAccessPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static AuditResult result;
    private static String dump;

    private static String secret(String name, String sa, String uid, String labels) {
        String token = TestTokens.legacy("apps", name, sa, "uid-" + sa);
        return """
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata:
                  name: %s
                  namespace: apps
                  creationTimestamp: "2023-01-10T08:00:00Z"
                  annotations: {kubernetes.io/service-account.name: %s, kubernetes.io/service-account.uid: %s}
                  labels: {%s}
                data: {token: %s}
                """.formatted(name, sa, uid, labels, Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static String account(String name, String listed) {
        return "---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: " + name + ", namespace: apps, uid: uid-" + name + "}\n"
                + (listed == null ? "" : "secrets: [{name: " + listed + "}]\n");
    }

    @BeforeAll
    static void audit() {
        String recent = "kubernetes.io/legacy-token-last-used: \"2026-11-20\"";
        dump = secret("api-token", "api", "uid-api", recent) + account("api", "api-token")
                + secret("ci-token", "ci", "uid-ci", recent) + account("ci", null)
                + secret("old-token", "old", "uid-old", "") + account("old", "old-token")
                + secret("stale-token", "stale", "uid-stale", "") + account("stale", "stale-token")
                + secret("mismatch-token", "mismatch", "uid-other", "") + account("mismatch", "mismatch-token")
                + secret("batch-token", "batch-robot", "uid-batch-robot", recent) + account("batch-robot", null)
                + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: apps}
                spec:
                  template:
                    spec:
                      serviceAccountName: api
                      containers:
                      - name: api
                        image: api:1
                        volumeMounts: [{name: sa-token, mountPath: /var/run/secrets/api}]
                      volumes:
                      - name: sa-token
                        secret: {secretName: api-token}
                      - name: config
                        configMap: {name: api-config}
                ---
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: api-5d9
                  namespace: apps
                  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api, controller: true}]
                spec:
                  template:
                    spec:
                      serviceAccountName: api
                      volumes: [{name: sa-token, secret: {secretName: api-token}}]
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    name: api-5d9-a
                    namespace: apps
                    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5d9, controller: true}]
                  spec:
                    serviceAccountName: api
                    volumes: [{name: sa-token, secret: {secretName: api-token}}]
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    name: api-5d9-b
                    namespace: apps
                    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-5d9, controller: true}]
                  spec:
                    serviceAccountName: api
                    volumes: [{name: sa-token, secret: {secretName: api-token}}]
                - apiVersion: v1
                  kind: Pod
                  metadata: {name: legacy-reader, namespace: apps}
                  spec:
                    serviceAccountName: old
                    containers:
                    - name: reader
                      env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: old-token, key: token}}}]
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    name: nightly-29000-x
                    namespace: apps
                    ownerReferences: [{apiVersion: batch/v1, kind: Job, name: nightly-29000, controller: true}]
                  spec:
                    serviceAccountName: batch
                    volumes:
                    - name: creds
                      projected: {sources: [{secret: {name: batch-token}}]}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: nightly-29000
                  namespace: apps
                  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: nightly, controller: true}]
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly, namespace: apps}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          serviceAccountName: batch
                          containers: [{name: job, image: job:1, volumeMounts: [{name: creds, mountPath: /creds}]}]
                          volumes:
                          - name: creds
                            projected: {sources: [{secret: {name: batch-token}}]}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: ci-admin}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: ServiceAccount, name: ci, namespace: apps}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: secret-reader, namespace: apps}
                rules: [{apiGroups: [""], resources: [secrets], verbs: [get, list]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: everyone-reads, namespace: apps}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
                subjects: [{kind: Group, name: "system:serviceaccounts:apps", apiGroup: rbac.authorization.k8s.io}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: monitoring}
                aggregationRule:
                  clusterRoleSelectors: [{matchLabels: {agg: mon}}]
                rules: []
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: mon-extra, labels: {agg: mon}}
                rules: [{apiGroups: [""], resources: [users], verbs: [impersonate]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: mon}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
                subjects: [{kind: User, name: "system:serviceaccount:apps:api"}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: pod-maker}
                rules: [{apiGroups: [""], resources: [pods], verbs: [create]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: old-makes-pods, namespace: apps}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-maker}
                subjects: [{kind: ServiceAccount, name: old}]
                """;
        result = Auditor.audit("cluster.yaml", dump, AuditOptions.at(NOW));
        assertThat(result.problems()).isEmpty();
    }

    /** The hand-made cluster as a multi-document YAML dump, for the window's tests. */
    public static String cluster() {
        if (dump == null) {
            audit();
        }
        return dump;
    }

    /** {@code UsageAccessPlanTest DIR}: writes the hand-made cluster as cluster.yaml, for screenshots and trying the audit by hand. */
    public static void main(String[] args) throws java.io.IOException {
        audit();
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]).resolve("cluster.yaml"), dump);
    }

    private static AuditedSecret row(String name) {
        return result.secrets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> codes(AuditedSecret s) {
        return s.findings().stream().map(Finding::code).toList();
    }

    @Test
    void podsAreCountedUnderTheDeploymentThatOwnsThemThroughItsReplicaSet() {
        assertThat(row("api-token").usedBy()).singleElement().satisfies(u -> {
            assertThat(u.label()).isEqualTo("Deployment apps/api");
            assertThat(u.pods()).isEqualTo(2);
            assertThat(u.via()).containsExactly("volume");
            assertThat(u.volumes()).containsExactly("sa-token");
        });
        assertThat(codes(row("api-token"))).contains("used-by-workload");
    }

    @Test
    void aJobsPodIsCountedUnderItsCronJob() {
        assertThat(row("batch-token").usedBy()).singleElement().satisfies(u -> {
            assertThat(u.label()).isEqualTo("CronJob apps/nightly");
            assertThat(u.pods()).isEqualTo(1);
            assertThat(u.via()).containsExactly("projected");
            assertThat(u.serviceAccount()).isEqualTo("batch");
        });
    }

    @Test
    void aBarePodReadingTheTokenFromEnvKeepsItFromTheCleanerButIsMountedForNothing() {
        AuditedSecret old = row("old-token");
        assertThat(old.usedBy()).singleElement().satisfies(u -> assertThat(u.label() + " " + u.via()).isEqualTo("Pod apps/legacy-reader [env]"));
        assertThat(codes(old)).contains("never-used", "unused-but-mounted").doesNotContain("cleanup-candidate");
        assertThat(old.plan().patches()).singleElement().satisfies(p -> assertThat(p.patch()).isNull());
    }

    @Test
    void cleanupCandidatesFollowTheCleanerNoPodAndAMatchingUid() {
        assertThat(codes(row("stale-token"))).contains("never-used", "cleanup-candidate");
        assertThat(codes(row("mismatch-token"))).contains("never-used").doesNotContain("cleanup-candidate");
        assertThat(row("stale-token").plan().action()).isEqualTo("delete");
    }

    @Test
    void bindingsGrantThroughServiceAccountsGroupsAndUserNamesWithTheirScope() {
        assertThat(row("ci-token").access().risks()).extracting(r -> r.risk() + "@" + r.scope())
                .containsExactly("cluster-admin@cluster", "read-secrets@apps");
        assertThat(row("ci-token").access().risks().get(1).grantedBy())
                .isEqualTo("RoleBinding apps/everyone-reads → Role secret-reader (to the group system:serviceaccounts:apps)");
        assertThat(row("api-token").access().risks()).extracting(r -> r.risk() + "@" + r.scope())
                .containsExactly("read-secrets@apps", "impersonate@cluster");
        assertThat(row("old-token").access().risks()).extracting(r -> r.risk() + "@" + r.scope())
                .containsExactly("read-secrets@apps", "create-pods@apps");
    }

    @Test
    void aNeverExpiringTokenWithClusterWidePowerIsAnError() {
        assertThat(codes(row("ci-token"))).contains("privileged-long-lived");
        assertThat(codes(row("api-token"))).contains("privileged-long-lived");
        assertThat(codes(row("old-token"))).doesNotContain("privileged-long-lived");
        assertThat(row("ci-token").plan().action()).isEqualTo("token-request");
        assertThat(row("ci-token").plan().command()).isEqualTo("kubectl create token ci -n apps --duration 1h");
    }

    @Test
    void theDeploymentPatchLeavesNoSecretVolumeAndTheSameMount() throws Exception {
        Plan.Patch patch = row("api-token").plan().patches().get(0);
        JsonNode deployment = Objects.read(dump).stream().filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();

        JsonNode patched = strategicMerge(deployment.deepCopy(), Json.parse(patch.patch()));

        JsonNode spec = patched.at("/spec/template/spec");
        assertThat(spec.get("volumes")).noneMatch(v -> v.has("secret"));
        assertThat(spec.get("volumes")).extracting(v -> v.get("name").asText()).containsExactly("sa-token", "config");
        assertThat(spec.at("/volumes/0/projected/sources").findValuesAsText("path")).containsExactly("token", "ca.crt", "namespace");
        assertThat(spec.at("/containers/0/volumeMounts/0/mountPath").asText()).isEqualTo("/var/run/secrets/api");
        assertThat(spec.get("serviceAccountName").asText()).isEqualTo("api");
        assertThat(patch.command()).isEqualTo("kubectl patch deployment api -n apps --type strategic --patch-file deployment-apps-api--api-token.json");
    }

    @Test
    void theCronJobPatchSwitchesItToTheSecretsServiceAccount() throws Exception {
        Plan.Patch patch = row("batch-token").plan().patches().get(0);
        JsonNode cronJob = Objects.read(dump).stream().filter(o -> o.path("kind").asText().equals("CronJob")).findFirst().orElseThrow();

        JsonNode spec = strategicMerge(cronJob.deepCopy(), Json.parse(patch.patch())).at("/spec/jobTemplate/spec/template/spec");

        assertThat(spec.get("serviceAccountName").asText()).isEqualTo("batch-robot");
        assertThat(spec.at("/volumes/0/projected/sources").findValuesAsText("path")).containsExactly("token", "ca.crt", "namespace");
        assertThat(patch.note()).contains("run as batch").contains("batch-robot");
    }

    @Test
    void theExploreSideSaysTheSameAboutEverySecret() {
        assertThat(OnePipelineTest.bySecret(OnePipelineTest.inspect(dump))).isEqualTo(OnePipelineTest.rows(OnePipelineTest.audit(dump)));
    }

    @Test
    void withoutPodsOrRbacUsageAndAccessAreUnknownNotNone() {
        String secretsOnly = secret("stale-token", "stale", "uid-stale", "") + account("stale", "stale-token");
        AuditResult bare = Auditor.audit("secrets.yaml", secretsOnly, AuditOptions.at(NOW));

        assertThat(bare.pods()).isZero();
        assertThat(bare.secrets().get(0).access().known()).isFalse();
        assertThat(bare.secrets().get(0).plan().reason()).contains("whether one mounts it is unknown");
        assertThat(AuditExport.summaryLines(bare)).contains(
                "Usage: unknown, no Pods were read (add `kubectl get pods -A -o yaml` to see who mounts each Secret).");
    }

    @Test
    void theJsonAndThePlanCarryUsageAccessAndPatches() throws Exception {
        JsonNode json = Json.parse(AuditExport.write(result, AuditExport.Format.JSON));
        JsonNode api = json.get("secrets").get(0);
        String plan = AuditExport.write(result, AuditExport.Format.PLAN);

        assertThat(api.at("/usedBy/0/kind").asText()).isEqualTo("Deployment");
        assertThat(api.at("/usedBy/0/pods").asInt()).isEqualTo(2);
        assertThat(api.at("/access/known").asBoolean()).isTrue();
        assertThat(api.at("/plan/action").asText()).isEqualTo("projected-volume");
        assertThat(api.at("/plan/patches/0/patch/spec/template/spec/volumes/0/secret").isNull()).isTrue();
        assertThat(plan).contains("## 1. Give the workloads that mount them a projected token", "### apps/api-token → projected-volume",
                "`kubectl patch deployment api -n apps --type strategic --patch-file deployment-apps-api--api-token.json`",
                "## 4. Delete what nobody uses", "`kubectl delete secret stale-token -n apps`");
    }

    /** Kubernetes' strategic merge, as far as Pod templates need it: maps merge, lists of named maps merge by name, null deletes. */
    static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
        if (!(target instanceof ObjectNode object) || !patch.isObject()) {
            return patch;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode current = object.get(e.getKey());
            if (e.getValue().isNull()) {
                object.remove(e.getKey());
            } else if (current != null && current.isArray() && e.getValue().isArray() && isNamed(e.getValue())) {
                ArrayNode merged = (ArrayNode) current;
                for (JsonNode item : e.getValue()) {
                    JsonNode match = null;
                    for (JsonNode existing : merged) {
                        if (existing.path("name").asText().equals(item.get("name").asText())) {
                            match = existing;
                        }
                    }
                    if (match == null) {
                        merged.add(item);
                    } else {
                        strategicMerge(match, item);
                    }
                }
            } else if (current != null && current.isObject()) {
                strategicMerge(current, e.getValue());
            } else {
                object.set(e.getKey(), e.getValue());
            }
        }
        return object;
    }

    private static boolean isNamed(JsonNode array) {
        return array.size() > 0 && java.util.stream.StreamSupport.stream(array.spliterator(), false).allMatch(i -> i.has("name"));
    }
}
