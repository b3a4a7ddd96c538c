package dev.tokenexplorer.core.keys;

import dev.tokenexplorer.core.token.DecodedJwt;
import dev.tokenexplorer.core.token.Finding;
import dev.tokenexplorer.core.token.SignatureStatus;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks a token's signature against loaded keys as the API server picks them: by {@code kid}
 * (a JWKS kid or the key id Kubernetes derives), else every key of a fitting type. It never lets
 * the token choose its key: {@code alg: none} is unsigned, HMAC is checked only with a secret the
 * user gave as a secret (never a public key's bytes: algorithm confusion), and embedded or remote
 * keys ({@code jwk}, {@code x5c}, {@code jku}) are ignored.
 */
public final class SignatureVerifier {

    /** The outcome, the key that verified (its display id), and what a user should know. */
    public record Verification(SignatureStatus status, String verifiedBy, List<Finding> findings) {
        public Verification {
            findings = List.copyOf(findings);
        }
    }

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
            return new Verification(SignatureStatus.NO_MATCHING_KEY, null, List.of(Finding.error("unsupported-algorithm",
                    "The header's alg " + (alg == null ? "is missing" : "is " + alg)
                            + ": Token Explorer checks RS256/384/512, PS256/384/512, ES256/384/512 and, with a secret, HS256/384/512.")));
        }
        List<LoadedKey> candidates = keys.stream().filter(fits).toList();
        if (candidates.isEmpty()) {
            return new Verification(SignatureStatus.NO_MATCHING_KEY, null, List.of(noFittingKey(alg, keys)));
        }
        String kid = jwt.keyId().orElse("");
        List<LoadedKey> named = candidates.stream().filter(k -> k.matchesKid(kid)).toList();
        List<LoadedKey> others = candidates.stream().filter(k -> !k.matchesKid(kid)).toList();
        for (LoadedKey key : named) {
            if (verifies(jwt, alg, key)) {
                return verified(key, List.of());
            }
        }
        for (LoadedKey key : others) {
            if (verifies(jwt, alg, key)) {
                List<Finding> findings = new ArrayList<>();
                if (!kid.isEmpty()) {
                    findings.add(Finding.warning("kid-mismatch", "The signature verifies with " + label(key) + ", but the token's kid \""
                            + kid + "\" is neither that key's JWKS kid nor its Kubernetes key id (" + key.kubernetesKid()
                            + "). An API server looks keys up by kid, so with these keys it would refuse the token (\"no keys found\")."));
                }
                return verified(key, findings);
            }
        }
        String tried = candidates.stream().map(SignatureVerifier::label).collect(Collectors.joining("; "));
        return new Verification(SignatureStatus.INVALID, null, List.of(Finding.error("signature-invalid",
                "The signature does not verify with " + (candidates.size() == 1 ? "the loaded key that fits " : "any of the "
                        + candidates.size() + " loaded keys that fit ") + alg + " (" + tried
                        + "): the token was signed by another key, or altered after signing.")));
    }

    private static Verification verified(LoadedKey key, List<Finding> extra) {
        List<Finding> findings = new ArrayList<>(extra);
        findings.add(Finding.info("signature-verified", "The signature verifies with " + label(key)
                + ". That proves who signed the token, not that it still works: an offline check cannot see whether the service account, "
                + "pod, secret or node it names was deleted. Only the cluster's TokenReview can."));
        if (key.key() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            findings.add(Finding.warning("weak-key", "The signing key has only " + rsa.getModulus().bitLength() + " bits; 2048 is the minimum today."));
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
            return Finding.warning("hmac-needs-secret", "Signed with " + alg + ", a shared secret. Public keys are never used as HMAC "
                    + "secrets: anyone holding the public key could forge such tokens (algorithm confusion). Give the secret explicitly to check it.");
        }
        return Finding.warning("no-matching-key", "No loaded key can check an " + alg + " signature (loaded: " + loaded + ").");
    }

    private static Predicate<LoadedKey> fitting(String alg) {
        if (alg == null) return null;
        if (RSA_ALGORITHMS.contains(alg)) return k -> k.key() instanceof RSAPublicKey;
        if (HMAC_ALGORITHMS.contains(alg)) return LoadedKey::isSecret;
        int bits = switch (alg) {
            case "ES256" -> 256;
            case "ES384" -> 384;
            case "ES512" -> 521;
            default -> 0;
        };
        if (bits == 0) return null;
        return k -> k.key() instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == bits;
    }

    private static boolean verifies(DecodedJwt jwt, String alg, LoadedKey key) {
        return JwsSignatures.verify(alg, key.key(), jwt.headerSegment(), jwt.payloadSegment(), jwt.signatureSegment());
    }
}
