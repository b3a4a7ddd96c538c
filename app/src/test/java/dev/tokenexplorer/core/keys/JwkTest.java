package dev.tokenexplorer.core.keys;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.support.Fixtures;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** JWKs read by the app's own reader: what it takes (checked against jose4j) and what it says of what it refuses. */
class JwkTest {

    private static final String RSA_N = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";

    private static KeyPair generate(String kind) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(kind.startsWith("secp") ? "EC" : "RSA");
        if (kind.startsWith("secp")) {
            generator.initialize(new ECGenParameterSpec(kind));
        } else {
            generator.initialize(Integer.parseInt(kind.substring(3)));
        }
        return generator.generateKeyPair();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA2048", "RSA4096", "secp256r1", "secp384r1", "secp521r1"})
    void keysJose4jWritesAreReadAsTheKeysJose4jReads(String kind) throws Exception {
        KeyPair pair = generate(kind);
        PublicJsonWebKey written = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
        written.setPrivateKey(pair.getPrivate());
        written.setKeyId("kid-" + kind);
        String json = written.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);

        KeyReader.KeyLoad load = KeyReader.read("jwks", "{\"keys\":[" + json + "]}");

        PublicJsonWebKey jose4j = (PublicJsonWebKey) JsonWebKey.Factory.newJwk(json);
        assertThat(load.keys()).singleElement().satisfies(k -> {
            assertThat(k.key()).isEqualTo(jose4j.getPublicKey()).isEqualTo(pair.getPublic());
            assertThat(k.jwksKid()).isEqualTo(jose4j.getKeyId()).isEqualTo("kid-" + kind);
        });
        assertThat(load.notes()).extracting(Finding::code).containsExactly("public-key", "jwk-private");
    }

    @Test
    void theRfc7515PrivateKeysGiveTheirPublicHalves() {
        assertThat(KeyReader.read("a2", Fixtures.text("rfc7515/rfc7515_A.2.jwk")).keys()).extracting(LoadedKey::description)
                .containsExactly("RSA 2048-bit");
        assertThat(KeyReader.read("a3", Fixtures.text("rfc7515/rfc7515_A.3.jwk")).keys()).extracting(LoadedKey::description)
                .containsExactly("EC P-256");
        // x and y of P-521 are 66 bytes, the first of them 0x00 or 0x01
        assertThat(KeyReader.read("a4", Fixtures.text("rfc7515/rfc7515_A.4.jwk")).keys()).extracting(LoadedKey::description)
                .containsExactly("EC P-521");
    }

    static Stream<Arguments> refused() {
        ECPublicKey ec = (ECPublicKey) KeyReader.read("ec", Fixtures.text("kubernetes-test-keys/ecdsa_p256_public.pem")).keys().get(0).key();
        BigInteger x = ec.getW().getAffineX();
        BigInteger y = ec.getW().getAffineY();
        return Stream.of(
                Arguments.of("{\"kty\":\"RSA\",\"e\":\"AQAB\"}", "n is missing"),
                Arguments.of("{\"kty\":\"RSA\",\"n\":5,\"e\":\"AQAB\"}", "n is not a string"),
                Arguments.of("{\"kty\":\"RSA\",\"n\":\"" + RSA_N.replace('-', '+') + "\",\"e\":\"AQAB\"}", "n is not valid base64url"),
                Arguments.of("{\"kty\":\"RSA\",\"n\":\"" + RSA_N + "\",\"e\":\"AAA\"}", "e is zero"),
                Arguments.of("{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}",
                        "n and e are not an RSA public key the JDK accepts (RSA keys must be at least 512 bits long)"),
                Arguments.of("{\"kty\":\"RSA\",\"kid\":7,\"n\":\"" + RSA_N + "\",\"e\":\"AQAB\"}", "kid is not a string"),
                Arguments.of(ecJwk("P-256", coordinate(x, 32), coordinate(y.add(BigInteger.ONE), 32)), "the point (x, y) is not on P-256"),
                Arguments.of(ecJwk("P-384", coordinate(x, 48), coordinate(y, 48)), "the point (x, y) is not on P-384"),
                Arguments.of(ecJwk("P-256", coordinate(x, 31), coordinate(y, 32)), "x is 31 bytes long, but a P-256 coordinate is 32"),
                Arguments.of(ecJwk("P-256", "AA", coordinate(y, 32)), "x is 1 byte long, but a P-256 coordinate is 32"),
                Arguments.of(ecJwk("P-256", coordinate(x, 32), coordinate(y, 32) + "*"), "y is not valid base64url"),
                Arguments.of(ecJwk("P-256", coordinate(x, 32), null), "y is missing"),
                Arguments.of(ecJwk("secp256k1", "eb5mfvncu6xVoGKVzocLBwKb_NstzijZWfKBWxb4F5g", "SDradyajxGVdpPv8DhEIqP0XtEimhVQZnEfQj_sQ1Lg"),
                        "crv \"secp256k1\" is not P-256, P-384 or P-521, the curves of ES256, ES384 and ES512 (the only EC signatures Kubernetes makes)"),
                Arguments.of("{\"kty\":\"EC\",\"x\":\"AA\",\"y\":\"AA\"}", "crv is missing"),
                Arguments.of("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
                        "kty OKP is an EdDSA or X25519/X448 key; Token Explorer checks RS256/384/512, PS256/384/512 and ES256/384/512,"
                                + " so it reads RSA and EC keys only"),
                Arguments.of("{\"kty\":\"PQC\"}", "kty \"PQC\" is not a key type Token Explorer reads (RSA or EC)"),
                Arguments.of("{\"kty\":\"" + "K".repeat(500) + "\"}", "kty \"" + "K".repeat(40) + "…\" is not a key type Token Explorer reads (RSA or EC)"),
                Arguments.of("{\"n\":\"" + RSA_N + "\",\"e\":\"AQAB\"}", "kty is missing"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void whatIsWrongWithAKeyIsSaid(String jwk, String problem) {
        KeyReader.KeyLoad load = KeyReader.read("jwks", "{\"keys\":[" + jwk + "]}");

        assertThat(load.keys()).isEmpty();
        assertThat(load.notes()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("jwk-unreadable");
            assertThat(n.message()).isEqualTo("JWK cannot be read: " + problem + ".");
        });
        assertThat(load.error()).isEqualTo("No key in this JWKS could be read: JWK cannot be read: " + problem + ".");
    }

    private static String ecJwk(String crv, String x, String y) {
        return "{\"kty\":\"EC\",\"crv\":\"" + crv + "\",\"x\":\"" + x + "\"" + (y == null ? "" : ",\"y\":\"" + y + "\"") + "}";
    }

    /** A coordinate as a JWK writes it: big-endian, left-padded (or cut) to {@code length} bytes. */
    private static String coordinate(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[length];
        int copied = Math.min(length, bytes.length);
        System.arraycopy(bytes, bytes.length - copied, fixed, length - copied, copied);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
