package dev.tokenexplorer.core.token;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.jwt.DecodedJwt;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.jwt.JwtDecoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.keys.KeyDescriber;
import dev.tokenexplorer.core.keys.SignatureVerifier;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.text.TimeText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a compact token into a {@link TokenReport}: decodes it, classifies it by the shape of its
 * claims, judges its time claims at an instant as the API server would (60 s leeway) and lists
 * what a user should know, in the order errors, warnings, information.
 */
public final class TokenAnalyzer {

    /** go-jose's DefaultLeeway, used by the API server for exp, nbf and iat. */
    public static final long LEEWAY_SECONDS = 60;

    /** alg: none, said once: the token's report and its Secret's verdict show the same finding. */
    public static final Finding UNSIGNED = Finding.of(FindingCode.UNSIGNED,
            "The header says alg: none: the token carries no signature, anyone could have written it, and the API server rejects it.");

    private final JwtDecoder decoder = new JwtDecoder();

    public TokenReport analyze(String location, String compact, Instant now, List<Finding> contextFindings) {
        return analyze(location, compact, now, contextFindings, VerificationSettings.NONE);
    }

    public TokenReport analyze(String location, String compact, Instant now, List<Finding> contextFindings, VerificationSettings settings) {
        JwtDecoder.Decoding decoding = decoder.decode(compact);
        if (decoding instanceof JwtDecoder.Decoded decoded) {
            return analyze(location, decoded.jwt(), now, contextFindings, settings);
        }
        JwtDecoder.Malformed malformed = (JwtDecoder.Malformed) decoding;
        if (malformed.partial() == null) {
            return TokenReport.malformed(location, malformed.message());
        }
        // Cut off or damaged after its claims: judge what can be read; the signature cannot be checked.
        return analyze(location, malformed.partial(), now, contextFindings, VerificationSettings.NONE).withError(malformed.message());
    }

    public TokenReport analyze(String location, DecodedJwt jwt, Instant now, List<Finding> contextFindings, VerificationSettings settings) {
        if (jwt.payloadProblem() != null) {
            SignatureVerifier.Verification verification = SignatureVerifier.verify(jwt, settings.keys());
            return new TokenReport(location, jwt.payloadProblem(), jwt, null, null, null, verification.status(),
                    verification.verifiedBy(), null, verification.findings());
        }
        KubernetesClaims k8s = KubernetesClaims.of(jwt.claims());
        TimeClaims times = TimeClaims.of(jwt.claims());
        TokenStatus status = status(times, now.getEpochSecond());
        SignatureVerifier.Verification verification = SignatureVerifier.verify(jwt, settings.keys());

        List<Finding> findings = new ArrayList<>(contextFindings);
        findings.addAll(verification.findings());
        expectationFindings(jwt, k8s, settings, findings);
        headerFindings(jwt, findings);
        kubernetesFindings(jwt, k8s, findings);
        timeFindings(k8s, times, status, now, findings);
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return new TokenReport(location, null, jwt, k8s, times, status, verification.status(), verification.verifiedBy(),
                TokenTimeline.of(k8s, times, now), findings);
    }

    /** The API server's verdict on the time claims at {@code now} (epoch seconds). */
    public static TokenStatus status(TimeClaims t, long now) {
        if (t.expiresAt() != null && now - LEEWAY_SECONDS > t.expiresAt()) {
            return TokenStatus.EXPIRED;
        }
        if ((t.notBefore() != null && now + LEEWAY_SECONDS < t.notBefore())
                || (t.issuedAt() != null && now + LEEWAY_SECONDS < t.issuedAt())) {
            return TokenStatus.NOT_YET_VALID;
        }
        if (t.expiresAt() == null) {
            return TokenStatus.NEVER_EXPIRES;
        }
        if (t.warnAfter() != null && now > t.warnAfter()) {
            return TokenStatus.STALE;
        }
        return TokenStatus.ACTIVE;
    }

