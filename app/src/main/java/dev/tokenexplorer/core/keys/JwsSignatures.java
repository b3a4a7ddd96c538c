package dev.tokenexplorer.core.keys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a JWS signature (RFC 7518) with the JDK's own algorithms, for exactly the algorithm the
 * caller chose for the key. No JOSE library sits in between: an audit verifies thousands of
 * tokens, and the fewer layers, the fewer surprises.
 */
final class JwsSignatures {

    private static final ThreadLocal<Map<String, Signature>> SIGNATURES = ThreadLocal.withInitial(HashMap::new);

    private JwsSignatures() {
    }

    /** Whether {@code header.payload} is signed by {@code key} with {@code alg}; false for any malformed input. */
    static boolean verify(String alg, Key key, String headerSegment, String payloadSegment, String signatureSegment) {
        return verify(alg, key, (headerSegment + "." + payloadSegment).getBytes(StandardCharsets.US_ASCII), signatureSegment);
    }

    /** Whether {@code input}, the exact signing input, is signed by {@code key} with {@code alg}. */
    static boolean verify(String alg, Key key, byte[] input, String signatureSegment) {
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(signatureSegment);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            return switch (alg) {
                case "RS256", "RS384", "RS512" -> key instanceof PublicKey rsa && signature(alg, "SHA" + alg.substring(2) + "withRSA", null, rsa, input, signature);
                case "PS256", "PS384", "PS512" -> key instanceof PublicKey rsa && signature(alg, "RSASSA-PSS", pss(alg), rsa, input, signature);
                case "ES256", "ES384", "ES512" -> key instanceof ECPublicKey ec && ecdsa(alg, ec, input, signature);
                case "HS256", "HS384", "HS512" -> !(key instanceof PublicKey) && hmac(alg, key, input, signature);
                default -> false;
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signature(String alg, String jdkName, PSSParameterSpec params, PublicKey key, byte[] input, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = SIGNATURES.get().get(alg);
        if (verifier == null) {
            verifier = Signature.getInstance(jdkName);
            SIGNATURES.get().put(alg, verifier);
        }
        if (params != null) {
            verifier.setParameter(params);
        }
        verifier.initVerify(key);
        verifier.update(input);
        return verifier.verify(signature);
    }

    private static PSSParameterSpec pss(String alg) {
        int bits = Integer.parseInt(alg.substring(2));
        String digest = "SHA-" + bits;
        MGF1ParameterSpec mgf = bits == 256 ? MGF1ParameterSpec.SHA256 : bits == 384 ? MGF1ParameterSpec.SHA384 : MGF1ParameterSpec.SHA512;
        return new PSSParameterSpec(digest, "MGF1", mgf, bits / 8, 1);
    }

    /** JWS carries ECDSA signatures as R || S of the curve's size; the JDK wants DER. */
    private static boolean ecdsa(String alg, ECPublicKey key, byte[] input, byte[] signature) throws GeneralSecurityException {
        int size = (key.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        if (signature.length != 2 * size) {
            return false;
        }
        byte[] r = new BigInteger(1, Arrays.copyOfRange(signature, 0, size)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(signature, size, 2 * size)).toByteArray();
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        derInteger(sequence, r);
        derInteger(sequence, s);
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(0x30);
        derLength(der, sequence.size());
        der.writeBytes(sequence.toByteArray());
        return signature(alg, "SHA" + alg.substring(2) + "withECDSA", null, key, input, der.toByteArray());
    }

    private static void derInteger(ByteArrayOutputStream out, byte[] value) {
        out.write(0x02);
        derLength(out, value.length);
        out.writeBytes(value);
    }

    private static void derLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
    }

    private static boolean hmac(String alg, Key key, byte[] input, byte[] signature) throws GeneralSecurityException {
        String name = "HmacSHA" + alg.substring(2);
        Mac mac = Mac.getInstance(name);
        mac.init(new SecretKeySpec(key.getEncoded(), name));
        return MessageDigest.isEqual(mac.doFinal(input), signature);
    }
}
