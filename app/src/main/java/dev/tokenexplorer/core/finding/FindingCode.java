package dev.tokenexplorer.core.finding;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every kind of finding, once: its stable code (scripts match on it in JSON and CSV, so a code is
 * never renamed), its severity, and for the findings the Audit reports about a token Secret, the
 * few words its table and filters show. The window, {@code inspect} and the Audit all use these.
 */
public enum FindingCode {
    ANNOTATIONS_NOT_A_MAP("annotations-not-a-map", Severity.ERROR, "Annotations not a map", true),
    AUDIENCE_MISMATCH("audience-mismatch", Severity.ERROR, null, false),
    BOUND_OBJECT_NAME_MISSING("bound-object-name-missing", Severity.ERROR, null, false),
    CERTIFICATE_EXPIRED("certificate-expired", Severity.ERROR, null, false),
    CLIENT_CERT_MISSING("client-cert-missing", Severity.ERROR, null, false),
    CLIENT_KEY_MISSING("client-key-missing", Severity.ERROR, null, false),
    CRIT_HEADER("crit-header", Severity.ERROR, null, false),
    DATA_NOT_BASE64("data-not-base64", Severity.ERROR, "Data not base64", true),
    DUPLICATE_NAME("duplicate-name", Severity.ERROR, null, false),
    EXEC_AND_AUTH_PROVIDER("exec-and-auth-provider", Severity.ERROR, null, false),
    EXEC_INVALID("exec-invalid", Severity.ERROR, null, false),
    EXPIRED("expired", Severity.ERROR, "Expired", true),
    INVALID_TIME_CLAIM("invalid-time-claim", Severity.ERROR, null, false),
    INVALIDATED("invalidated", Severity.ERROR, "Marked invalid", true),
    ISSUER_NOT_ACCEPTED("issuer-not-accepted", Severity.ERROR, null, false),
    JWK_UNREADABLE("jwk-unreadable", Severity.ERROR, null, false),
    KID_MISMATCH("kid-mismatch", Severity.ERROR, "kid names no key", true),
    KUBECONFIG_NOT_A_LIST("kubeconfig-not-a-list", Severity.ERROR, null, false),
    LABELS_NOT_A_MAP("labels-not-a-map", Severity.ERROR, "Labels not a map", true),
    LEGACY_CLAIM_MISSING("legacy-claim-missing", Severity.ERROR, null, false),
    MALFORMED("malformed", Severity.ERROR, null, false),
    MISSING_ALG("missing-alg", Severity.ERROR, null, false),
    MISSING_SERVICE_ACCOUNT_ANNOTATION("missing-service-account-annotation", Severity.ERROR, "No service account annotation", true),
    MISSING_SIGNATURE("missing-signature", Severity.ERROR, null, false),
    MISSING_SUB("missing-sub", Severity.ERROR, null, false),
    MORE_THAN_ONE_AUTH_METHOD("more-than-one-auth-method", Severity.ERROR, null, false),
    MULTIPLE_BOUND_OBJECTS("multiple-bound-objects", Severity.ERROR, null, false),
    NAMESPACE_CLAIM_MISSING("namespace-claim-missing", Severity.ERROR, null, false),
    NOT_YET_VALID("not-yet-valid", Severity.ERROR, null, false),
    PEM_UNREADABLE("pem-unreadable", Severity.ERROR, null, false),
    PRIVILEGED_LONG_LIVED("privileged-long-lived", Severity.ERROR, "Privileged, never expires", true),
    SERVICE_ACCOUNT_MISSING("service-account-missing", Severity.ERROR, "Service account missing", true),
    SERVICEACCOUNT_CLAIM_MISSING("serviceaccount-claim-missing", Severity.ERROR, null, false),
    SIGNATURE_INVALID("signature-invalid", Severity.ERROR, "Signature invalid", true),
    SUBJECT_MISMATCH("subject-mismatch", Severity.ERROR, null, false),
    SUBJECT_NOT_SERVICE_ACCOUNT("subject-not-service-account", Severity.ERROR, null, false),
    TOKEN_MALFORMED("token-malformed", Severity.ERROR, "Token unreadable", true),
    TOKEN_MISSING("token-missing", Severity.INFO, "No token", true),
    UID_MISMATCH("uid-mismatch", Severity.ERROR, "Service account re-created", true),
    UNENCODED_PAYLOAD("unencoded-payload", Severity.ERROR, "Unencoded payload refused", true),
    UNREADABLE("unreadable", Severity.ERROR, null, false),
    UNSIGNED("unsigned", Severity.ERROR, "Unsigned", true),
    UNSUPPORTED_ALGORITHM("unsupported-algorithm", Severity.ERROR, "Algorithm not supported", true),
    BASIC_AUTH("basic-auth", Severity.WARNING, null, false),
    CERTIFICATE_NOT_YET_VALID("certificate-not-yet-valid", Severity.WARNING, null, false),
    CLEANUP_CANDIDATE("cleanup-candidate", Severity.WARNING, "Clean-up candidate", true),
    CLIENT_CERTIFICATE_UNREADABLE("client-certificate-unreadable", Severity.WARNING, null, false),
    CLUSTER_ADMIN_CERTIFICATE("cluster-admin-certificate", Severity.WARNING, null, false),
    CLUSTER_WITHOUT_SERVER("cluster-without-server", Severity.WARNING, null, false),
    DOCUMENT_NOT_RECOGNISED("document-not-recognised", Severity.WARNING, null, false),
    EMBEDDED_KEY_HEADER("embedded-key-header", Severity.WARNING, null, false),
    HMAC_ALGORITHM("hmac-algorithm", Severity.WARNING, null, false),
    HMAC_NEEDS_SECRET("hmac-needs-secret", Severity.WARNING, "HMAC needs the secret", true),
    HMAC_SECRET_IS_PUBLIC_KEY("hmac-secret-is-public-key", Severity.WARNING, null, false),
    INSECURE_SKIP_TLS_VERIFY("insecure-skip-tls-verify", Severity.WARNING, null, false),
    JWK_PRIVATE("jwk-private", Severity.WARNING, null, false),
    JWK_SYMMETRIC("jwk-symmetric", Severity.WARNING, null, false),
    KUBECONFIG_UNNAMED("kubeconfig-unnamed", Severity.WARNING, null, false),
    LABEL_NOT_A_DATE("label-not-a-date", Severity.WARNING, "Label not a date", true),
    LEGACY_ISSUER("legacy-issuer", Severity.WARNING, null, false),
    LEGACY_NEVER_EXPIRES("legacy-never-expires", Severity.WARNING, null, false),
    MISSING_CLUSTER("missing-cluster", Severity.WARNING, null, false),
    PLAIN_HTTP_SERVER("plain-http-server", Severity.WARNING, null, false),
    MISSING_CURRENT_CONTEXT("missing-current-context", Severity.WARNING, null, false),
    MISSING_USER("missing-user", Severity.WARNING, null, false),
    MIXED_CLAIM_STYLES("mixed-claim-styles", Severity.WARNING, null, false),
    NAMES_OTHER_SECRET("names-other-secret", Severity.WARNING, "Token of another Secret", true),
    NAMESPACE_MISMATCH("namespace-mismatch", Severity.WARNING, "Namespace mismatch", true),
    NEVER_USED("never-used", Severity.WARNING, "Never used", true),
    NO_AUDIENCE("no-audience", Severity.WARNING, null, false),
    NO_EXPIRY("no-expiry", Severity.WARNING, null, false),
    NO_MATCHING_KEY("no-matching-key", Severity.WARNING, "No key fits", true),
    PRIVATE_KEY("private-key", Severity.WARNING, null, false),
    REMOTE_KEY_HEADER("remote-key-header", Severity.WARNING, null, false),
    STALE("stale", Severity.WARNING, null, false),
    TOKEN_FILE_MISSING("token-file-missing", Severity.WARNING, null, false),
    TOO_MANY_CANDIDATES("too-many-candidates", Severity.WARNING, "Too many keys to try", true),
    TOO_MANY_KEYS("too-many-keys", Severity.WARNING, null, false),
    UNENCODED_PAYLOAD_SIGNED("unencoded-payload-signed", Severity.WARNING, "Unencoded payload", true),
    UNUSED("unused", Severity.WARNING, "Unused", true),
    UNUSED_BUT_MOUNTED("unused-but-mounted", Severity.WARNING, "Mounted, unused", true),
    WEAK_KEY("weak-key", Severity.WARNING, "Weak key", true),
    AUTH_PROVIDER("auth-provider", Severity.INFO, null, false),
    BASE64_WRAPPED("base64-wrapped", Severity.INFO, null, false),
    BOOTSTRAP_TOKEN("bootstrap-token", Severity.INFO, null, false),
    EMPTY_KUBECONFIG("empty-kubeconfig", Severity.INFO, null, false),
    EXEC_PLUGIN("exec-plugin", Severity.INFO, null, false),
    EXTENDED_EXPIRY("extended-expiry", Severity.INFO, null, false),
    KUBECONFIG_CONTEXTS("kubeconfig-contexts", Severity.INFO, null, false),
    LEGACY_AUDIENCE("legacy-audience", Severity.INFO, null, false),
    LEGACY_TOKEN_LAST_USED("legacy-token-last-used", Severity.INFO, null, false),
    LIST_OTHER_ITEMS("list-other-items", Severity.INFO, null, false),
    LONG_LIVED("long-lived", Severity.INFO, null, false),
    LOOKS_LIKE_A_DUMP("looks-like-a-dump", Severity.INFO, null, false),
    NO_CREDENTIALS("no-credentials", Severity.INFO, null, false),
    NO_FINDINGS("no-findings", Severity.INFO, null, false),
    NO_KUBERNETES_CLAIMS("no-kubernetes-claims", Severity.INFO, null, false),
    NOT_A_TOKEN_SECRET("not-a-token-secret", Severity.INFO, null, false),
    NOT_KUBERNETES("not-kubernetes", Severity.INFO, null, false),
    NOT_LEGACY("not-legacy", Severity.INFO, "Not a legacy token", true),
    PUBLIC_KEY("public-key", Severity.INFO, null, false),
    SECRET_DATA("secret-data", Severity.INFO, null, false),
    SECRET_KEY("secret-key", Severity.INFO, null, false),
    SERVICE_ACCOUNT("service-account", Severity.INFO, null, false),
    SIGNATURE_VERIFIED("signature-verified", Severity.INFO, null, false),
    STATIC_TOKEN("static-token", Severity.INFO, null, false),
    TOKEN_FILE("token-file", Severity.INFO, null, false),
    /** No longer emitted: a token Secret without a token gets the verdict's token-missing only. Kept, as codes never go. */
    TOKEN_NOT_FILLED("token-not-filled", Severity.INFO, null, false),
    USED_BY_WORKLOAD("used-by-workload", Severity.INFO, "Used by a workload", true);

    private static final Map<String, FindingCode> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FindingCode::id, c -> c));

    private final String id;
    private final Severity severity;
    private final String title;
    private final boolean audited;

    FindingCode(String id, Severity severity, String title, boolean audited) {
        this.id = id;
        this.severity = severity;
        this.title = title;
        this.audited = audited;
    }

    /** The kebab-case code used in JSON, CSV and Markdown. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** A few words for a table cell or a filter; the code itself when it has none. */
    public String title() {
        return title == null ? id : title;
    }

    /** Whether the Audit reports it about a token Secret (its filters list these). */
    public boolean audited() {
        return audited;
    }

    /** The codes the Audit reports, in severity order. */
    public static FindingCode[] auditedValues() {
        return Arrays.stream(values()).filter(FindingCode::audited).toArray(FindingCode[]::new);
    }

    /** The code with this id; an unknown id is a programming error. */
    public static FindingCode of(String id) {
        FindingCode code = BY_ID.get(id);
        if (code == null) {
            throw new IllegalArgumentException("no finding code " + id);
        }
        return code;
    }
}
