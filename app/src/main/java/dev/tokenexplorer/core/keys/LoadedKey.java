package dev.tokenexplorer.core.keys;

import java.security.Key;
import java.security.PublicKey;

/**
 * A key to verify tokens with: a public key (from a PEM, a certificate, a JWKS or a private key's
 * public half) or an HMAC secret the user gave explicitly as a secret.
 *
 * @param source        where it came from ("sa.pub", "paste", "JWKS key 2")
 * @param description   "RSA 2048-bit", "EC P-256", "HMAC secret (64 bytes)"
 * @param jwksKid       the kid the JWKS gives it, or null
 * @param kubernetesKid the kid Kubernetes derives from a public key, null for secrets
 * @param note          how it was obtained when that matters ("public half of a private key")
 */
public record LoadedKey(String source, String description, String jwksKid, String kubernetesKid, Key key, String note) {

    public boolean isSecret() {
        return !(key instanceof PublicKey);
    }

    /** Whether a token's kid names this key, by its JWKS kid or its Kubernetes key id. */
    public boolean matchesKid(String kid) {
        return kid != null && !kid.isEmpty() && (kid.equals(jwksKid) || kid.equals(kubernetesKid));
    }

    /** The id to show: the JWKS kid, else the Kubernetes key id, else the source. */
    public String displayId() {
        return jwksKid != null ? jwksKid : kubernetesKid != null ? kubernetesKid : source;
    }
}
