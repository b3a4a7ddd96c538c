package dev.tokenexplorer.core.keys;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Public keys and certificates from DER: what they are ("RSA 2048-bit", "EC P-256") and the key id
 * Kubernetes derives from them, so a token's {@code kid} can be matched to {@code sa.pub} by eye.
 */
public final class KeyDescriber {

    private KeyDescriber() {
    }

    /** A SubjectPublicKeyInfo (PEM "PUBLIC KEY") as an RSA or EC key. */
    public static Optional<PublicKey> publicKey(byte[] spki) {
        for (String algorithm : new String[]{"RSA", "EC"}) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki)));
            } catch (GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        return Optional.empty();
    }

    /** A PKCS#1 RSAPublicKey (PEM "RSA PUBLIC KEY") wrapped into a SubjectPublicKeyInfo. */
    public static byte[] spkiFromPkcs1(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] bitString = der(0x03, concat(new byte[]{0}, pkcs1));
        return der(0x30, concat(algorithm, bitString));
    }

    public static Optional<X509Certificate> certificate(byte[] der) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** "RSA 2048-bit", "EC P-256", "EC secp256k1": the curve told by its parameters, never by its size alone. */
    public static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + "-bit";
        }
        if (key instanceof ECPublicKey ec) {
            return "EC " + curveName(ec).orElse(ec.getParams().getCurve().getField().getFieldSize() + "-bit curve (not a NIST curve)");
        }
        return key.getAlgorithm();
    }

    /**
     * The curve's name when its prime and order are those of P-256, P-384, P-521 (the curves of
     * ES256/384/512, which Kubernetes signs with) or secp256k1 (ES256K, same size as P-256 but a
     * different curve, which no Kubernetes token uses).
     */
    public static Optional<String> curveName(ECPublicKey key) {
        java.security.spec.ECParameterSpec params = key.getParams();
        if (!(params.getCurve().getField() instanceof java.security.spec.ECFieldFp field)) {
            return Optional.empty();
        }
        for (Curve curve : CURVES) {
            if (field.getP().equals(curve.prime()) && params.getOrder().equals(curve.order())) {
                return Optional.of(curve.name());
            }
        }
        return Optional.empty();
    }

    private record Curve(String name, BigInteger prime, BigInteger order) {
        static Curve of(EcCurve curve) {
            return new Curve(curve.jwkName, curve.prime(), curve.spec.getOrder());
        }
    }

    /** The curves of ES256/384/512, and secp256k1 (SEC 2), which the JDK 17 no longer names. */
    private static final java.util.List<Curve> CURVES = java.util.List.of(
            Curve.of(EcCurve.P256),
            Curve.of(EcCurve.P384),
            Curve.of(EcCurve.P521),
            new Curve("secp256k1", new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16),
                    new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)));

    /** Kubernetes' key id: base64url, unpadded, of the SHA-256 of the DER SubjectPublicKeyInfo. */
    public static String kubernetesKeyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] der(int tag, byte[] content) {
        byte[] length;
        int n = content.length;
        if (n < 0x80) {
            length = new byte[]{(byte) n};
        } else {
            byte[] digits = BigInteger.valueOf(n).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            length = new byte[digits.length - skip + 1];
            length[0] = (byte) (0x80 | (digits.length - skip));
            System.arraycopy(digits, skip, length, 1, digits.length - skip);
        }
        return concat(new byte[]{(byte) tag}, concat(length, content));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
