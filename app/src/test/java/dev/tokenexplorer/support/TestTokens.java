package dev.tokenexplorer.support;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Mints test tokens with Kubernetes' own test key (pkg/serviceaccount/jwt_test.go), so every
 * kind of token can be made with claims in the exact order and form the test writes.
 */
public final class TestTokens {

    /** The kid Kubernetes derives for rsa_public.pem. */
    public static final String RSA_KID = "JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU";
    /** The kid Kubernetes derives for ecdsa_p256_public.pem. */
    public static final String EC_KID = "SoABiieYuNx4UdqYvZRVeuC6SihxgLrhLy9peHMHpTc";

    private TestTokens() {
    }

    /**
     * Signs the payload JSON exactly as written, RS256, with the Kubernetes test RSA key: the same
     * bytes jose4j writes ({@link #sign}), made with the JDK alone, because the installer's build
     * runs {@link ClusterDump} (which signs with this) on the app's run-time class path, without jose4j.
     */
    public static String rs256(String payloadJson) {
        String signingInput = b64("{\"alg\":\"RS256\",\"kid\":\"" + RSA_KID + "\"}") + "." + b64(payloadJson);
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(RSA_KEY);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final PrivateKey RSA_KEY = rsaPrivateKey();

    /** A legacy token as the token controller writes it for the Secret namespace/secret of service account sa, RS256. */
    public static String legacy(String namespace, String secret, String sa, String saUid) {
        return rs256("{\"iss\":\"kubernetes/serviceaccount\",\"kubernetes.io/serviceaccount/namespace\":\"" + namespace + "\","
                + "\"kubernetes.io/serviceaccount/secret.name\":\"" + secret + "\",\"kubernetes.io/serviceaccount/service-account.name\":\""
                + sa + "\",\"kubernetes.io/serviceaccount/service-account.uid\":\"" + saUid + "\",\"sub\":\"system:serviceaccount:"
                + namespace + ":" + sa + "\"}");
    }

    /**
     * A YAML alias chain: each of {@code levels} keys lists the one before twice, so a few hundred
     * bytes stand for 2^levels values once the aliases are expanded.
     */
    public static String aliasChain(int levels) {
        StringBuilder chain = new StringBuilder("a: &a [x, x]\n");
        for (int i = 0; i < levels; i++) {
            String previous = i == 0 ? "a" : "l" + (i - 1);
            chain.append("l").append(i).append(": &l").append(i).append(" [*").append(previous).append(", *").append(previous).append("]\n");
        }
        return chain.toString();
    }

    /** Signs the payload JSON, ES256, with the Kubernetes test P-256 key. */
    public static String es256(String payloadJson) {
        return sign(payloadJson, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, ecPrivateKey(), EC_KID);
    }

    /** A token with alg none: header {"alg":"none"} and an empty signature. */
    public static String unsigned(String payloadJson) {
        return b64("{\"alg\":\"none\"}") + "." + b64(payloadJson) + ".";
    }

    public static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs with any key and header kid (null for none); key validation is off so tests can use odd keys. */
    public static String sign(String payloadJson, String alg, java.security.Key key, String kid) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(payloadJson);
            jws.setAlgorithmHeaderValue(alg);
            if (kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            jws.setKey(key);
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (Exception e) { // JoseException: not named, so that rs256 callers load without jose4j
            throw new IllegalStateException(e);
        }
    }

    /** rsa_private.pem is PKCS#1 ("RSA PRIVATE KEY"); Java reads PKCS#8, so wrap it. */
    public static PrivateKey rsaPrivateKey() {
        String pem = Fixtures.text("kubernetes-test-keys/rsa_private.pem");
        byte[] pkcs1 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] pkcs8 = der(0x30, concat(version, algorithm, octets));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** ecdsa_p256_private.pem is SEC1 ("EC PRIVATE KEY"); wrap it into PKCS#8 with the P-256 curve. */
    public static PrivateKey ecPrivateKey() {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(ecPkcs8()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The P-256 test key as PKCS#8 that, as openssl writes it, still carries the public point. */
    public static byte[] ecPkcs8() {
        String pem = Fixtures.text("kubernetes-test-keys/ecdsa_p256_private.pem");
        byte[] sec1 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        byte[] algorithm = {0x30, 0x13, 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01,
                0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
        return der(0x30, concat(new byte[]{0x02, 0x01, 0x00}, algorithm, der(0x04, sec1)));
    }

    private static byte[] der(int tag, byte[] content) {
        byte[] len = BigInteger.valueOf(content.length).toByteArray();
        int skip = len[0] == 0 ? 1 : 0;
        int n = len.length - skip;
        byte[] head = content.length < 0x80 ? new byte[]{(byte) tag, (byte) content.length} : new byte[2 + n];
        if (content.length >= 0x80) {
            head[0] = (byte) tag;
            head[1] = (byte) (0x80 | n);
            System.arraycopy(len, skip, head, 2, n);
        }
        return concat(head, content);
    }

    private static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) total += p.length;
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
