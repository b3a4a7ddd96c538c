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

    /** "RSA 2048-bit" or "EC P-256". */
    public static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + "-bit";
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return "EC " + switch (bits) {
                case 256 -> "P-256";
                case 384 -> "P-384";
                case 521 -> "P-521";
                default -> bits + "-bit curve";
            };
        }
        return key.getAlgorithm();
    }

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
