package dev.tokenexplorer.core.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SignatureVerifierTest {

    private static final long IAT = 1796817600L;
    private static final Instant NOW = Instant.ofEpochSecond(IAT + 60);

    private static List<LoadedKey> keys(String fixture) {
        KeyReader.KeyLoad load = KeyReader.read(fixture, Fixtures.text(fixture));
        assertThat(load.error()).isNull();
        return load.keys();
    }

    private static TokenReport check(String token, List<LoadedKey> keys) {
        return new TokenAnalyzer().analyze("token", token, NOW, List.of(), new VerificationSettings(keys, Set.of(), Set.of()));
    }

    private static List<String> codes(TokenReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    private static final String RSA_PUBLIC = "kubernetes-test-keys/rsa_public.pem";
    private static final String EC_PUBLIC = "kubernetes-test-keys/ecdsa_p256_public.pem";
    private static final String OTHER_RSA = "kubernetes-test-keys/other_rsa_public.pem";

    /** Claims of every kind of token Kubernetes issues. */
    private static String claims(String kind) {
        String sa = "\"serviceaccount\":{\"name\":\"app\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"}";
        String bound = "{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":" + (IAT + 3600) + ",\"iat\":" + IAT
                + ",\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"default\",%s" + sa + "},\"nbf\":" + IAT
                + ",\"sub\":\"system:serviceaccount:default:app\"}";
        return switch (kind) {
            case "legacy" -> "{\"iss\":\"kubernetes/serviceaccount\",\"kubernetes.io/serviceaccount/namespace\":\"default\","
                    + "\"kubernetes.io/serviceaccount/secret.name\":\"app-token\",\"kubernetes.io/serviceaccount/service-account.name\":\"app\","
                    + "\"kubernetes.io/serviceaccount/service-account.uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\",\"sub\":\"system:serviceaccount:default:app\"}";
            case "bound-pod" -> bound.formatted("\"pod\":{\"name\":\"web-0\",\"uid\":\"d822ba5f-4290-4bca-94ce-f3bc0dca2e36\"},");
            case "bound-secret" -> bound.formatted("\"secret\":{\"name\":\"s\",\"uid\":\"72c2a4f0-636d-4a70-9f1c-55a75f15e520\"},");
            case "bound-node" -> bound.formatted("\"node\":{\"name\":\"n\",\"uid\":\"646e7c5e-32d6-4d42-9dbd-e504e6cbe6b1\"},");
            default -> bound.formatted("");
        };
    }

    @Test
    void kubernetesKeyIdsMatchTheOnesKubernetesDerives() throws Exception {
        JsonNode expected = Json.parse(Fixtures.text("kubernetes-test-keys/expected_key_ids.json"));

        assertThat(keys(RSA_PUBLIC)).singleElement().satisfies(k -> assertThat(k.kubernetesKid()).isEqualTo(expected.get("rsa_public.pem").asText()));
        assertThat(keys(EC_PUBLIC)).singleElement().satisfies(k -> assertThat(k.kubernetesKid()).isEqualTo(expected.get("ecdsa_p256_public.pem").asText()));
    }

    @ParameterizedTest(name = "{0} RS256 and ES256 tokens verify with the public PEM and a JWKS built from it")
    @ValueSource(strings = {"legacy", "bound-pod", "bound-secret", "bound-node", "bound"})
    void everyKindVerifiesWithPemAndJwks(String kind) throws Exception {
        String rsaToken = TestTokens.rs256(claims(kind));
        String ecToken = TestTokens.es256(claims(kind));
        List<LoadedKey> pem = new ArrayList<>(keys(RSA_PUBLIC));
        pem.addAll(keys(EC_PUBLIC));
        List<LoadedKey> jwks = KeyReader.read("jwks.json", jwks(pem)).keys();

        for (List<LoadedKey> keySet : List.of(pem, jwks)) {
            TokenReport rsa = check(rsaToken, keySet);
            TokenReport ec = check(ecToken, keySet);
            assertThat(rsa.kind().id()).isEqualTo(kind);
            assertThat(rsa.signature()).isEqualTo(SignatureStatus.VERIFIED);
            assertThat(rsa.verifiedBy()).isEqualTo(TestTokens.RSA_KID);
            assertThat(ec.signature()).isEqualTo(SignatureStatus.VERIFIED);
            assertThat(ec.verifiedBy()).isEqualTo(TestTokens.EC_KID);
            assertThat(codes(rsa)).contains("signature-verified").doesNotContain("kid-mismatch");
        }
    }

    @ParameterizedTest(name = "{0} is invalid with another RSA key")
    @ValueSource(strings = {"legacy", "bound-pod", "bound-secret", "bound-node", "bound"})
    void everyKindIsInvalidWithAnotherKey(String kind) {
        // No kid: every fitting key is tried (a kid naming no loaded key is its own finding, below).
        TokenReport report = check(TestTokens.sign(claims(kind), "RS256", TestTokens.rsaPrivateKey(), null), keys(OTHER_RSA));

        assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(report.verifiedBy()).isNull();
        assertThat(report.findings()).filteredOn(f -> f.code().equals("signature-invalid")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("signed by another key, or altered"));
    }

    @Test
    void aKidNamingNoLoadedKeyIsItsOwnFindingThatListsTheLoadedKids() {
        String token = TestTokens.sign(claims("bound-pod"), "RS256", TestTokens.rsaPrivateKey(), "JX87-not-loaded");
        List<LoadedKey> other = keys(OTHER_RSA);

        TokenReport report = check(token, other);

        assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("kid-mismatch")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("kid \"JX87-not-loaded\" names no loaded key",
                        "\"" + other.get(0).kubernetesKid() + "\"", "invalid signature, no keys found"));
        assertThat(report.findings()).filteredOn(f -> f.code().equals("signature-invalid")).singleElement()
                .satisfies(f -> assertThat(f.message()).doesNotContain("altered").contains("JX87-not-loaded"));
    }

    @Test
    void tamperedPayloadIsInvalid() {
        String token = TestTokens.rs256(claims("bound-pod"));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + TestTokens.b64(claims("bound-pod").replace("web-0", "web-1")) + "." + parts[2];

        assertThat(check(forged, keys(RSA_PUBLIC)).signature()).isEqualTo(SignatureStatus.INVALID);
    }

    /** The RFC 7515 A.1 HMAC key, given explicitly as a secret (the only way HMAC is ever checked). */
    private static List<LoadedKey> a1Secret() {
        return List.of(KeyReader.hmacSecret("A.1 secret", java.util.Base64.getUrlDecoder()
                .decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow")));
    }

    @Test
    void rfc7515HmacVectorVerifiesWithItsSecretGivenAsASecret() {
        assertThat(check(Fixtures.text("rfc7515/rfc7515_A.1.jwsc"), a1Secret()).signature()).isEqualTo(SignatureStatus.VERIFIED);
    }

    @Test
    void aSymmetricKeyInAKeySetIsListedAndNeverUsed() {
        String jwks = "{\"keys\":[" + Fixtures.text("rfc7515/rfc7515_A.1.jwk").strip() + "," + Fixtures.text("rfc7515/rfc7515_A.2.jwk").strip() + "]}";
        KeyReader.KeyLoad load = KeyReader.read("jwks", jwks);

        assertThat(load.keys()).extracting(LoadedKey::description).containsExactly("RSA 2048-bit");
        assertThat(load.notes()).filteredOn(f -> f.code().equals("jwk-symmetric")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("JWKS key 1").contains("never used").contains("--hmac-secret-file"));
        assertThat(check(Fixtures.text("rfc7515/rfc7515_A.1.jwsc"), load.keys()).signature()).isEqualTo(SignatureStatus.NO_MATCHING_KEY);
    }

    @ParameterizedTest(name = "RFC 7515 {0} verifies with its own key")
    @CsvSource(textBlock = """
            A.2, RS256
            A.3, ES256
            A.4, ES512
            """)
    void rfc7515VectorsVerifyWithTheirKeys(String vector, String alg) {
        TokenReport report = check(Fixtures.text("rfc7515/rfc7515_" + vector + ".jwsc"), keys("rfc7515/rfc7515_" + vector + ".jwk"));

        assertThat(report.jwt().algorithm()).contains(alg);
        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
    }

    @ParameterizedTest(name = "RFC 7515 {0} fails with the key of {1}")
    @CsvSource(textBlock = """
            A.1, A.2, NO_MATCHING_KEY
            A.2, A.3, NO_MATCHING_KEY
            A.3, A.4, NO_MATCHING_KEY
            A.4, A.3, NO_MATCHING_KEY
            A.3, A.2, NO_MATCHING_KEY
            """)
    void rfc7515VectorsFailWithEachOthersKeys(String vector, String otherKey, SignatureStatus expected) {
        TokenReport report = check(Fixtures.text("rfc7515/rfc7515_" + vector + ".jwsc"), keys("rfc7515/rfc7515_" + otherKey + ".jwk"));

        assertThat(report.signature()).isEqualTo(expected);
    }

    @Test
    void rfc7515VectorsFailWithAnotherKeyOfTheSameType() {
        assertThat(check(Fixtures.text("rfc7515/rfc7515_A.2.jwsc"), keys(RSA_PUBLIC)).signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(check(Fixtures.text("rfc7515/rfc7515_A.3.jwsc"), keys(EC_PUBLIC)).signature()).isEqualTo(SignatureStatus.INVALID);
        List<LoadedKey> otherSecret = List.of(KeyReader.hmacSecret("secret", "another secret of thirty-two bytes!".getBytes(StandardCharsets.UTF_8)));
        assertThat(check(Fixtures.text("rfc7515/rfc7515_A.1.jwsc"), otherSecret).signature()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void rfc7515AlgNoneIsUnsignedEvenWithKeys() {
        List<LoadedKey> all = new ArrayList<>(a1Secret());
        all.addAll(keys(RSA_PUBLIC));

        TokenReport report = check(Fixtures.text("rfc7515/rfc7515_A.5.jwsc"), all);

        assertThat(report.signature()).isEqualTo(SignatureStatus.UNSIGNED);
        assertThat(codes(report)).contains("unsigned");
    }

    @Test
    void hmacSignedWithThePublicKeyPemIsNeverVerified() {
        byte[] pemBytes = Fixtures.text(RSA_PUBLIC).getBytes(StandardCharsets.US_ASCII);
        String confused = TestTokens.sign(claims("bound-pod"), "HS256", new HmacKey(pemBytes), TestTokens.RSA_KID);

        TokenReport report = check(confused, keys(RSA_PUBLIC));

        assertThat(report.signature()).isEqualTo(SignatureStatus.NO_MATCHING_KEY);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("hmac-needs-secret")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("algorithm confusion"));
    }

    @Test
    void hmacVerifiesOnlyWithTheSecretGivenAsASecret() {
        byte[] secret = "a shared secret that is long enough".getBytes(StandardCharsets.UTF_8);
        String token = TestTokens.sign(claims("bound"), "HS256", new HmacKey(secret), null);

        TokenReport report = check(token, List.of(KeyReader.hmacSecret("secret.txt", secret)));

        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(report.verifiedBy()).isEqualTo("secret.txt");
    }

    @Test
    void jwksWithSeveralKeysPicksByKid() throws Exception {
        List<LoadedKey> keys = new ArrayList<>(keys(OTHER_RSA));
        keys.addAll(keys(RSA_PUBLIC));
        String jwks = jwks(keys).replace(TestTokens.RSA_KID, "current").replace(keys.get(0).kubernetesKid(), "old");
        List<LoadedKey> loaded = KeyReader.read("jwks", jwks).keys();
        String token = TestTokens.sign(claims("bound-pod"), "RS256", TestTokens.rsaPrivateKey(), "current");

        TokenReport report = check(token, loaded);

        assertThat(loaded).extracting(LoadedKey::jwksKid).containsExactly("old", "current");
        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(report.verifiedBy()).isEqualTo("current");
        assertThat(codes(report)).doesNotContain("kid-mismatch");
    }

    @Test
    void kidMatchingNoKeyWhileAnotherVerifiesGivesTheKidFinding() {
        String token = TestTokens.sign(claims("bound-pod"), "RS256", TestTokens.rsaPrivateKey(), "rotated-away");

        TokenReport report = check(token, keys(RSA_PUBLIC));

        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("kid-mismatch")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\"rotated-away\"").contains(TestTokens.RSA_KID).contains("refuse"));
    }

    @Test
    void tokenWithoutKidTriesEveryFittingKey() {
        String token = TestTokens.sign(claims("legacy"), "RS256", TestTokens.rsaPrivateKey(), null);
        List<LoadedKey> keys = new ArrayList<>(keys(OTHER_RSA));
        keys.addAll(keys(EC_PUBLIC));
        keys.addAll(keys(RSA_PUBLIC));

        TokenReport report = check(token, keys);

        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(codes(report)).doesNotContain("kid-mismatch");
    }

    @Test
    void ecTokenWithOnlyRsaKeysHasNoMatchingKey() {
        TokenReport report = check(TestTokens.es256(claims("bound")), keys(RSA_PUBLIC));

        assertThat(report.signature()).isEqualTo(SignatureStatus.NO_MATCHING_KEY);
        assertThat(codes(report)).contains("no-matching-key");
    }

    @Test
    void withoutKeysTheSignatureIsUnverified() {
        assertThat(check(TestTokens.rs256(claims("bound")), List.of()).signature()).isEqualTo(SignatureStatus.UNVERIFIED);
    }

    @Test
    void embeddedJwkHeaderIsNeverTrusted() throws Exception {
        var pair = java.security.KeyPairGenerator.getInstance("RSA");
        pair.initialize(2048);
        var keyPair = pair.generateKeyPair();
        String header = "{\"alg\":\"RS256\",\"jwk\":" + PublicJsonWebKey.Factory.newPublicJwk(keyPair.getPublic()).toJson() + "}";
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.getHeaders().setFullHeaderAsJsonString(header);
        jws.setPayload(claims("bound"));
        jws.setKey(keyPair.getPrivate());
        String token = jws.getCompactSerialization();

        TokenReport report = check(token, keys(RSA_PUBLIC));

        assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(codes(report)).contains("embedded-key-header");
    }

    private static String jwks(List<LoadedKey> keys) throws Exception {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.size(); i++) {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk((PublicKey) keys.get(i).key());
            jwk.setKeyId(keys.get(i).kubernetesKid());
            jwk.setUse("sig");
            json.append(i == 0 ? "" : ",").append(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
        return json.append("]}").toString();
    }

    /** Every algorithm, signed by jose4j with a fresh key, verifies; a flipped signature bit does not. */
    @ParameterizedTest
    @CsvSource({"RS256,RSA,2048", "RS384,RSA,2048", "RS512,RSA,3072", "PS256,RSA,2048", "PS384,RSA,2048", "PS512,RSA,2048",
            "ES256,EC,256", "ES384,EC,384", "ES512,EC,521"})
    void everyAlgorithmRoundTripsWithJose4j(String alg, String type, int size) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance(type);
        generator.initialize(size);
        java.security.KeyPair pair = generator.generateKeyPair();
        String token = TestTokens.sign(claims("bound"), alg, pair.getPrivate(), null);
        List<LoadedKey> keys = List.of(new LoadedKey("k", type, null, null, pair.getPublic(), null));
        dev.tokenexplorer.core.jwt.DecodedJwt jwt = ((dev.tokenexplorer.core.jwt.JwtDecoder.Decoded)
                new dev.tokenexplorer.core.jwt.JwtDecoder().decode(token)).jwt();

        assertThat(SignatureVerifier.verify(jwt, keys).status()).isEqualTo(SignatureStatus.VERIFIED);

        String signature = jwt.signatureSegment();
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + signature.substring(0, 10) + flipped + signature.substring(11);
        dev.tokenexplorer.core.jwt.DecodedJwt bad = ((dev.tokenexplorer.core.jwt.JwtDecoder.Decoded)
                new dev.tokenexplorer.core.jwt.JwtDecoder().decode(tampered)).jwt();
        assertThat(SignatureVerifier.verify(bad, keys).status()).isEqualTo(SignatureStatus.INVALID);
    }
}
