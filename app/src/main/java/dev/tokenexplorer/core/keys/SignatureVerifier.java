package dev.tokenexplorer.core.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.jwt.DecodedJwt;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.jwt.SignatureStatus;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks a token's signature against loaded keys as the API server picks them: by {@code kid}
 * (a JWKS kid or the key id Kubernetes derives), else every key of a fitting type. It never lets
 * the token choose its key: {@code alg: none} is unsigned, HMAC is checked only with a secret the
 * user gave as a secret (never a public key's bytes: algorithm confusion), and embedded or remote
 * keys ({@code jwk}, {@code x5c}, {@code jku}) are ignored.
 *
 * <p>Keys are looked up by kid in an index, and at most {@link #MAX_CANDIDATES} keys are tried
 * per token, so a key set of a thousand keys costs a token no more than a handful of checks.
 */
public final class SignatureVerifier {

    /** The outcome, the key that verified (its display id), and what a user should know. */
    public record Verification(SignatureStatus status, String verifiedBy, List<Finding> findings) {
        public Verification {
            findings = List.copyOf(findings);
        }
    }

    /** Signature checks one token may cost: the keys its kid names, or this many fitting ones. */
    public static final int MAX_CANDIDATES = 8;

    /**
     * The first Kubernetes release whose API server looks keys up by the token's kid
     * ({@code PublicKeysGetter.GetPublicKeys(kid)} in {@code pkg/serviceaccount/jwt.go},
     * kubernetes/kubernetes#125177) and refuses a kid naming no key: "invalid signature, no keys found".
     */
    public static final String KID_LOOKUP_SINCE = "1.31";

    private static final Set<String> RSA_ALGORITHMS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
    private static final Set<String> HMAC_ALGORITHMS = Set.of("HS256", "HS384", "HS512");

    private SignatureVerifier() {
    }

    public static Verification verify(DecodedJwt jwt, List<LoadedKey> keys) {
        String alg = jwt.algorithm().orElse(null);
        if (alg != null && alg.equalsIgnoreCase("none")) {
            return new Verification(SignatureStatus.UNSIGNED, null, List.of());
        }
        if (keys.isEmpty()) {
            return new Verification(SignatureStatus.UNVERIFIED, null, List.of());
        }
        Predicate<LoadedKey> fits = fitting(alg);
        if (fits == null) {
            return new Verification(SignatureStatus.NO_MATCHING_KEY, null, List.of(Finding.of(FindingCode.UNSUPPORTED_ALGORITHM,
                    "The header's alg " + (alg == null ? "is missing" : "is " + alg)
                            + ": Token Explorer checks RS256/384/512, PS256/384/512, ES256/384/512 and, with a secret, HS256/384/512.")));
        }
        List<LoadedKey> candidates = keys.stream().filter(fits).toList();
        if (candidates.isEmpty()) {
            return new Verification(SignatureStatus.NO_MATCHING_KEY, null, List.of(noFittingKey(alg, keys)));
        }
        Map<String, List<LoadedKey>> byKid = index(candidates);
        String kid = jwt.keyId().orElse("");
        List<LoadedKey> named = kid.isEmpty() ? List.of() : byKid.getOrDefault(kid, List.of());
        SigningInput input = SigningInput.of(jwt);

        for (LoadedKey key : limit(named)) {
            if (input.verifies(alg, key)) {
                return verified(key, input, List.of());
            }
        }
        // The API server tries every key only for a token without kid; a kid naming no key (or keys
        // that fail) is refused from 1.31 on. The other keys are still tried, a handful at most, to
        // tell the user which key really signed it.
        List<LoadedKey> others = candidates.stream().filter(k -> !k.matchesKid(kid)).toList();
        List<LoadedKey> tried = new ArrayList<>(limit(named));
        for (LoadedKey key : limit(others)) {
            tried.add(key);
            if (input.verifies(alg, key)) {
                List<Finding> findings = new ArrayList<>();
                if (!kid.isEmpty() && !key.isSecret()) {
                    findings.add(kidMismatch(kid, key, !named.isEmpty()));
                }
                return verified(key, input, findings);
            }
        }
        String shown = tried.stream().map(SignatureVerifier::label).collect(Collectors.joining("; "));
        int untried = candidates.size() - tried.size();
        if (untried > 0) {
            // Not "invalid": the key that signed it may be among those not tried.
            return new Verification(SignatureStatus.NO_MATCHING_KEY, null, List.of(Finding.of(FindingCode.TOO_MANY_CANDIDATES,
                    "The signature does not verify with the " + tried.size() + " keys tried (" + shown + "); " + untried
                            + " more loaded keys fit " + alg + " but were not tried: a token is checked against the keys its kid names"
                            + " and at most " + MAX_CANDIDATES + " others. " + (kid.isEmpty()
                            ? "The token has no kid, so the API server tries every key; load only the cluster's keys to check it."
                            : "Its kid \"" + kid + "\" names " + (named.isEmpty() ? "no loaded key, so from Kubernetes " + KID_LOOKUP_SINCE
                            + " on the API server refuses it (\"invalid signature, no keys found\")." : "a key that does not verify it.")))));
        }
        if (!kid.isEmpty() && named.isEmpty()) {
            // Its own finding: the kid names no loaded key, so the key that signed it is most likely not loaded.
            return new Verification(SignatureStatus.INVALID, null, List.of(kidNamesNoKey(kid, keys), Finding.of(FindingCode.SIGNATURE_INVALID,
                    "The signature does not verify with " + (tried.size() == 1 ? "the other loaded key that fits " : "any of the "
                            + tried.size() + " other loaded keys that fit ") + alg + " (" + shown
                            + ") either: load the key whose kid is \"" + kid + "\" (the cluster's current JWKS) to check it.")));
        }
        return new Verification(SignatureStatus.INVALID, null, List.of(Finding.of(FindingCode.SIGNATURE_INVALID,
                "The signature does not verify with " + (tried.size() == 1 ? "the loaded key that fits " : "any of the "
                        + tried.size() + " loaded keys that fit ") + alg + " (" + shown
                        + "): the token was signed by another key, or altered after signing.")));
    }

    /** How many loaded kids a finding lists before it says "and N more". */
    private static final int KIDS_SHOWN = 5;

    /** The token's kid names none of the loaded keys: from 1.31 the API server refuses it before any signature check. */
    static Finding kidNamesNoKey(String kid, List<LoadedKey> keys) {
        List<String> kids = keys.stream().map(k -> k.jwksKid() != null ? k.jwksKid() : k.kubernetesKid())
                .filter(k -> k != null && !k.isEmpty()).distinct().toList();
        String loaded = kids.isEmpty() ? "the loaded keys have no kid"
                : (kids.size() == 1 ? "the loaded key's kid is " : "the loaded keys' kids are ")
                + kids.stream().limit(KIDS_SHOWN).map(k -> "\"" + k + "\"").collect(Collectors.joining(", "))
                + (kids.size() > KIDS_SHOWN ? " and " + (kids.size() - KIDS_SHOWN) + " more" : "");
        return Finding.of(FindingCode.KID_MISMATCH, "The token's kid \"" + kid + "\" names no loaded key (" + loaded + "). From Kubernetes "
                + KID_LOOKUP_SINCE + " on, the API server looks keys up by kid (GetPublicKeys(kid) in pkg/serviceaccount/jwt.go) and refuses "
                + "this token with these keys (\"invalid signature, no keys found\").");
    }

    private static List<LoadedKey> limit(List<LoadedKey> keys) {
        return keys.size() <= MAX_CANDIDATES ? keys : keys.subList(0, MAX_CANDIDATES);
    }

    /** Keys by every kid that names them (their JWKS kid and their Kubernetes key id). */
    private static Map<String, List<LoadedKey>> index(List<LoadedKey> keys) {
        Map<String, List<LoadedKey>> byKid = new LinkedHashMap<>();
        for (LoadedKey key : keys) {
            if (key.jwksKid() != null) {
                byKid.computeIfAbsent(key.jwksKid(), k -> new ArrayList<>()).add(key);
            }
            if (key.kubernetesKid() != null && !key.kubernetesKid().equals(key.jwksKid())) {
                byKid.computeIfAbsent(key.kubernetesKid(), k -> new ArrayList<>()).add(key);
            }
        }
        return byKid;
    }

    private static Finding kidMismatch(String kid, LoadedKey key, boolean namesAnother) {
        return Finding.of(FindingCode.KID_MISMATCH, "The signature verifies mathematically with " + label(key) + ", but the token's kid \""
                + kid + "\" is neither that key's JWKS kid nor its Kubernetes key id (" + key.kubernetesKid() + ")"
                + (namesAnother ? ": it names another loaded key, which does not verify it" : " and names no loaded key")
                + ". From Kubernetes " + KID_LOOKUP_SINCE + " on, the API server looks keys up by kid"
                + " (GetPublicKeys(kid) in pkg/serviceaccount/jwt.go) and would refuse this token"
                + (namesAnother ? "" : " (\"invalid signature, no keys found\")")
                + "; 1.30 and older tried every key and would accept it.");
    }

    private static Verification verified(LoadedKey key, SigningInput input, List<Finding> extra) {
        List<Finding> findings = new ArrayList<>(extra);
        if (input.unencoded) {
            if (input.verifiedUnencoded) {
                findings.add(Finding.of(FindingCode.UNENCODED_PAYLOAD_SIGNED, "The header says b64: false (RFC 7797): the signature covers the"
                        + " payload's raw bytes, not its base64url text. go-jose, the API server's JOSE library, checks it the same way"
                        + " (computeAuthData), and it verifies; no Kubernetes component issues such tokens."));
            } else {
                findings.add(Finding.of(FindingCode.UNENCODED_PAYLOAD, "The signature verifies mathematically over header.payload as a JWS"
                        + " normally is, but the header says b64: false (RFC 7797), which changes what was signed: go-jose, the API"
                        + " server's JOSE library, checks the payload's raw bytes instead (computeAuthData), that check fails, and the"
                        + " API server refuses the token."));
            }
        }
        findings.add(Finding.of(FindingCode.SIGNATURE_VERIFIED, "The signature verifies with " + label(key)
                + ". That proves who signed the token, not that it still works: an offline check cannot see whether the service account, "
                + "pod, secret or node it names was deleted. Only the cluster's TokenReview can."));
        if (key.key() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            findings.add(Finding.of(FindingCode.WEAK_KEY, "The signing key has only " + rsa.getModulus().bitLength() + " bits; 2048 is the minimum today."));
        }
        return new Verification(SignatureStatus.VERIFIED, key.displayId(), findings);
    }

    private static String label(LoadedKey key) {
        return key.description() + (key.isSecret() ? "" : " key") + " " + key.displayId()
                + (key.source().equals(key.displayId()) ? "" : " from " + key.source());
    }

    private static Finding noFittingKey(String alg, List<LoadedKey> keys) {
        String loaded = keys.stream().map(LoadedKey::description).distinct().collect(Collectors.joining(", "));
        if (HMAC_ALGORITHMS.contains(alg)) {
            return Finding.of(FindingCode.HMAC_NEEDS_SECRET, "Signed with " + alg + ", a shared secret. Public keys are never used as HMAC "
                    + "secrets: anyone holding the public key could forge such tokens (algorithm confusion). Give the secret explicitly to check it.");
        }
        String curve = switch (alg) {
            case "ES256" -> "P-256";
            case "ES384" -> "P-384";
            case "ES512" -> "P-521";
            default -> null;
        };
        boolean otherCurve = curve != null && keys.stream().anyMatch(k -> k.key() instanceof ECPublicKey);
        return Finding.of(FindingCode.NO_MATCHING_KEY, "No loaded key can check an " + alg + " signature (loaded: " + loaded + ")."
                + (otherCurve ? " " + alg + " is ECDSA on the curve " + curve + " only; an EC key on another curve (secp256k1 is ES256K,"
                + " the same size as P-256 but a different curve) never verifies it." : ""));
    }

    private static Predicate<LoadedKey> fitting(String alg) {
        if (alg == null) return null;
        if (RSA_ALGORITHMS.contains(alg)) return k -> k.key() instanceof RSAPublicKey;
        if (HMAC_ALGORITHMS.contains(alg)) return LoadedKey::isSecret;
        String curve = switch (alg) {
            case "ES256" -> "P-256";
            case "ES384" -> "P-384";
            case "ES512" -> "P-521";
            default -> null;
        };
        if (curve == null) return null;
        return k -> k.key() instanceof ECPublicKey ec && KeyDescriber.curveName(ec).filter(curve::equals).isPresent();
    }

    /**
     * What the signature covers. Normally {@code header.payload} as written; with {@code b64: false}
     * (RFC 7797) go-jose signs and checks the header segment, a dot and the payload's raw bytes, so
     * both forms are checked and the result says which one held.
     */
    private static final class SigningInput {
        final DecodedJwt jwt;
        final boolean unencoded;
        boolean verifiedUnencoded;

        private SigningInput(DecodedJwt jwt, boolean unencoded) {
            this.jwt = jwt;
            this.unencoded = unencoded;
        }

        static SigningInput of(DecodedJwt jwt) {
            JsonNode b64 = jwt.header().get("b64");
            return new SigningInput(jwt, b64 != null && b64.isBoolean() && !b64.booleanValue());
        }

        boolean verifies(String alg, LoadedKey key) {
            if (unencoded) {
                byte[] raw = unencodedInput();
                if (raw != null && JwsSignatures.verify(alg, key.key(), raw, jwt.signatureSegment())) {
                    verifiedUnencoded = true;
                    return true;
                }
            }
            return JwsSignatures.verify(alg, key.key(), jwt.headerSegment(), jwt.payloadSegment(), jwt.signatureSegment());
        }

        private byte[] unencodedInput() {
            try {
                byte[] payload = Base64.getUrlDecoder().decode(jwt.payloadSegment());
                byte[] header = (jwt.headerSegment() + ".").getBytes(StandardCharsets.US_ASCII);
                byte[] input = new byte[header.length + payload.length];
                System.arraycopy(header, 0, input, 0, header.length);
                System.arraycopy(payload, 0, input, header.length, payload.length);
                return input;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
