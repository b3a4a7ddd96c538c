package dev.tokenexplorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectCommandTest {

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TokenExplorerCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String fixture(String name) {
        return Fixtures.path(name).toString();
    }

    @ParameterizedTest(name = "at {0} the projected token is {1}")
    @CsvSource(textBlock = """
            2022-08-19T12:00:00Z, active
            2022-08-19T14:00:00Z, stale
            2023-09-01T00:00:00Z, expired
            """)
    void projectedTokenStatusAtAGivenInstant(String now, String status) throws Exception {
        Run run = run("", "inspect", "--format", "json", "--now", now, fixture(Fixtures.PROJECTED));

        assertThat(run.exit()).isZero();
        JsonNode token = run.json().at("/inputs/0/tokens/0");
        assertThat(token.get("kind").asText()).isEqualTo("bound-pod");
        assertThat(token.get("namespace").asText()).isEqualTo("default");
        assertThat(token.get("serviceAccount").asText()).isEqualTo("default");
        assertThat(token.get("warnAfter").asLong()).isEqualTo(1660913348L);
        assertThat(token.get("expiresAt").asLong()).isEqualTo(1692445741L);
        assertThat(token.get("status").asText()).isEqualTo(status);
        assertThat(token.get("signature").asText()).isEqualTo("unverified");
        assertThat(token.at("/timeline/phase").asText()).isEqualTo(status.equals("active") ? "valid" : status);
        assertThat(token.at("/timeline/effectiveExpiry").asLong()).isEqualTo(1660913348L);
        assertThat(token.at("/timeline/refreshAt").asLong()).isEqualTo(1660912626L);
        assertThat(token.at("/timeline/extended").asBoolean()).isTrue();
    }

    @Test
    void jsonKeepsTheContractFieldNames() throws Exception {
        Run run = run("", "inspect", "--format", "json", fixture(Fixtures.EXPLICIT_SECRET));

        JsonNode input = run.json().at("/inputs/0");
        assertThat(fieldNames(input)).startsWith("source", "type", "error", "tokens");
        assertThat(input.get("type").asText()).isEqualTo("secret");
        assertThat(input.get("error").isNull()).isTrue();
        JsonNode token = input.at("/tokens/0");
        assertThat(fieldNames(token)).containsSubsequence("location", "error", "header", "claims", "kind", "namespace", "serviceAccount",
                "issuedAt", "notBefore", "expiresAt", "warnAfter", "status", "signature", "findings", "timeline");
        assertThat(token.get("location").asText()).isEqualTo("Secret default/explicit-sa-token data.token");
        assertThat(token.get("kind").asText()).isEqualTo("legacy");
        assertThat(token.get("status").asText()).isEqualTo("never-expires");
        assertThat(token.get("expiresAt").isNull()).isTrue();
        assertThat(token.at("/findings/0/code").asText()).isEqualTo("legacy-never-expires");
        assertThat(token.at("/findings/0/severity").asText()).isEqualTo("warning");
        assertThat(token.at("/claims/kubernetes.io~1serviceaccount~1secret.name").asText()).isEqualTo("explicit-sa-token");
    }

    @Test
    void readsStandardInputWhenGivenDash() throws Exception {
        Run run = run("Bearer " + Fixtures.text(Fixtures.LEGACY_V120), "inspect", "--format", "json", "-");

        assertThat(run.exit()).isZero();
        assertThat(run.json().at("/inputs/0/source").asText()).isEqualTo("-");
        assertThat(run.json().at("/inputs/0/tokens/0/kind").asText()).isEqualTo("legacy");
    }

    @Test
    void unreadableInputExitsTwoWithItsErrorInTheOutput(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("notes.txt"), "shopping list: eggs, milk");

        Run run = run("", "inspect", "--format", "json", fixture(Fixtures.PROJECTED), garbage.toString(), dir.resolve("missing.jwt").toString());

        assertThat(run.exit()).isEqualTo(2);
        JsonNode inputs = run.json().get("inputs");
        assertThat(inputs.get(0).get("error").isNull()).isTrue();
        assertThat(inputs.get(1).get("type").asText()).isEqualTo("unknown");
        assertThat(inputs.get(1).get("error").asText()).contains("Expected a JWT");
        assertThat(inputs.get(2).get("error").asText()).contains("does not exist");
    }

    @Test
    void aTokenWithoutItsSignatureReportsTheErrorAndStillItsClaims() throws Exception {
        Run run = run("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0", "inspect", "--format", "json", "--strict");

        JsonNode token = run.json().at("/inputs/0/tokens/0");
        assertThat(token.get("error").asText()).contains("this has 2");
        assertThat(token.get("claims").get("sub").asText()).isEqualTo("x");
        assertThat(token.get("signature").isNull()).isTrue();
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aKubeconfigUsersOpaqueTokenIsANoteNotABrokenToken() throws Exception {
        Run run = run("""
                apiVersion: v1
                kind: Config
                users:
                - {name: ci, user: {token: abc}}
                """, "inspect", "--format", "json");

        JsonNode input = run.json().at("/inputs/0");
        assertThat(run.exit()).isZero();
        assertThat(input.get("error").isNull()).isTrue();
        assertThat(input.get("tokens")).isEmpty();
        assertThat(input.get("notes").findValuesAsText("code")).contains("static-token");
        assertThat(input.get("notes").findValuesAsText("message")).anySatisfy(m -> assertThat(m)
                .contains("The token of user \"ci\" is an opaque bearer token of 3 characters, not a JWT").contains("--token-auth-file"));
    }

    @Test
    void anAliasChainIsRefusedWithExitTwoByBothCommands(@TempDir Path dir) throws Exception {
        String chain = TestTokens.aliasChain(24);
        Path file = Files.writeString(dir.resolve("chain.yaml"), chain);

        Run inspect = run("", "inspect", file.toString());
        Run audit = run("", "audit", file.toString());

        assertThat(inspect.exit()).isEqualTo(2);
        assertThat(inspect.out()).contains("counting each alias as what it repeats");
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.err()).contains("counting each alias as what it repeats");
    }

    @Test
    void binaryFileIsRefusedWithAMessage(@TempDir Path dir) throws Exception {
        Path binary = Files.write(dir.resolve("app.bin"), new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 1, 2});

        Run run = run("", "inspect", binary.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("app.bin is a binary file");
    }

    @Test
    void textFormatSummarisesTheToken() {
        Run run = run("", "inspect", "--now", "2022-08-19T12:00:00Z", fixture(Fixtures.PROJECTED));

        assertThat(run.out()).contains("kind:             bound-pod")
                .contains("service account:  default/default")
                .contains("bound to:         Pod default/busybox\n")
                .contains("status:           active")
                .contains("warn after:       19 Aug 2022 12:49:08 UTC (in 49 minutes)")
                .contains("kubelet refresh:  19 Aug 2022 12:37:06 UTC (in 37 minutes)")
                .contains("timeline:         Valid for another 49 minutes; the kubelet replaces it in 37 minutes;");
    }

    @ParameterizedTest(name = "usage error: {0}")
    @CsvSource(textBlock = """
            --now yesterday
            --format xml
            --no-such-option
            """)
    void usageErrorsExitTwo(String args) {
        List<String> argv = new ArrayList<>(List.of("inspect"));
        argv.addAll(List.of(args.split(" ")));

        Run run = run("", argv.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isNotBlank();
    }

    @Test
    void keyVerifiesAndNamesTheKey(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("token.jwt"), dev.tokenexplorer.support.TestTokens.rs256(
                "{\"iss\":\"kubernetes/serviceaccount\",\"kubernetes.io/serviceaccount/namespace\":\"default\","
                        + "\"kubernetes.io/serviceaccount/secret.name\":\"s\",\"kubernetes.io/serviceaccount/service-account.name\":\"a\","
                        + "\"kubernetes.io/serviceaccount/service-account.uid\":\"u\",\"sub\":\"system:serviceaccount:default:a\"}"));

        Run ok = run("", "inspect", "--format", "json", "--strict", "--key", fixture("kubernetes-test-keys/rsa_public.pem"), token.toString());
        Run wrong = run("", "inspect", "--format", "json", "--strict", "--key", fixture("kubernetes-test-keys/other_rsa_public.pem"), token.toString());

        assertThat(ok.exit()).isZero();
        assertThat(ok.json().at("/inputs/0/tokens/0/signature").asText()).isEqualTo("verified");
        assertThat(ok.json().at("/inputs/0/tokens/0/verifiedBy").asText()).isEqualTo(dev.tokenexplorer.support.TestTokens.RSA_KID);
        assertThat(ok.json().at("/keys/0/kubernetesKeyId").asText()).isEqualTo(dev.tokenexplorer.support.TestTokens.RSA_KID);
        assertThat(ok.json().at("/inputs/0/tokens/0/revokedBy").asText()).startsWith("Works until Secret default/s is deleted");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.json().at("/inputs/0/tokens/0/signature").asText()).isEqualTo("invalid");
    }

    @ParameterizedTest(name = "--strict on {0} exits {1}")
    @CsvSource(textBlock = """
            seed-v1.24-projected-bound-pod.jwt, 2022-08-19T12:00:00Z, 0
            seed-v1.24-projected-bound-pod.jwt, 2023-09-01T00:00:00Z, 1
            seed-v1.24-projected-bound-pod.jwt, 2022-08-19T11:00:00Z, 1
            rfc7515/rfc7515_A.5.jwsc,           2010-01-01T00:00:00Z, 1
            """)
    void strictFailsExpiredNotYetValidAndUnsignedTokens(String file, String now, int exit) {
        assertThat(run("", "inspect", "--strict", "--now", now, fixture(file)).exit()).isEqualTo(exit);
    }

    @ParameterizedTest(name = "--strict with {0} {1} exits {2}")
    @CsvSource(textBlock = """
            --audience, https://kubernetes.default.svc.cluster.local, 0
            --audience, vault,                                         1
            --issuer,   https://kubernetes.default.svc.cluster.local, 0
            --issuer,   https://elsewhere.example,                     1
            """)
    void strictFailsATokenTheApiServerWouldRefuseForItsAudienceOrIssuer(String option, String value, int exit) {
        Run run = run("", "inspect", "--strict", "--now", "2022-08-19T12:00:00Z", option, value, fixture(Fixtures.PROJECTED));

        assertThat(run.exit()).isEqualTo(exit);
        assertThat(run.out().contains(option.equals("--audience") ? "audience-mismatch" : "issuer-not-accepted")).isEqualTo(exit == 1);
    }

    @ParameterizedTest(name = "{0} {1} prints the version")
    @CsvSource(textBlock = """
            inspect,  --version
            audit,    -V
            manifest, --version
            """)
    void versionOnASubcommandPrintsTheVersion(String command, String option) {
        Run run = run("", command, option);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("token-explorer ");
    }

    @Test
    void anUnreadableKeyIsInTheOutputAsWellAsOnStandardError(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.pem");

        Run text = run("", "inspect", "--key", missing.toString(), fixture(Fixtures.PROJECTED));
        Run json = run("", "inspect", "--format", "json", "--key", missing.toString(), fixture(Fixtures.PROJECTED));

        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.out()).startsWith("error: cannot use key " + missing);
        assertThat(text.err()).contains("cannot use key " + missing);
        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.json().at("/errors/0").asText()).startsWith("cannot use key " + missing);
        assertThat(json.json().at("/inputs").size()).isZero();
    }

    @Test
    void strictStillExitsTwoForUnreadableInput(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("x.txt"), "not a token");

        assertThat(run("", "inspect", "--strict", fixture("rfc7515/rfc7515_A.5.jwsc"), garbage.toString()).exit()).isEqualTo(2);
    }

    @Test
    void hmacSecretFileVerifiesHs256(@TempDir Path dir) throws Exception {
        Path secret = Files.write(dir.resolve("secret"), "a shared secret that is long enough\n".getBytes(StandardCharsets.UTF_8));
        String token = dev.tokenexplorer.support.TestTokens.sign("{\"sub\":\"x\"}", "HS256",
                new org.jose4j.keys.HmacKey("a shared secret that is long enough".getBytes(StandardCharsets.UTF_8)), null);

        Run run = run(token, "inspect", "--format", "json", "--hmac-secret-file", secret.toString(), "--key", fixture("kubernetes-test-keys/rsa_public.pem"));

        assertThat(run.json().at("/inputs/0/tokens/0/signature").asText()).isEqualTo("verified");
        assertThat(run.json().at("/inputs/0/tokens/0/verifiedBy").asText()).isEqualTo("secret");
    }

    @Test
    void unreadableKeyExitsTwoWithTheReason(@TempDir Path dir) throws Exception {
        Path notAKey = Files.writeString(dir.resolve("key.pem"), "hello");

        Run run = run("", "inspect", "--key", notAKey.toString(), fixture(Fixtures.PROJECTED));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot use key").contains("Not a key");
    }

    @Test
    void audienceMismatchIsAFinding() throws Exception {
        Run run = run("", "inspect", "--format", "json", "--audience", "vault", "--now", "2022-08-19T12:00:00Z", fixture(Fixtures.PROJECTED));

        assertThat(run.json().at("/inputs/0/tokens/0/findings").findValuesAsText("code")).contains("audience-mismatch");
    }

    @Test
    void manifestWritesTheSecretAndRefusesInvalidNames() {
        Run ok = run("", "manifest", "--service-account", "sa-token-demo", "--namespace", "default", "--secret-name", "explicit-sa-token");
        Run bad = run("", "manifest", "--service-account", "Builder", "--namespace", "default");

        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("apiVersion: v1\nkind: Secret\nmetadata:\n  name: explicit-sa-token\n  namespace: default\n");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--service-account: uppercase letters are not allowed: B. The API server says: a lowercase RFC 1123 subdomain");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void onlySubcommandsAreCommandLineInvocations() {
        assertThat(TokenExplorerCommand.wantsCli(new String[]{"inspect", "x"})).isTrue();
        assertThat(TokenExplorerCommand.wantsCli(new String[]{"--help"})).isTrue();
        assertThat(TokenExplorerCommand.wantsCli(new String[]{"/home/me/.kube/config"})).isFalse();
        assertThat(TokenExplorerCommand.wantsCli(new String[]{})).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void everyClaimIsExplainedByItsJsonPointerInJsonAndText() throws Exception {
        String legacy = Fixtures.text(Fixtures.LEGACY_V120);
        JsonNode notes = run(legacy, "inspect", "--format", "json").json().at("/inputs/0/tokens/0/claimNotes");
        Run text = run(legacy, "inspect");

        assertThat(notes.get("/kubernetes.io~1serviceaccount~1secret.name").asText())
                .isEqualTo("Legacy claim: the Secret holding this token; deleting that Secret revokes the token.");
        assertThat(notes.get("/iss").asText()).startsWith("Issuer: who minted the token.");
        assertThat(text.out()).contains("    /kubernetes.io~1serviceaccount~1secret.name = ")
                .contains("      Legacy claim: the Secret holding this token; deleting that Secret revokes the token.\n");
    }
}