    /** The API server's audience and issuer checks, against what the user said their cluster accepts. */
    private static void expectationFindings(DecodedJwt jwt, KubernetesClaims k8s, VerificationSettings settings, List<Finding> out) {
        String iss = jwt.claimText("iss").orElse(null);
        if (!settings.issuers().isEmpty() && k8s.kind() != TokenKind.LEGACY && (iss == null || !settings.issuers().contains(iss))) {
            out.add(Finding.of(FindingCode.ISSUER_NOT_ACCEPTED, "iss " + (iss == null ? "is missing" : "\"" + iss + "\" is not")
                    + " among the expected issuers " + quoted(settings.issuers()) + ": the API server's service account authenticator "
                    + "would pass the token on as not its own (--service-account-issuer)."));
        }
        if (settings.audiences().isEmpty()) {
            return;
        }
        JsonNode aud = jwt.claims().get("aud");
        List<String> audiences = new ArrayList<>();
        if (aud != null && aud.isTextual()) {
            audiences.add(aud.asText());
        } else if (aud != null && aud.isArray()) {
            aud.forEach(a -> audiences.add(a.asText()));
        }
        if (audiences.isEmpty() && k8s.kind() == TokenKind.LEGACY) {
            out.add(Finding.of(FindingCode.LEGACY_AUDIENCE, "A legacy token has no aud: the API server treats it as meant for its own audiences "
                    + quoted(settings.audiences()) + "."));
        } else if (audiences.stream().noneMatch(settings.audiences()::contains)) {
            out.add(Finding.of(FindingCode.AUDIENCE_MISMATCH, "The API server would reject it: \"token audiences " + quoted(audiences)
                    + " is invalid for the target audiences " + quoted(settings.audiences()) + "\"."));
        }
    }

