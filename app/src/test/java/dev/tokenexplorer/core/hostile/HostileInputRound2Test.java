package dev.tokenexplorer.core.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.audit.AuditExport;
import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.input.InputType;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.Pem;
import dev.tokenexplorer.core.keys.SignatureVerifier;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.report.JsonReport;
import dev.tokenexplorer.core.report.TextReport;
import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.ClusterDump;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 18: input written to crash, hang or make the output lie, one class of attack a test. */
class HostileInputRound2Test {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final Analyzer analyzer = new Analyzer(Clock.fixed(NOW, ZoneOffset.UTC));

    private static List<LoadedKey> rsaKey() {
        return KeyReader.read("sa.pub", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys();
    }

    private TokenReport token(String token, List<LoadedKey> keys) {
        return analyzer.analyzeText("paste", token, new VerificationSettings(keys, Set.of(), Set.of())).tokens().get(0);
    }

    private static List<String> codes(TokenReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    private static String bound(String timeClaims) {
        return "{\"aud\":[\"https://kubernetes.default.svc\"]," + timeClaims + "\"iss\":\"https://kubernetes.default.svc\","
                + "\"kubernetes.io\":{\"namespace\":\"default\",\"pod\":{\"name\":\"web-0\",\"uid\":\"d822ba5f\"},"
                + "\"serviceaccount\":{\"name\":\"app\",\"uid\":\"8208ff56\"}%s},\"sub\":\"system:serviceaccount:default:app\"}";
    }

    // ---- 1: time claims outside java.time ----------------------------------------------------

    @ParameterizedTest(name = "{0} is an invalid time claim and every output is still written")
    @CsvSource(delimiter = '|', textBlock = """
            "exp":1000000000000000000,"iat":1796817600,                                |
            "exp":9300000000000000,"iat":1796817600,"nbf":1796817600,                  |
            "exp":1796821200,"iat":-9223372036854775808,                               |
            "exp":1796821200,"iat":1796817600,"nbf":9223372036854775807,               |
            "exp":1796821200,"iat":1796817600,                                         | ,"warnafter":99999999999999999999
            "exp":1e300,"iat":1796817600,                                              |
            "exp":-1e300,"iat":-1,"nbf":-0.5,                                          |
            """)
    void dateClaimsOutsideJavaTimeAreInvalidAndNothingOverflows(String times, String warnAfter) throws Exception {
        String token = TestTokens.rs256(bound(times).formatted(warnAfter == null ? "" : warnAfter));

        SourceReport report = analyzer.analyzeText("paste", token, new VerificationSettings(rsaKey(), Set.of(), Set.of()));
        TokenReport t = report.tokens().get(0);

        assertThat(report.error()).isNull();
        assertThat(t.decoded()).isTrue();
        assertThat(codes(t)).contains("invalid-time-claim");
        assertThat(t.failsStrict()).isTrue();
        assertThat(t.timeline().summary(ZoneOffset.UTC)).isNotBlank();
        assertThat(t.timeline().describe(ZoneOffset.ofHours(14))).isNotBlank();
        assertThat(TextReport.write(List.of(report), rsaKey(), NOW)).contains("[invalid-time-claim]");
        new ObjectMapper().readTree(JsonReport.write(List.of(report), rsaKey()));
    }

    @ParameterizedTest(name = "exp {0} fails --strict")
    @CsvSource(textBlock = """
            '"1"'
            1e300
            '[1]'
            """)
    void unreadableDateClaimsFailStrict(String exp) {
        TokenReport t = token(TestTokens.rs256(bound("\"exp\":" + exp + ",\"iat\":1796817600,").formatted("")), rsaKey());

        assertThat(codes(t)).contains("invalid-time-claim");
        assertThat(t.failsStrict()).isTrue();
    }

    // ---- 2 and 14: PEM -----------------------------------------------------------------------

    @Test
    void twentyMegabytesOfUnclosedPemBlocksAnswerWithAMessage() {
        String bomb = "-----BEGIN A-----\n".repeat(1_150_000);

        assertThat(bomb.length()).isGreaterThan(19 * 1024 * 1024);
        assertThat(Pem.read(bomb)).isEmpty();
        assertThat(KeyReader.read("k", bomb).error()).contains("no complete PEM block");
        assertThat(analyzer.analyzeText("paste", bomb).error()).contains("no complete PEM block");
    }

    @Test
    void pemBlocksAreFoundAroundHostileBeginsAndAreCapped() {
        String pem = Fixtures.text("kubernetes-test-keys/rsa_public.pem").strip();
        String text = "-----BEGIN A-----\n-----BEGIN B-----\n" + pem + "\n-----END NOTHING\n";
        String many = (pem + "\n").repeat(Pem.MAX_BLOCKS + 5);

        assertThat(Pem.read(text)).extracting(Pem.Block::label).containsExactly("PUBLIC KEY");
        assertThat(Pem.read(many)).hasSize(Pem.MAX_BLOCKS);
        assertThat(KeyReader.read("k", many).notes()).extracting(Finding::code).contains("too-many-keys");
    }

    @Test
    void aSecretThatMentionsBeginIsStillASecret() {
        String secret = new ClusterDump().secretYaml("default", "app-token", "app");
        String commented = "# rotate: see -----BEGIN CERTIFICATE----- in ca.crt\n" + secret.replace("  annotations:\n",
                "  annotations:\n    note: \"-----BEGIN PUBLIC KEY----- is not here\"\n");

        SourceReport report = analyzer.analyzeText("paste", commented);

        assertThat(report.error()).isNull();
        assertThat(commented).contains("    note: \"-----BEGIN PUBLIC KEY");
        assertThat(report.type()).isEqualTo(InputType.SECRET);
        assertThat(report.tokens()).hasSize(1);
        assertThat(Pem.looksLikePem(commented)).isFalse();
        assertThat(Pem.looksLikePem("Bag Attributes\n    friendlyName: x\n" + Fixtures.text("kubernetes-test-keys/rsa_public.pem"))).isTrue();
    }

    // ---- 5: key sets -------------------------------------------------------------------------

    /** One key of a fixture as a public JWK with the given kid. */
    static String jwk(String fixture, String kid) {
        try {
            org.jose4j.jwk.PublicJsonWebKey jwk = org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(
                    (java.security.PublicKey) KeyReader.read(fixture, Fixtures.text(fixture)).keys().get(0).key());
            jwk.setKeyId(kid);
            return jwk.toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JWKS of one fixture's key repeated under {@code count} different kids. */
    static String bigJwks(String fixture, int count) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append(jwk(fixture, "k" + i));
        }
        return json.append("]}").toString();
    }

    @Test
    void aHugeKeySetIsCappedWithAMessage() {
        KeyReader.KeyLoad load = KeyReader.read("jwks", bigJwks("kubernetes-test-keys/rsa_public.pem", KeyReader.MAX_KEYS + 200));

        assertThat(load.keys()).hasSize(KeyReader.MAX_KEYS);
        assertThat(load.notes()).filteredOn(f -> f.code().equals("too-many-keys")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("1200 keys").contains("first 1000"));
    }

    @Test
    void aKidNamingNoneOfAThousandKeysTriesOnlyAHandful() throws Exception {
        List<LoadedKey> keys = KeyReader.read("jwks", bigJwks("kubernetes-test-keys/other_rsa_public.pem", KeyReader.MAX_KEYS)).keys();
        String token = TestTokens.sign(bound("\"exp\":1796821200,\"iat\":1796817600,").formatted(""), "RS256", TestTokens.rsaPrivateKey(), "nobody");

        TokenReport report = token(token, keys);

        assertThat(report.signature()).isEqualTo(SignatureStatus.NO_MATCHING_KEY);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("too-many-candidates")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("with the " + SignatureVerifier.MAX_CANDIDATES + " keys tried")
                        .contains((KeyReader.MAX_KEYS - SignatureVerifier.MAX_CANDIDATES) + " more loaded keys fit RS256 but were not tried")
                        .contains("invalid signature, no keys found"));
        assertThat(report.failsStrict()).isTrue();
    }

    // ---- 7: control characters ---------------------------------------------------------------

    @Test
    void controlAndBidiCharactersInClaimsAreShownEscapedNeverRaw() throws Exception {
        String iss = "https://evil\\n  status:           active\\n  signature:        verified by sa.pub\\u001b[8m\\r\\u009b\\u202eevil\\u2066";
        String token = TestTokens.rs256(bound("\"exp\":1796821200,\"iat\":1796817600,").formatted("").replace("https://kubernetes.default.svc\",\"kubernetes.io\"", iss + "\",\"kubernetes.io\""));
        SourceReport report = analyzer.analyzeText("paste", token);

        String text = TextReport.write(List.of(report), List.of(), NOW);
        String json = JsonReport.write(List.of(report), List.of());

        assertThat(text.lines().filter(l -> l.startsWith("  status:"))).hasSize(1);
        assertThat(text).contains("\\n  status:           active", "\\u001b[8m", "\\r", "\\u009b", "\\u202e", "\\u2066");
        assertThat(text.chars().filter(c -> c != '\n' && !Printable.printable(c))).isEmpty();
        assertThat(json).contains("\\u202e", "\\u009b", "\\u2066").doesNotContain("\u202e", "\u009b", "\u001b");
        assertThat(new ObjectMapper().readTree(json).at("/inputs/0/tokens/0/claims/iss").asText()).contains("\u202eevil");
    }

    @Test
    void auditTableAndMarkdownShowHostileNamesInert() {
        ClusterDump dump = new ClusterDump();
        dump.secret("default", "![x](https://attacker.example/beacon.png)", "app");
        dump.secret("default", "[click](javascript:alert(1))", "app2");
        dump.secret("default", "<img src=x onerror=alert(1)>\u001b[2J\u202e", "app3");
        AuditResult result = Auditor.audit("dump.json", dump.json(), AuditOptions.at(NOW));

        String markdown = AuditExport.markdown(result);
        String table = AuditExport.table(result);

        assertThat(markdown).doesNotContain("![", "](", "<img", "\u001b", "\u202e")
                .contains("\\!\\[x\\]\\(https://attacker.example/beacon.png\\)", "\\[click\\]\\(javascript:alert\\(1\\)\\)", "&lt;img src=x");
        assertThat(table).doesNotContain("\u001b", "\u202e").contains("\\u001b[2J\\u202e");
    }

    // ---- 9: crit and b64 ----------------------------------------------------------------------

    private static String signRaw(String headerJson, byte[] signingInputTail, String payloadSegment) throws Exception {
        String header = TestTokens.b64(headerJson);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(TestTokens.rsaPrivateKey());
        rsa.update((header + ".").getBytes(StandardCharsets.US_ASCII));
        rsa.update(signingInputTail);
        return header + "." + payloadSegment + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    @ParameterizedTest(name = "header {0}: signature verified mathematically, token refused ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            {"alg":"RS256","crit":["exp"],"exp":1}                  | crit-header
            {"alg":"RS256","crit":"b64"}                            | crit-header
            {"alg":"RS256","b64":false,"crit":["b64"]}              | unencoded-payload
            {"alg":"RS256","b64":"no","crit":["b64"]}               | unencoded-payload
            """)
    void criticalHeadersGoJoseRefusesMakeTheTokenRefused(String header, String code) throws Exception {
        String payload = TestTokens.b64(bound("\"exp\":1796821200,\"iat\":1796817600,").formatted(""));
        String token = signRaw(header, payload.getBytes(StandardCharsets.US_ASCII), payload);

        TokenReport report = token(token, rsaKey());

        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(report.findings()).filteredOn(f -> f.code().equals(code)).first()
                .satisfies(f -> assertThat(f.severity().id()).isEqualTo("error"))
                .satisfies(f -> assertThat(f.message()).contains("go-jose").contains("refuse"));
        assertThat(report.failsStrict()).isTrue();
    }

    @Test
    void anUnencodedPayloadSignedAsRfc7797SaysVerifiesAsGoJoseChecksIt() throws Exception {
        String claims = bound("\"exp\":1796821200,\"iat\":1796817600,").formatted("");
        String payload = TestTokens.b64(claims);
        String token = signRaw("{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"]}", claims.getBytes(StandardCharsets.UTF_8), payload);

        TokenReport report = token(token, rsaKey());

        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("unencoded-payload-signed")).singleElement()
                .satisfies(f -> assertThat(f.severity().id()).isEqualTo("warning"));
        assertThat(codes(report)).doesNotContain("crit-header", "unencoded-payload");
    }

    // ---- 10: kid naming no loaded key --------------------------------------------------------

    @Test
    void aKidNamingNoLoadedKeyIsRefusedFromKubernetes131() {
        String token = TestTokens.sign(bound("\"exp\":1796821200,\"iat\":1796817600,").formatted(""), "RS256", TestTokens.rsaPrivateKey(), "old-key");

        TokenReport report = token(token, rsaKey());

        assertThat(report.signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("kid-mismatch")).singleElement()
                .satisfies(f -> assertThat(f.severity().id()).isEqualTo("error"))
                .satisfies(f -> assertThat(f.message()).contains("Kubernetes 1.31", "invalid signature, no keys found", "1.30 and older"));
        assertThat(report.failsStrict()).isTrue();
    }

    // ---- 12: HMAC only from a secret given as one ---------------------------------------------

    @Test
    void publicKeyBytesGivenAsAnHmacSecretAreWarnedOf() {
        byte[] pem = Fixtures.text("kubernetes-test-keys/rsa_public.pem").getBytes(StandardCharsets.UTF_8);
        byte[] der = Base64.getMimeDecoder().decode(Fixtures.text("kubernetes-test-keys/rsa_public.pem").replaceAll("-----[A-Z ]+-----", "").strip());

        assertThat(KeyReader.publicKeyAsSecret("sa.pub", pem)).get().extracting(Finding::code).isEqualTo("hmac-secret-is-public-key");
        assertThat(KeyReader.publicKeyAsSecret("sa.der", der)).isPresent();
        assertThat(KeyReader.publicKeyAsSecret("secret", "a shared secret of some length".getBytes(StandardCharsets.UTF_8))).isEmpty();
        LoadedKey key = KeyReader.hmacSecret("sa.pub", pem);
        assertThat(KeyReader.describe("sa.pub", key).code()).isEqualTo("hmac-secret-is-public-key");
        assertThat(KeyReader.describe("sa.pub", key).message()).contains("algorithm-confusion");
    }

    // ---- 13: true key labels, unreadable entries listed ----------------------------------------

    @Test
    void aSecp256k1KeyIsNamedAsSuchAndNeverChecksEs256() {
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"kid\":\"k1\","
                + "\"x\":\"eb5mfvncu6xVoGKVzocLBwKb_NstzijZWfKBWxb4F5g\",\"y\":\"SDradyajxGVdpPv8DhEIqP0XtEimhVQZnEfQj_sQ1Lg\"},"
                + "{\"kty\":\"RSA\",\"kid\":\"broken\"}, 7]}";
        KeyReader.KeyLoad load = KeyReader.read("jwks", jwks);

        assertThat(load.keys()).isEmpty();
        assertThat(load.notes()).extracting(Finding::code).containsExactly("jwk-unreadable", "jwk-unreadable", "jwk-unreadable");
        assertThat(load.notes()).extracting(Finding::message).containsExactly(
                "JWKS key 1 cannot be read: crv \"secp256k1\" is not P-256, P-384 or P-521, the curves of ES256, ES384 and ES512"
                        + " (the only EC signatures Kubernetes makes).",
                "JWKS key 2 cannot be read: n is missing.",
                "JWKS key 3 cannot be read: it is not a JSON object.");
        TokenReport report = token(TestTokens.es256(bound("\"exp\":1796821200,\"iat\":1796817600,").formatted("")), load.keys());
        assertThat(report.signature()).isEqualTo(SignatureStatus.UNVERIFIED);
    }

    // ---- 3: files that never end ---------------------------------------------------------------

    @Test
    void onlyRegularFilesAreRead(@TempDir Path dir) throws Exception {
        assertThat(InputFiles.read(Path.of("/dev/zero")).error()).contains("not a regular file");
        assertThat(InputFiles.readBytes(Path.of("/dev/zero"), InputFiles.MAX_SECRET_BYTES).error()).contains("not a regular file");
        assumeTrue(Files.exists(Path.of("/dev/stdin")));
        assertThat(InputFiles.read(Path.of("/dev/stdin")).error()).contains("not a regular file");
        Path big = Files.write(dir.resolve("big.txt"), new byte[(int) InputFiles.MAX_SECRET_BYTES + 1]);
        assertThat(InputFiles.readBytes(big, InputFiles.MAX_SECRET_BYTES).error()).contains("more than the 64 KB limit");
    }

    @Test
    void aKubeconfigTokenFileThatIsAFifoIsRefusedNotWaitedFor(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("token");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                users:
                - name: bot
                  user: {tokenFile: token}
                """);

        SourceReport report = analyzer.analyzeFile(kubeconfig, VerificationSettings.NONE);
        AuditResult audit = Auditor.audit(List.of(fifo), AuditOptions.at(NOW), Auditor.Progress.NONE, () -> false);

        assertThat(report.notes()).filteredOn(f -> f.code().equals("token-file-missing")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not a regular file"));
        assertThat(analyzer.analyzeFile(fifo, VerificationSettings.NONE).error()).contains("not a regular file");
        assertThat(audit.problems()).singleElement().satisfies(p -> assertThat(p).contains("not a regular file"));
    }

    // ---- 6: a bug on one input -----------------------------------------------------------------

    @Test
    void aBugWhileReadingOneInputBecomesItsErrorNamingIt() {
        Clock broken = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new ArithmeticException("long overflow");
            }
        };

        SourceReport report = new Analyzer(broken).analyzeText("token.jwt", TestTokens.rs256("{\"sub\":\"x\"}"));

        assertThat(report.readable()).isFalse();
        assertThat(report.error()).startsWith(Analyzer.INTERNAL_ERROR).contains("token.jwt").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBoundTokenWithoutIssIsNotAcceptedWhenIssuersAreGiven() {
        // Found by WholePathFuzzTest: Set.of(...).contains(null) threw, and the token became an internal error.
        String token = TestTokens.rs256(bound("\"exp\":1796821200,\"iat\":1796817600,").formatted("").replace("\"iss\":\"https://kubernetes.default.svc\",", ""));

        TokenReport report = analyzer.analyzeText("paste", token, new VerificationSettings(List.of(), Set.of(), Set.of("https://kubernetes.default.svc")))
                .tokens().get(0);

        assertThat(report.decoded()).isTrue();
        assertThat(report.findings()).filteredOn(f -> f.code().equals("issuer-not-accepted")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("iss is missing"));
    }
}
