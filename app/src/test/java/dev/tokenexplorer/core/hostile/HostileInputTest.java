package dev.tokenexplorer.core.hostile;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.Redactor;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Input written to hurt: each case ends in a message for the user, and nothing is built, fetched or read. */
class HostileInputTest {

    private final Analyzer analyzer = new Analyzer(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    private SourceReport read(String text) {
        return analyzer.analyzeText("paste", text);
    }

    @Test
    void yamlGlobalTagsAreRefusedBeforeAnythingIsBuilt() {
        SourceReport report = read("apiVersion: v1\nkind: Secret\ndata: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");

        assertThat(report.error()).startsWith("The input is not valid YAML: it uses a type tag (!!javax.script.ScriptEngineManager)")
                .contains("never honoured").contains("line 3");
        assertThat(report.tokens()).isEmpty();
    }

    @Test
    void aClassNamedByATagIsNeverConstructed() {
        Canary.constructed = false;

        SourceReport report = read("kind: Secret\nmetadata: !!dev.tokenexplorer.core.hostile.Canary [\"x\"]\n");
        SourceReport local = read("kind: Secret\nmetadata: !<tag:yaml.org,2002:dev.tokenexplorer.core.hostile.Canary> {}\n");

        assertThat(Canary.constructed).isFalse();
        assertThat(report.error()).contains("type tag (!!dev.tokenexplorer.core.hostile.Canary)");
        assertThat(local.error()).contains("type tag");
    }

    @Test
    void keyLocationsInTheHeaderAreNeverFetched() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/keys";
            String token = TestTokens.b64("{\"alg\":\"RS256\",\"jku\":\"" + url + "\",\"x5u\":\"" + url + "\",\"kid\":\"k\"}") + "."
                    + TestTokens.b64("{\"sub\":\"x\"}") + ".c2ln";
            List<LoadedKey> keys = KeyReader.read("k", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys();

            TokenReport report = analyzer.analyzeText("paste", token, new VerificationSettings(keys, Set.of(), Set.of())).tokens().get(0);

            assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
            assertThat(report.findings()).extracting(Finding::code).contains("remote-key-header");
            org.assertj.core.api.Assertions.assertThatThrownBy(server::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void deeplyNestedYamlStopsEarly() {
        assertThat(read("a: " + "[".repeat(5000) + "]".repeat(5000)).error()).contains("nested deeper than 100 levels");
    }

    @Test
    void hugeYamlIsRefusedBeforeParsing() {
        String huge = "apiVersion: v1\nkind: List\nitems:\n" + "- {kind: Secret, metadata: {name: x}}\n".repeat(600_000);

        assertThat(huge.length()).isGreaterThan(20 * 1024 * 1024);
        assertThat(read(huge).error()).contains("more than the 20 MB");
    }

    @Test
    void jsonNumbersAndNestingAreBounded() {
        assertThat(read("{\"kind\":\"Secret\",\"n\":" + "9".repeat(5000) + "}").error()).contains("longer than 1000 digits");
        assertThat(read("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}").error()).contains("nested deeper than 100 levels");
    }

    @Test
    void duplicateJsonKeysAreReported() {
        assertThat(read("{\"kind\":\"Secret\",\"kind\":\"Config\"}").error()).contains("Duplicate field 'kind'");
    }

    @Test
    void aTenMegabyteTokenGetsAMessage() {
        String payload = TestTokens.b64("{\"sub\":\"" + "x".repeat(7_500_000) + "\"}");
        String token = TestTokens.b64("{\"alg\":\"RS256\"}") + "." + payload + ".c2ln";

        assertThat(token.length()).isGreaterThan(10_000_000);
        TokenReport report = read(token).tokens().get(0);
        assertThat(report.decoded()).isTrue();
        assertThat(report.findings()).extracting(Finding::code).contains("not-kubernetes");
    }

    @Test
    void aKidThatLooksLikeAPathIsOnlyEverCompared() {
        List<LoadedKey> keys = KeyReader.read("k", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys();
        String token = TestTokens.sign("{\"sub\":\"x\"}", "RS256", TestTokens.rsaPrivateKey(), "../../../../etc/passwd");

        TokenReport report = analyzer.analyzeText("paste", token, new VerificationSettings(keys, Set.of(), Set.of())).tokens().get(0);

        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(report.findings()).extracting(Finding::code).contains("kid-mismatch");
        assertThat(report.findings()).extracting(Finding::message).noneMatch(m -> m.contains("root:"));
    }

    @Test
    void x5cCertificateIsShownNeverTrusted() {
        String caPem = new String(Base64.getDecoder().decode(Fixtures.caCrtBase64()));
        String der = caPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        String token = TestTokens.b64("{\"alg\":\"RS256\",\"x5c\":[\"" + der + "\"],\"x5u\":\"https://127.0.0.1:1/chain.pem\"}") + "."
                + TestTokens.b64("{\"sub\":\"x\"}") + ".c2ln";
        List<LoadedKey> keys = KeyReader.read("k", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys();

        TokenReport report = analyzer.analyzeText("paste", token, new VerificationSettings(keys, Set.of(), Set.of())).tokens().get(0);

        assertThat(report.signature()).isEqualTo(SignatureStatus.INVALID);
        assertThat(report.findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("x5c: a certificate for CN=kubernetes").contains("never trusted"))
                .anySatisfy(m -> assertThat(m).contains("(x5u)").contains("never fetched"));
    }

    @Test
    void redactedCopyMasksUidsJtiAndSignature() {
        String token = TestTokens.rs256("{\"jti\":\"aed34954-b33a-4142-b1ec-389d6bbb4936\",\"kubernetes.io\":{\"namespace\":\"default\","
                + "\"pod\":{\"name\":\"web-0\",\"uid\":\"d822ba5f-4290-4bca-94ce-f3bc0dca2e36\"},"
                + "\"serviceaccount\":{\"name\":\"app\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"}},"
                + "\"kubernetes.io/serviceaccount/service-account.uid\":\"71904c2e-569b-4a0b-9716-b3430f430f23\",\"sub\":\"system:serviceaccount:default:app\"}");
        TokenReport report = read(token).tokens().get(0);

        String redacted = Redactor.redact(report.jwt());

        assertThat(redacted).contains("\"name\": \"web-0\"", "\"namespace\": \"default\"", "signature: <redacted>")
                .doesNotContain("d822ba5f", "8208ff56", "71904c2e", "aed34954", token.substring(token.lastIndexOf('.') + 1));
    }
}