    private static String quoted(java.util.Collection<String> values) {
        return values.stream().sorted().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static boolean isUnsigned(DecodedJwt jwt) {
        return jwt.algorithm().map(a -> a.equalsIgnoreCase("none")).orElse(false);
    }

    private static void headerFindings(DecodedJwt jwt, List<Finding> out) {
        if (isUnsigned(jwt)) {
            out.add(UNSIGNED);
        } else if (jwt.algorithm().isEmpty()) {
            out.add(Finding.of(FindingCode.MISSING_ALG, "The header has no alg: no verifier can tell how the token was signed."));
        } else if (jwt.signatureSegment().isEmpty()) {
            out.add(Finding.of(FindingCode.MISSING_SIGNATURE, "The signature segment is empty although the header says alg: " + jwt.algorithm().get() + "."));
        } else if (jwt.algorithm().get().startsWith("HS")) {
            out.add(Finding.of(FindingCode.HMAC_ALGORITHM, "Signed with " + jwt.algorithm().get() + ", a shared secret: Kubernetes never issues HMAC tokens, so this is not from an API server."));
        }
        critFindings(jwt, out);
        for (String remote : List.of("jku", "x5u")) {
            if (jwt.header().has(remote)) {
                out.add(Finding.of(FindingCode.REMOTE_KEY_HEADER, "The header names a key location (" + remote + "): it is shown, never fetched, and plays no part in verification."));
            }
        }
        if (jwt.header().has("x5c") || jwt.header().has("jwk")) {
            out.add(Finding.of(FindingCode.EMBEDDED_KEY_HEADER, "The header embeds a key or certificate" + embeddedCertificate(jwt)
                    + ": a token cannot vouch for itself, so it is never trusted for verification."));
        }
    }

    /**
     * {@code crit} (RFC 7515 §4.1.11): a recipient must refuse a token whose critical extensions it
     * does not understand. go-jose, the API server's JOSE library, understands one, {@code b64}
     * (its {@code supportedCritical}), and fails verification for any other, or for a crit it
     * cannot read as a list of names; a {@code b64} that is not a boolean fails its
     * {@code computeAuthData}. The signature itself is judged by {@link SignatureVerifier}.
     */
    private static void critFindings(DecodedJwt jwt, List<Finding> out) {
        JsonNode crit = jwt.header().get("crit");
        if (crit != null) {
            List<String> names = new ArrayList<>();
            boolean readable = crit.isArray();
            if (readable) {
                for (JsonNode name : crit) {
                    readable &= name.isTextual();
                    names.add(name.isTextual() ? name.asText() : Json.compact(name));
                }
            }
            List<String> unknown = names.stream().filter(n -> !n.equals("b64")).toList();
            if (!readable) {
                out.add(Finding.of(FindingCode.CRIT_HEADER, "The header's crit is " + abbreviate(Json.compact(crit)) + ", not a list of header"
                        + " names (RFC 7515 §4.1.11): go-jose, the API server's JOSE library, cannot read it and fails the signature"
                        + " check, so the API server refuses the token, whatever the signature."));
            } else if (!unknown.isEmpty()) {
                out.add(Finding.of(FindingCode.CRIT_HEADER, "The header marks " + String.join(", ", unknown) + " as critical (crit): a recipient"
                        + " that does not understand a critical extension must refuse the token (RFC 7515 §4.1.11). go-jose, the API"
                        + " server's JOSE library, understands only b64, so the API server refuses this token, whatever the signature."));
            }
        }
        JsonNode b64 = jwt.header().get("b64");
        if (b64 != null && !b64.isBoolean()) {
            out.add(Finding.of(FindingCode.UNENCODED_PAYLOAD, "The header's b64 is " + abbreviate(Json.compact(b64)) + ", not true or false"
                    + " (RFC 7797): go-jose, the API server's JOSE library, cannot tell what was signed and the API server refuses the token."));
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Names the first x5c certificate, so the user sees who it claims to be; it is never trusted. */
    private static String embeddedCertificate(DecodedJwt jwt) {
        JsonNode x5c = jwt.header().get("x5c");
        if (x5c == null || !x5c.isArray() || x5c.isEmpty() || !x5c.get(0).isTextual()) {
            return "";
        }
        try {
            return KeyDescriber.certificate(java.util.Base64.getMimeDecoder().decode(x5c.get(0).asText()))
                    .map(c -> " (x5c: a certificate for " + c.getSubjectX500Principal().getName() + ", issued by "
                            + c.getIssuerX500Principal().getName() + ")")
                    .orElse(" (x5c: not a readable certificate)");
        } catch (IllegalArgumentException e) {
            return " (x5c: not base64)";
        }
    }

    private static void kubernetesFindings(DecodedJwt jwt, KubernetesClaims k8s, List<Finding> out) {
        String sub = jwt.claimText("sub").orElse(null);
        switch (k8s.kind()) {
            case LEGACY -> legacyFindings(jwt, k8s, sub, out);
            case OTHER -> {
                if (k8s.subject() != null) {
                    out.add(Finding.of(FindingCode.NO_KUBERNETES_CLAIMS, "sub names service account " + k8s.serviceAccountLabel()
                            + ", but the token has no Kubernetes claims: it was not minted by a Kubernetes API server as a service account token."));
                } else {
                    out.add(Finding.of(FindingCode.NOT_KUBERNETES, "No Kubernetes claims and no service account subject: this is not a Kubernetes service account token."));
                }
            }
            default -> boundFindings(jwt, k8s, out);
        }
        if (k8s.kind() != TokenKind.OTHER) {
            if (sub == null) {
                out.add(Finding.of(FindingCode.MISSING_SUB, "The token has no sub claim: the API server rejects it (\"sub claim is missing\")."));
            } else if (k8s.subject() == null) {
                out.add(Finding.of(FindingCode.SUBJECT_NOT_SERVICE_ACCOUNT, "sub is \"" + sub + "\", not of the form system:serviceaccount:<namespace>:<name>."));
            } else if (!k8s.subject().namespace().equals(k8s.namespace()) || !k8s.subject().name().equals(k8s.serviceAccountName())) {
                out.add(Finding.of(FindingCode.SUBJECT_MISMATCH, "sub names " + k8s.subject().namespace() + "/" + k8s.subject().name()
                        + " but the Kubernetes claims name " + k8s.serviceAccountLabel()
                        + ": the API server rejects such a token (\"sub claim is invalid\")."));
            }
        }
    }

    private static void legacyFindings(DecodedJwt jwt, KubernetesClaims k8s, String sub, List<Finding> out) {
        String secret = k8s.legacySecretName() == null ? "its Secret"
                : "Secret " + (k8s.namespace() == null ? "" : k8s.namespace() + "/") + k8s.legacySecretName();
        out.add(Finding.of(FindingCode.LEGACY_NEVER_EXPIRES, "A legacy Secret-based token: it has no exp, never expires, and works until "
                + secret + " or service account " + k8s.serviceAccountLabel() + " is deleted. Prefer short-lived tokens from the TokenRequest API (kubectl create token)."));
        String iss = jwt.claimText("iss").orElse(null);
        if (!KubernetesClaims.LEGACY_ISSUER.equals(iss)) {
            out.add(Finding.of(FindingCode.LEGACY_ISSUER, "A legacy token normally has iss \"" + KubernetesClaims.LEGACY_ISSUER
                    + "\"; this one has " + (iss == null ? "none" : "\"" + iss + "\"") + ", so the legacy authenticator will not consider it."));
        }
        // The legacy validator's own messages, in its order (pkg/serviceaccount/legacy.go).
        String[][] required = {
                {"namespace", "namespace claim is missing"},
                {"secret.name", "secretName claim is missing"},
                {"service-account.name", "serviceAccountName claim is missing"},
                {"service-account.uid", "serviceAccountUID claim is missing"}};
        for (String[] claim : required) {
            var value = jwt.claims().get(KubernetesClaims.LEGACY_PREFIX + claim[0]);
            if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                out.add(Finding.of(FindingCode.LEGACY_CLAIM_MISSING, "The API server rejects this legacy token: \"" + claim[1]
                        + "\" (" + KubernetesClaims.LEGACY_PREFIX + claim[0] + ")."));
            }
        }
        if (jwt.claims().has("kubernetes.io")) {
            out.add(Finding.of(FindingCode.MIXED_CLAIM_STYLES, "The token carries both the nested kubernetes.io claim and legacy flat claims."));
        }
    }

    private static void boundFindings(DecodedJwt jwt, KubernetesClaims k8s, List<Finding> out) {
        if (k8s.secret() != null && (k8s.pod() != null || k8s.node() != null)) {
            out.add(Finding.of(FindingCode.MULTIPLE_BOUND_OBJECTS, "The token is bound to a Secret and to a " + (k8s.pod() != null ? "Pod" : "Node")
                    + ": the API server never issues such a token (\"internal error, token can only be bound to one object type\")."));
        }
        if (k8s.serviceAccountName() == null || k8s.serviceAccountUid() == null) {
            out.add(Finding.of(FindingCode.SERVICEACCOUNT_CLAIM_MISSING, "kubernetes.io.serviceaccount needs both name and uid; the API server looks the service account up by them."));
        }
        if (k8s.namespace() == null) {
            out.add(Finding.of(FindingCode.NAMESPACE_CLAIM_MISSING, "kubernetes.io.namespace is missing."));
        }
        for (ObjectRef ref : k8s.boundObjects()) {
            if (ref.name() == null) {
                out.add(Finding.of(FindingCode.BOUND_OBJECT_NAME_MISSING, "The bound " + ref.kind() + " has no name."));
            }
        }
        if (!jwt.claims().has("aud")) {
            out.add(Finding.of(FindingCode.NO_AUDIENCE, "A bound token without aud: the API server intersects a token's audiences with its own, so it would reject this one."));
        }
    }

    /** The finding for a token past its exp (and the leeway): the token's report and a token Secret's verdict say it alike. */
    public static Finding expired(Instant exp, Instant now) {
        return Finding.of(FindingCode.EXPIRED, "Expired " + TimeText.relative(exp, now) + " (" + TimeText.utc(exp)
                + "): the API server rejects it (\"service account token has expired\").");
    }

    private static void timeFindings(KubernetesClaims k8s, TimeClaims t, TokenStatus status, Instant now, List<Finding> out) {
        for (String problem : t.problems()) {
            out.add(Finding.of(FindingCode.INVALID_TIME_CLAIM, Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + "."));
        }
        Instant exp = TimeClaims.instant(t.expiresAt());
        switch (status) {
            case EXPIRED -> out.add(expired(exp, now));
            case NOT_YET_VALID -> {
                boolean byNbf = t.notBefore() != null && now.getEpochSecond() + LEEWAY_SECONDS < t.notBefore();
                Instant start = TimeClaims.instant(byNbf ? t.notBefore() : t.issuedAt());
                out.add(Finding.of(FindingCode.NOT_YET_VALID, "Not valid until " + TimeText.utc(start) + " (" + TimeText.relative(start, now)
                        + "): the API server rejects it (\"service account token " + (byNbf ? "is not valid yet" : "is issued in the future") + "\")."));
            }
            case STALE -> out.add(Finding.of(FindingCode.STALE, "Stale since " + TimeText.relative(TimeClaims.instant(t.warnAfter()), now)
                    + " (warnafter " + TimeText.utc(TimeClaims.instant(t.warnAfter())) + "): the API server still accepts it until "
                    + TimeText.utc(exp) + ", but records it as stale in the audit log. A kubelet replaces its pods' tokens well before this."));
            case NEVER_EXPIRES -> {
                if (k8s.kind() != TokenKind.LEGACY && !t.isInvalid("exp")) {
                    out.add(Finding.of(FindingCode.NO_EXPIRY, "The token has no exp: it never expires."));
                }
            }
            default -> {
            }
        }
        if (t.warnAfter() != null && t.expiresAt() != null && status != TokenStatus.EXPIRED) {
            long requested = t.issuedAt() == null ? 0 : t.warnAfter() - t.issuedAt();
            out.add(Finding.of(FindingCode.EXTENDED_EXPIRY, "An extended token: the kubelet asked for "
                    + (requested > 0 ? TimeText.duration(Duration.ofSeconds(requested)) + " (" + requested + " s)" : "a short lifetime")
                    + ", and the API server stretched exp to " + TimeText.utc(exp)
                    + " so that old clients keep working. After warnafter it is flagged as stale."));
        }
        if (t.warnAfter() == null && t.issuedAt() != null && t.expiresAt() != null && k8s.kind() != TokenKind.OTHER
                && t.expiresAt() - t.issuedAt() > 24 * 3600 && status != TokenStatus.EXPIRED) {
            out.add(Finding.of(FindingCode.LONG_LIVED, "Lives for " + TimeText.duration(Duration.ofSeconds(t.expiresAt() - t.issuedAt()))
                    + ": longer than a day. Short-lived tokens limit the damage of a leak."));
        }
    }
}
