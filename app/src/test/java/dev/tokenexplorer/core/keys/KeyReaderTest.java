package dev.tokenexplorer.core.keys;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyReaderTest {

    private static final String RSA_KID = TestTokens.RSA_KID;

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pemText) {
        return Base64.getMimeDecoder().decode(pemText.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    @Test
    void rsaPrivateKeyGivesItsPublicHalfAndSaysSo() {
        KeyReader.KeyLoad load = KeyReader.read("rsa_private.pem", Fixtures.text("kubernetes-test-keys/rsa_private.pem"));

        assertThat(load.keys()).singleElement().satisfies(k -> {
            assertThat(k.kubernetesKid()).isEqualTo(RSA_KID);
            assertThat(k.isSecret()).isFalse();
            assertThat(k.note()).contains("public half").contains("not kept");
        });
        assertThat(load.notes()).singleElement().satisfies(n -> assertThat(n.code()).isEqualTo("private-key"));
    }

    @Test
    void ecPrivateKeyGivesItsPublicHalf() {
        KeyReader.KeyLoad load = KeyReader.read("ec.pem", Fixtures.text("kubernetes-test-keys/ecdsa_p256_private.pem"));

        assertThat(load.keys()).singleElement().satisfies(k -> {
            assertThat(k.description()).isEqualTo("EC P-256");
            assertThat(k.kubernetesKid()).isEqualTo(TestTokens.EC_KID);
        });
    }

    @Test
    void pkcs8PrivateKeysOfBothTypesGiveTheirPublicHalf() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        var rsaPair = rsa.generateKeyPair();

        KeyReader.KeyLoad load = KeyReader.read("keys.pem", pem("PRIVATE KEY", rsaPair.getPrivate().getEncoded())
                + pem("PRIVATE KEY", TestTokens.ecPkcs8()));

        assertThat(load.keys().get(0).key().getEncoded()).isEqualTo(rsaPair.getPublic().getEncoded());
        assertThat(load.keys()).extracting(LoadedKey::description).containsExactly("RSA 2048-bit", "EC P-256");
        assertThat(load.keys().get(1).kubernetesKid()).isEqualTo(TestTokens.EC_KID);
    }

    @Test
    void ecPrivateKeyWithoutItsPublicPointSaysToLoadThePublicKey() throws Exception {
        var ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));

        KeyReader.KeyLoad load = KeyReader.read("k.pem", pem("PRIVATE KEY", ec.generateKeyPair().getPrivate().getEncoded()));

        assertThat(load.error()).contains("does not carry its public key; load the public key instead");
    }

    @Test
    void anEcPrivateKeyWhosePublicPointIsOffItsCurveIsRefused() {
        byte[] sec1 = der(Fixtures.text("kubernetes-test-keys/ecdsa_p256_private.pem"));
        sec1[sec1.length - 1] ^= 1; // the last byte of the public point's y

        KeyReader.KeyLoad load = KeyReader.read("ec.pem", pem("EC PRIVATE KEY", sec1));

        assertThat(load.keys()).isEmpty();
        assertThat(load.error()).isEqualTo("No key could be read: EC PRIVATE KEY: its public point is not on P-256.");
    }

    @Test
    void pkcs1RsaPublicKeyIsRead() {
        byte[] spki = der(Fixtures.text("kubernetes-test-keys/rsa_public.pem"));
        byte[] pkcs1 = java.util.Arrays.copyOfRange(spki, 24, spki.length);

        KeyReader.KeyLoad load = KeyReader.read("pkcs1.pem", pem("RSA PUBLIC KEY", pkcs1));

        assertThat(load.keys()).singleElement().satisfies(k -> assertThat(k.kubernetesKid()).isEqualTo(RSA_KID));
    }

    @Test
    void serviceAccountKeyFileWithSeveralBlocksGivesEveryKey() {
        String file = Fixtures.text("kubernetes-test-keys/rsa_public.pem") + "\n" + Fixtures.text("kubernetes-test-keys/ecdsa_p256_public.pem")
                + Fixtures.text("kubernetes-test-keys/other_rsa_public.pem");

        KeyReader.KeyLoad load = KeyReader.read("sa.pub", file);

        assertThat(load.keys()).extracting(LoadedKey::source).containsExactly("sa.pub #1", "sa.pub #2", "sa.pub #3");
        assertThat(load.notes()).extracting(Finding::message).first().asString().startsWith("PEM block 1 (PUBLIC KEY, line 1): RSA 2048-bit public key");
    }

    @Test
    void certificateGivesItsPublicKeyAndSubject() {
        String caCrt = Fixtures.caCrtBase64();

        KeyReader.KeyLoad load = KeyReader.read("ca.crt", new String(Base64.getDecoder().decode(caCrt)));

        assertThat(load.keys()).singleElement().satisfies(k -> {
            assertThat(k.description()).isEqualTo("RSA 2048-bit");
            assertThat(k.note()).contains("CN=kubernetes").contains("valid until 2032-08-16");
        });
    }

    @Test
    void discoveryDocumentPointsToItsJwksWithoutFetching() {
        KeyReader.KeyLoad load = KeyReader.read("openid", "{\"issuer\":\"https://kubernetes.default.svc\",\"jwks_uri\":\"https://192.0.2.1:6443/openid/v1/jwks\"}");

        assertThat(load.keys()).isEmpty();
        assertThat(load.error()).contains("never goes online").contains("https://192.0.2.1:6443/openid/v1/jwks");
    }

    @Test
    void somethingElseIsNotAKey() {
        assertThat(KeyReader.read("x", "hello").error()).startsWith("Not a key");
        assertThat(KeyReader.read("x", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").error())
                .contains("PUBLIC KEY").contains("not an RSA or EC public key");
        assertThat(KeyReader.read("x", "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"!!\"}]}").error()).startsWith("No key in this JWKS could be read");
    }

    @Test
    void audienceAndIssuerExpectationsFollowTheApiServer() {
        List<LoadedKey> keys = KeyReader.read("k", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys();
        VerificationSettings settings = new VerificationSettings(keys, Set.of("https://api.example"), Set.of("https://issuer.example"));
        Instant now = Instant.parse("2022-08-19T12:00:00Z");

        TokenReport projected = new TokenAnalyzer().analyze("t", Fixtures.text(Fixtures.PROJECTED), now, List.of(), settings);
        TokenReport legacy = new TokenAnalyzer().analyze("t", Fixtures.text(Fixtures.LEGACY_V120), now, List.of(), settings);

        assertThat(projected.findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("token audiences [\"https://kubernetes.default.svc.cluster.local\"] is invalid for the target audiences [\"https://api.example\"]"))
                .anySatisfy(m -> assertThat(m).contains("iss \"https://kubernetes.default.svc.cluster.local\" is not among the expected issuers"));
        assertThat(legacy.findings()).extracting(Finding::code).contains("legacy-audience").doesNotContain("audience-mismatch", "issuer-not-accepted");
        assertThat(projected.signature()).isEqualTo(SignatureStatus.INVALID);
    }
}
