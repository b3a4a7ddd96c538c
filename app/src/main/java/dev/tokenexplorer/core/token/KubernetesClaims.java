package dev.tokenexplorer.core.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a token says about Kubernetes: its kind, the service account it speaks for and the
 * objects it is bound to. Read from the nested {@code kubernetes.io} claim of bound tokens or the
 * flat {@code kubernetes.io/serviceaccount/*} claims of legacy ones; {@code sub} fills the gaps.
 */
public record KubernetesClaims(TokenKind kind,
                               String namespace,
                               String serviceAccountName,
                               String serviceAccountUid,
                               String legacySecretName,
                               ObjectRef pod,
                               ObjectRef secret,
                               ObjectRef node,
                               Subject subject) {

    public static final String LEGACY_PREFIX = "kubernetes.io/serviceaccount/";
    public static final String LEGACY_ISSUER = "kubernetes/serviceaccount";
    public static final String SUBJECT_PREFIX = "system:serviceaccount:";

    /** {@code sub} when it has the service account form {@code system:serviceaccount:<ns>:<name>}. */
    public record Subject(String namespace, String name) {
        static Optional<Subject> parse(String sub) {
            if (sub == null || !sub.startsWith(SUBJECT_PREFIX)) {
                return Optional.empty();
            }
            String[] parts = sub.substring(SUBJECT_PREFIX.length()).split(":", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Subject(parts[0], parts[1]));
        }
    }

    public static KubernetesClaims of(ObjectNode claims) {
        Subject subject = Subject.parse(text(claims.get("sub"))).orElse(null);
        JsonNode nested = claims.get("kubernetes.io");
        if (nested != null && nested.isObject()) {
            String namespace = text(nested.get("namespace"));
            JsonNode sa = nested.get("serviceaccount");
            ObjectRef pod = ref("Pod", nested.get("pod"));
            ObjectRef secret = ref("Secret", nested.get("secret"));
            ObjectRef node = ref("Node", nested.get("node"));
            TokenKind kind = pod != null ? TokenKind.BOUND_POD
                    : secret != null ? TokenKind.BOUND_SECRET
                    : node != null ? TokenKind.BOUND_NODE
                    : TokenKind.BOUND;
            return new KubernetesClaims(kind,
                    namespace != null ? namespace : subject == null ? null : subject.namespace(),
                    sa != null ? text(sa.get("name")) : subject == null ? null : subject.name(),
                    sa != null ? text(sa.get("uid")) : null,
                    null, pod, secret, node, subject);
        }
        if (hasLegacyClaims(claims)) {
            String namespace = text(claims.get(LEGACY_PREFIX + "namespace"));
            String name = text(claims.get(LEGACY_PREFIX + "service-account.name"));
            return new KubernetesClaims(TokenKind.LEGACY,
                    namespace != null ? namespace : subject == null ? null : subject.namespace(),
                    name != null ? name : subject == null ? null : subject.name(),
                    text(claims.get(LEGACY_PREFIX + "service-account.uid")),
                    text(claims.get(LEGACY_PREFIX + "secret.name")),
                    null, null, null, subject);
        }
        return new KubernetesClaims(TokenKind.OTHER,
                subject == null ? null : subject.namespace(),
                subject == null ? null : subject.name(),
                null, null, null, null, null, subject);
    }

    private static boolean hasLegacyClaims(ObjectNode claims) {
        var names = claims.fieldNames();
        while (names.hasNext()) {
            if (names.next().startsWith(LEGACY_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectRef ref(String kind, JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new ObjectRef(kind, text(node.get("name")), text(node.get("uid")));
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    /** The bound objects present, in the order pod, secret, node. */
    public List<ObjectRef> boundObjects() {
        List<ObjectRef> refs = new ArrayList<>();
        if (pod != null) refs.add(pod);
        if (secret != null) refs.add(secret);
        if (node != null) refs.add(node);
        return refs;
    }

    /**
     * What the token is bound to, in words: "Pod default/web-0 (on Node worker-1)". A pod-bound
     * token names its pod's node for information only; the API server does not check it.
     */
    public String boundDescription() {
        if (pod != null) {
            return pod.describe(namespace) + (node != null ? " (on Node " + node.name() + ")" : "")
                    + (secret != null ? " and " + secret.describe(namespace) : "");
        }
        if (secret != null) {
            return secret.describe(namespace) + (node != null ? " and " + node.describe(namespace) : "");
        }
        return node != null ? node.describe(namespace) : null;
    }

    /** "default/build-robot", or what is known of it. */
    public String serviceAccountLabel() {
        if (serviceAccountName == null) {
            return null;
        }
        return namespace == null ? serviceAccountName : namespace + "/" + serviceAccountName;
    }
}
