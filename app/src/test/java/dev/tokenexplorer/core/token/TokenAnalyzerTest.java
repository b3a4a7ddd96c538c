package dev.tokenexplorer.core.token;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAnalyzerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final long T = NOW.getEpochSecond();

    private final TokenAnalyzer analyzer = new TokenAnalyzer();

    private TokenReport analyze(String compact, Instant now) {
        return analyzer.analyze("token", compact, now, List.of());
    }

    private TokenReport mint(String payload) {
        return analyze(TestTokens.rs256(payload), NOW);
    }

    private static List<String> codes(TokenReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    private static String bound(String extra) {
        return "{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":" + (T + 3600) + ",\"iat\":" + T
                + ",\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"team-a\"," + extra
                + "\"serviceaccount\":{\"name\":\"builder\",\"uid\":\"14ee3fa4-a7e2-420f-9f9a-dbc4507c3798\"}},\"nbf\":" + T
                + ",\"sub\":\"system:serviceaccount:team-a:builder\"}";
    }

    @Test
    void projectedSeedTokenIsBoundToItsPod() {
        TokenReport report = analyze(Fixtures.text(Fixtures.PROJECTED), Instant.parse("2022-08-19T12:00:00Z"));

        assertThat(report.kind()).isEqualTo(TokenKind.BOUND_POD);
        assertThat(report.kubernetes().namespace()).isEqualTo("default");
        assertThat(report.kubernetes().serviceAccountName()).isEqualTo("default");
        assertThat(report.kubernetes().pod()).isEqualTo(new ObjectRef("Pod", "busybox", "d822ba5f-4290-4bca-94ce-f3bc0dca2e36"));
        assertThat(report.times().warnAfter()).isEqualTo(1660913348L);
        assertThat(report.times().expiresAt()).isEqualTo(1692445741L);
        assertThat(report.signature()).isEqualTo(SignatureStatus.UNVERIFIED);
    }

    @ParameterizedTest(name = "at {0} the projected token is {1}")
    @CsvSource(textBlock = """
            2022-08-19T12:00:00Z, ACTIVE
            2022-08-19T14:00:00Z, STALE
            2023-09-01T00:00:00Z, EXPIRED
            2022-08-19T11:47:00Z, NOT_YET_VALID
            2022-08-19T11:48:10Z, ACTIVE
            """)
    void projectedSeedTokenStatusFollowsTheClock(String now, TokenStatus expected) {
        TokenReport report = analyze(Fixtures.text(Fixtures.PROJECTED), Instant.parse(now));

        assertThat(report.status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is a legacy token that never expires")
    @CsvSource(textBlock = """
            seed-v1.20-legacy-secret.jwt,         default,      default,       default-token-57llx
            seed-v1.24-explicit-secret-legacy.jwt, default,     sa-token-demo, explicit-sa-token
            """)
    void legacySeedTokensNeverExpire(String fixture, String namespace, String serviceAccount, String secret) {
        TokenReport report = analyze(Fixtures.text(fixture), NOW);

        assertThat(report.kind()).isEqualTo(TokenKind.LEGACY);
        assertThat(report.status()).isEqualTo(TokenStatus.NEVER_EXPIRES);
        assertThat(report.kubernetes().namespace()).isEqualTo(namespace);
        assertThat(report.kubernetes().serviceAccountName()).isEqualTo(serviceAccount);
        assertThat(report.kubernetes().legacySecretName()).isEqualTo(secret);
        assertThat(codes(report)).containsExactly("legacy-never-expires");
        assertThat(report.findings().get(0).message()).contains("Secret " + namespace + "/" + secret);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pod and node          | "node":{"name":"n1","uid":"u3"},"pod":{"name":"web-0","uid":"u1"},  | BOUND_POD
            secret                | "secret":{"name":"s1","uid":"u2"},                                  | BOUND_SECRET
            node only             | "node":{"name":"n1","uid":"u3"},                                    | BOUND_NODE
            no bound object       | ''                                                                  | BOUND
            """)
    void boundTokensAreClassifiedByTheirBoundObject(String name, String extra, TokenKind expected) {
        TokenReport report = mint(bound(extra.equals("''") ? "" : extra));

        assertThat(report.kind()).isEqualTo(expected);
        assertThat(report.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(report.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void shapeDecidesTheKindNotTheIssuer() {
        TokenReport report = mint(bound("\"pod\":{\"name\":\"p\",\"uid\":\"u\"},").replace("https://kubernetes.default.svc\",\"kubernetes.io", "kubernetes/serviceaccount\",\"kubernetes.io"));

        assertThat(report.jwt().claimText("iss")).contains("kubernetes/serviceaccount");
        assertThat(report.kind()).isEqualTo(TokenKind.BOUND_POD);
    }

    @Test
    void secretAndPodTogetherAreRejectedAsTheApiServerDoes() {
        TokenReport report = mint(bound("\"pod\":{\"name\":\"p\",\"uid\":\"u1\"},\"secret\":{\"name\":\"s\",\"uid\":\"u2\"},"));

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("multiple-bound-objects");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("token can only be bound to one object type");
        });
    }

    @Test
    void subjectDisagreeingWithKubernetesClaimsIsAnError() {
        TokenReport report = mint(bound("").replace("system:serviceaccount:team-a:builder", "system:serviceaccount:team-b:builder"));

        assertThat(codes(report)).contains("subject-mismatch");
        assertThat(report.findings()).filteredOn(f -> f.code().equals("subject-mismatch"))
                .first().satisfies(f -> assertThat(f.message()).contains("team-b/builder").contains("team-a/builder"));
    }

    @Test
    void namespaceAndServiceAccountComeFromSubWhenClaimsAreMissing() {
        TokenReport report = mint("{\"iss\":\"https://issuer.example\",\"sub\":\"system:serviceaccount:ops:deployer\",\"exp\":" + (T + 60) + "}");

        assertThat(report.kind()).isEqualTo(TokenKind.OTHER);
        assertThat(report.kubernetes().namespace()).isEqualTo("ops");
        assertThat(report.kubernetes().serviceAccountName()).isEqualTo("deployer");
        assertThat(codes(report)).contains("no-kubernetes-claims");
    }

    @Test
    void legacyTokenMissingAClaimQuotesTheApiServer() {
        TokenReport report = mint("{\"iss\":\"kubernetes/serviceaccount\",\"kubernetes.io/serviceaccount/namespace\":\"default\","
                + "\"kubernetes.io/serviceaccount/secret.name\":\"old-token\",\"kubernetes.io/serviceaccount/service-account.name\":\"old\","
                + "\"sub\":\"system:serviceaccount:default:old\"}");

        assertThat(report.kind()).isEqualTo(TokenKind.LEGACY);
        assertThat(report.findings()).filteredOn(f -> f.code().equals("legacy-claim-missing"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("serviceAccountUID claim is missing"));
    }

    @Test
    void unsignedTokenIsNeverVerified() {
        TokenReport report = analyze(TestTokens.unsigned(bound("")), NOW);

        assertThat(report.signature()).isEqualTo(SignatureStatus.UNSIGNED);
        assertThat(codes(report)).contains("unsigned");
        assertThat(report.worstSeverity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void expiredTokenSaysWhenAndWhy() {
        TokenReport report = mint(bound("").replace("\"exp\":" + (T + 3600), "\"exp\":" + (T - 3 * 86400)));

        assertThat(report.status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(report.findings().get(0).code()).isEqualTo("expired");
        assertThat(report.findings().get(0).message()).contains("3 days ago").contains("service account token has expired");
    }

    @Test
    void leewayOfSixtySecondsAppliesAtExpiry() {
        String payload = bound("").replace("\"exp\":" + (T + 3600), "\"exp\":" + (T - 60));

        assertThat(mint(payload).status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(mint(payload.replace("\"exp\":" + (T - 60), "\"exp\":" + (T - 61))).status()).isEqualTo(TokenStatus.EXPIRED);
    }

    @Test
    void tokenIssuedInTheFutureIsNotYetValid() {
        TokenReport report = mint(bound("").replace("\"nbf\":" + T, "\"nbf\":" + (T + 600)).replace("\"iat\":" + T, "\"iat\":" + (T + 600)));

        assertThat(report.status()).isEqualTo(TokenStatus.NOT_YET_VALID);
        assertThat(codes(report)).contains("not-yet-valid");
    }

    @Test
    void staleTokenIsStillAcceptedButFlagged() {
        TokenReport report = analyze(Fixtures.text(Fixtures.PROJECTED), Instant.parse("2022-08-19T14:00:00Z"));

        assertThat(codes(report)).contains("stale", "extended-expiry");
        assertThat(report.findings()).filteredOn(f -> f.code().equals("stale")).first()
                .satisfies(f -> assertThat(f.message()).contains("still accepts it until 19 Aug 2023"));
    }

    @Test
    void dateClaimThatIsNotANumberIsNamed() {
        TokenReport report = mint(bound("").replace("\"exp\":" + (T + 3600), "\"exp\":\"tomorrow\""));

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("invalid-time-claim");
            assertThat(f.message()).startsWith("Exp is not a number");
        });
    }

    @Test
    void remoteKeyHeadersAreFlaggedNotFollowed() {
        String token = TestTokens.b64("{\"alg\":\"RS256\",\"jku\":\"https://attacker.example/jwks\",\"crit\":[\"exp\"]}") + "."
                + TestTokens.b64(bound("")) + ".c2ln";

        assertThat(codes(analyze(token, NOW))).contains("remote-key-header", "crit-header");
    }

    @Test
    void aTokenCutOffBeforeItsSignatureStillShowsItsClaimsKindAndTimeline() {
        String whole = Fixtures.text(Fixtures.PROJECTED).strip();
        String cut = whole.substring(0, whole.lastIndexOf('.'));

        TokenReport report = analyze(cut, Instant.parse("2022-08-19T12:00:00Z"));

        assertThat(report.decoded()).isTrue();
        assertThat(report.error()).contains("this has 2: the signature is missing");
        assertThat(report.kind()).isEqualTo(TokenKind.BOUND_POD);
        assertThat(report.timeline()).isNotNull();
        assertThat(report.signature()).isNull();
        assertThat(report.findingsWithError().get(0).code()).isEqualTo("malformed");
    }

    @Test
    void aDamagedSignatureSaysWhereAndKeepsTheClaims() {
        String whole = Fixtures.text(Fixtures.PROJECTED).strip();
        int signature = whole.lastIndexOf('.') + 1;
        String damaged = whole.substring(0, signature + 3) + "!" + whole.substring(signature + 4);

        TokenReport report = analyze(damaged, Instant.parse("2022-08-19T12:00:00Z"));

        assertThat(report.error()).isEqualTo("The signature segment is not valid base64url: character '!' at position "
                + (signature + 4) + " is not allowed.");
        assertThat(report.kind()).isEqualTo(TokenKind.BOUND_POD);
        assertThat(report.jwt().claims().get("sub").asText()).startsWith("system:serviceaccount:");
    }

    @Test
    void aBadCharacterInThePayloadSaysItsSegmentAndPosition() {
        String whole = Fixtures.text(Fixtures.PROJECTED).strip();
        int payload = whole.indexOf('.') + 1;
        String damaged = whole.substring(0, payload + 9) + "*" + whole.substring(payload + 10);

        TokenReport report = analyze(damaged, NOW);

        assertThat(report.decoded()).isFalse();
        assertThat(report.error()).isEqualTo("The payload segment is not valid base64url: character '*' at position " + (payload + 10)
                + " is not allowed.");
    }
}
