package dev.tokenexplorer.core.token;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;

/**
 * One sentence for every claim and header a service account token can carry: RFC 7519's,
 * Kubernetes' nested {@code kubernetes.io} claims and the legacy flat ones. A path is the list
 * of keys from the top; array elements are named "[]".
 */
public final class ClaimDictionary {

    private static final String K = "kubernetes.io";
    private static final String L = KubernetesClaims.LEGACY_PREFIX;

    private static final Map<String, String> CLAIMS = Map.ofEntries(
            entry("iss", "Issuer: who minted the token. The API server only accepts issuers listed in --service-account-issuer; legacy tokens say kubernetes/serviceaccount."),
            entry("sub", "Subject: the identity the token speaks for, system:serviceaccount:<namespace>:<name> for a service account."),
            entry("aud", "Audiences: who the token is meant for. A server must refuse a token whose audiences do not include its own; the API server checks them against --api-audiences."),
            entry("aud/[]", "One audience the token is meant for."),
            entry("exp", "Expiry: after this instant (plus 60 s leeway) the API server rejects the token."),
            entry("nbf", "Not before: the token is not valid before this instant (minus 60 s leeway)."),
            entry("iat", "Issued at: when the API server minted the token."),
            entry("jti", "Token ID: a random UUID unique to this token; the API server records it as the credential ID JTI=<uuid> in audit logs (Kubernetes 1.29+)."),
            entry(K, "Kubernetes' own claims for a bound token: the namespace, the service account and the object the token is bound to."),
            entry(K + "/namespace", "The namespace of the service account."),
            entry(K + "/serviceaccount", "The service account the token belongs to; the API server checks it still exists with this UID."),
            entry(K + "/serviceaccount/name", "The service account's name."),
            entry(K + "/serviceaccount/uid", "The service account's UID; a service account re-created with the same name gets a new UID, so old tokens stop working."),
            entry(K + "/pod", "The Pod this token is bound to: the token stops working once that Pod is deleted (60 s grace)."),
            entry(K + "/pod/name", "The bound Pod's name."),
            entry(K + "/pod/uid", "The bound Pod's UID; the API server checks it against the live Pod."),
            entry(K + "/secret", "The Secret this token is bound to: the token stops working once that Secret is deleted (60 s grace)."),
            entry(K + "/secret/name", "The bound Secret's name."),
            entry(K + "/secret/uid", "The bound Secret's UID; the API server checks it against the live Secret."),
            entry(K + "/node", "The Node: for a pod-bound token, where the Pod runs (informational, not checked); for a node-bound token, the Node whose deletion revokes it."),
            entry(K + "/node/name", "The Node's name."),
            entry(K + "/node/uid", "The Node's UID (omitted when the Node object was missing at issue time)."),
            entry(K + "/warnafter", "Warn after: the end of the lifetime the kubelet asked for (usually iat + 3607 s). The API server stretched exp to keep old clients working; after this instant it still accepts the token but flags it as stale in the audit log and the serviceaccount_stale_tokens_total metric."),
            entry(L + "namespace", "Legacy claim: the namespace of the service account and of the Secret holding this token."),
            entry(L + "secret.name", "Legacy claim: the Secret holding this token; deleting that Secret revokes the token."),
            entry(L + "service-account.name", "Legacy claim: the service account's name."),
            entry(L + "service-account.uid", "Legacy claim: the service account's UID; the API server checks it against the live service account.")
    );

    private static final Map<String, String> HEADERS = Map.ofEntries(
            entry("alg", "Signing algorithm. Kubernetes signs with RS256 (RSA keys) or ES256/384/512 (ECDSA keys); none means unsigned."),
            entry("kid", "Key ID: which signing key was used. Kubernetes derives it from the public key (base64url SHA-256 of its DER form), so it can be matched to sa.pub or the cluster's JWKS."),
            entry("typ", "Media type of the token, usually JWT. Kubernetes does not set it."),
            entry("cty", "Content type: set only when the payload is itself a JWT (nested tokens)."),
            entry("crit", "Critical extensions the recipient must understand or reject the token."),
            entry("jku", "A URL of a key set to verify with. Never fetched by this app: trusting a key named by the token itself defeats the signature."),
            entry("x5u", "A URL of a certificate chain. Never fetched by this app."),
            entry("x5c", "A certificate chain embedded in the token. Shown, never trusted: a token cannot vouch for itself."),
            entry("x5t", "SHA-1 thumbprint of the signing certificate."),
            entry("x5t#S256", "SHA-256 thumbprint of the signing certificate."),
            entry("jwk", "A public key embedded in the token. Never trusted for verification.")
    );

    private ClaimDictionary() {
    }

    /** The meaning of a claim at this path, if it is one we know. */
    public static Optional<String> claim(List<String> path) {
        return Optional.ofNullable(CLAIMS.get(String.join("/", path)));
    }

    /** The meaning of a JOSE header parameter. */
    public static Optional<String> header(List<String> path) {
        return path.size() == 1 ? Optional.ofNullable(HEADERS.get(path.get(0))) : Optional.empty();
    }

    /**
     * What every value of a token's claims (or header) means, by its JSON Pointer ("/aud/0",
     * "/kubernetes.io/pod/name", "/kubernetes.io~1serviceaccount~1namespace"): the sentences the
     * window shows beside each claim and {@code inspect} prints, in the order of the token.
     */
    public static java.util.Map<String, String> notes(com.fasterxml.jackson.databind.JsonNode node, boolean header) {
        java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();
        notes(node, List.of(), "", header, notes);
        return java.util.Collections.unmodifiableMap(notes);
    }

    private static void notes(com.fasterxml.jackson.databind.JsonNode node, List<String> path, String pointer, boolean header,
                              java.util.Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> child(e.getValue(), path, e.getKey(), pointer + "/" + escape(e.getKey()), header, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                child(node.get(i), path, "[]", pointer + "/" + i, header, out);
            }
        }
    }

    private static void child(com.fasterxml.jackson.databind.JsonNode value, List<String> path, String key, String pointer, boolean header,
                              java.util.Map<String, String> out) {
        List<String> next = new java.util.ArrayList<>(path);
        next.add(key);
        out.put(pointer, meaning(next, header));
        notes(value, next, pointer, header, out);
    }

    /** The meaning of the value at this path of keys ("[]" for an array element), known or not. */
    public static String meaning(List<String> path, boolean header) {
        Optional<String> known = header ? header(path) : claim(path);
        if (known.isPresent()) {
            return known.get();
        }
        String last = path.get(path.size() - 1);
        if (last.equals("[]")) {
            return "One element of " + (path.size() > 1 ? path.get(path.size() - 2) : "the array") + ".";
        }
        return header ? "A header parameter Kubernetes does not use." : "A claim Kubernetes does not use: set by whoever minted this token.";
    }

    /** RFC 6901: a key's "~" and "/" escaped, as in a JSON Pointer. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Whether this claim holds a NumericDate that should be shown as a date. */
    public static boolean isDate(List<String> path) {
        String key = String.join("/", path);
        return key.equals("exp") || key.equals("nbf") || key.equals("iat") || key.equals(K + "/warnafter");
    }
}
