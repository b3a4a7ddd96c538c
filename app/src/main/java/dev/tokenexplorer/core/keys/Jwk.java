package dev.tokenexplorer.core.keys;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The public key of one JWK (RFC 7517, RFC 7518 §6), read strictly and by hand, so the installed
 * app carries no JOSE library for it. Exactly the keys a token can be verified with are read: kty
 * RSA (n, e) and kty EC on P-256, P-384 or P-521 (x, y, of the curve's length and on the curve).
 * Private members (d, p, q, …) are ignored: only the public half is ever used. Any other key is
 * refused with what is wrong with it.
 *
 * @param kid the kid the JWK gives, or null
 */
record Jwk(String kid, PublicKey key) {

    /** Why a JWK cannot be read, as the end of a sentence for its user ("n is missing"). */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Longer kty and crv values are cut when shown: they come from whoever wrote the key set. */
    private static final int SHOWN_CHARS = 40;

    static Jwk read(JsonNode jwk) throws Unreadable {
        String kid = jwk.hasNonNull("kid") ? text(jwk, "kid") : null;
        String kty = text(jwk, "kty");
        PublicKey key = switch (kty) {
            case "RSA" -> rsa(jwk);
            case "EC" -> ec(jwk);
            case "OKP" -> throw new Unreadable("kty OKP is an EdDSA or X25519/X448 key; Token Explorer checks RS256/384/512,"
                    + " PS256/384/512 and ES256/384/512, so it reads RSA and EC keys only");
            default -> throw new Unreadable("kty " + shown(kty) + " is not a key type Token Explorer reads (RSA or EC)");
        };
        return new Jwk(kid, key);
    }

    private static PublicKey rsa(JsonNode jwk) throws Unreadable {
        BigInteger n = unsigned(jwk, "n");
        BigInteger e = unsigned(jwk, "e");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException refused) {
            // The JDK refuses sizes it does not support (under 512 bits, say); its reason is the cause's.
            Throwable cause = refused;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new Unreadable("n and e are not an RSA public key the JDK accepts"
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
        }
    }

    private static PublicKey ec(JsonNode jwk) throws Unreadable {
        String crv = text(jwk, "crv");
        EcCurve curve = EcCurve.byJwkName(crv).orElseThrow(() -> new Unreadable("crv " + shown(crv)
                + " is not P-256, P-384 or P-521, the curves of ES256, ES384 and ES512 (the only EC signatures Kubernetes makes)"));
        BigInteger x = coordinate(jwk, "x", curve);
        BigInteger y = coordinate(jwk, "y", curve);
        return curve.publicKey(x, y).orElseThrow(() -> new Unreadable("the point (x, y) is not on " + curve.jwkName));
    }

    /** RFC 7518 §6.2.1.2: a coordinate is the full length of the curve's field, leading zeros kept. */
    private static BigInteger coordinate(JsonNode jwk, String name, EcCurve curve) throws Unreadable {
        byte[] bytes = bytes(jwk, name);
        if (bytes.length != curve.coordinateBytes()) {
            throw new Unreadable(name + " is " + bytes.length + (bytes.length == 1 ? " byte" : " bytes") + " long, but a "
                    + curve.jwkName + " coordinate is " + curve.coordinateBytes());
        }
        return new BigInteger(1, bytes);
    }

    private static BigInteger unsigned(JsonNode jwk, String name) throws Unreadable {
        BigInteger value = new BigInteger(1, bytes(jwk, name));
        if (value.signum() == 0) {
            throw new Unreadable(name + " is zero");
        }
        return value;
    }

    private static byte[] bytes(JsonNode jwk, String name) throws Unreadable {
        try {
            return Base64.getUrlDecoder().decode(text(jwk, name));
        } catch (IllegalArgumentException e) {
            throw new Unreadable(name + " is not valid base64url");
        }
    }

    private static String text(JsonNode jwk, String name) throws Unreadable {
        JsonNode value = jwk.get(name);
        if (value == null || value.isNull()) {
            throw new Unreadable(name + " is missing");
        }
        if (!value.isTextual()) {
            throw new Unreadable(name + " is not a string");
        }
        return value.asText();
    }

    private static String shown(String value) {
        return "\"" + (value.length() <= SHOWN_CHARS ? value : value.substring(0, SHOWN_CHARS) + "…") + "\"";
    }
}
