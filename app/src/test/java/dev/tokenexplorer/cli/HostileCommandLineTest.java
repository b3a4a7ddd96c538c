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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 18 from the command line: exit codes and what is printed when inputs are hostile. */
class HostileCommandLineTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TokenExplorerCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), clock);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(Clock.fixed(NOW, ZoneOffset.UTC), args);
    }

    private static String key() {
        return Fixtures.path("kubernetes-test-keys/rsa_public.pem").toString();
    }

    private static String bound(String times) {
        return "{\"aud\":[\"https://kubernetes.default.svc\"]," + times + "\"iss\":\"https://kubernetes.default.svc\","
                + "\"kubernetes.io\":{\"namespace\":\"default\",\"serviceaccount\":{\"name\":\"app\",\"uid\":\"8208ff56\"}},"
                + "\"sub\":\"system:serviceaccount:default:app\"}";
    }

    private static final String GOOD_TIMES = "\"exp\":1796821200,\"iat\":1796817600,\"nbf\":1796817600,";

    @Test
    void aTokenWithAnOverflowingDateAndAGoodTokenAreBothReported(@TempDir Path dir) throws Exception {
        Path hostile = Files.writeString(dir.resolve("hostile.jwt"), TestTokens.rs256(bound("\"exp\":1000000000000000000,\"iat\":-9223372036854775808,")));
        Path good = Files.writeString(dir.resolve("good.jwt"), TestTokens.rs256(bound(GOOD_TIMES)));

        Run text = run("inspect", "--now", "2026-12-09T12:30:00Z", "--key", key(), hostile.toString(), good.toString());
        Run json = run("inspect", "--format", "json", "--now", "2026-12-09T12:30:00Z", "--key", key(), hostile.toString(), good.toString());

        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("== " + hostile, "[invalid-time-claim]", "== " + good, "status:           active");
        assertThat(json.json().at("/inputs/0/tokens/0/findings").findValuesAsText("code")).contains("invalid-time-claim");
        assertThat(json.json().at("/inputs/1/tokens/0/status").asText()).isEqualTo("active");
        assertThat(text.err() + json.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBugOnOneInputExitsTwoNamingItAndTheOtherInputIsStillPrinted(@TempDir Path dir) throws Exception {
        Path crashing = Files.writeString(dir.resolve("crashing.jwt"), TestTokens.rs256(bound(GOOD_TIMES)));
        Path good = Files.writeString(dir.resolve("good.jwt"), TestTokens.rs256(bound(GOOD_TIMES)));
        AtomicInteger calls = new AtomicInteger();
        Clock firstReadFails = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (calls.getAndIncrement() == 0) {
                    throw new ArithmeticException("long overflow");
                }
                return Instant.ofEpochSecond(1796818000L);
            }
        };

        Run run = run(firstReadFails, "inspect", crashing.toString(), good.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.out()).contains("== " + crashing, "error: Internal error while reading " + crashing, "== " + good, "status:           active");
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ", "java.lang");
    }

    @ParameterizedTest(name = "--hmac-secret-file {0} exits 2 with a message")
    @CsvSource(textBlock = """
            /dev/zero
            /dev/stdin
            """)
    void hmacSecretFilesThatNeverEndAreRefused(String file) {
        assumeTrue(Files.exists(Path.of(file)));

        Run run = run("inspect", "--hmac-secret-file", file, Fixtures.path(Fixtures.PROJECTED).toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).contains("cannot read the HMAC secret file").contains("not a regular file");
    }

    @Test
    void aPublicKeyGivenAsTheHmacSecretIsWarnedOf() {
        Run run = run("inspect", "--hmac-secret-file", key(), Fixtures.path(Fixtures.PROJECTED).toString());

        assertThat(run.err()).contains("warning:").contains("algorithm-confusion");
        assertThat(run.out()).contains("[hmac-secret-is-public-key]");
    }

    @ParameterizedTest(name = "--strict exits 1 for {0}")
    @CsvSource(delimiter = '|', textBlock = """
            a crit extension go-jose does not understand | {"alg":"RS256","kid":"JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU","crit":["exp"],"exp":1} | GOOD
            a kid naming no loaded key                  | {"alg":"RS256","kid":"rotated-away"}                                                   | GOOD
            an exp that is a string                     | {"alg":"RS256","kid":"JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU"} | "exp":"1","iat":1796817600,
            an exp of 1e300                             | {"alg":"RS256","kid":"JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU"} | "exp":1e300,"iat":1796817600,
            """)
    void strictFailsWhatTheApiServerRefuses(String what, String header, String times, @TempDir Path dir) throws Exception {
        String payload = TestTokens.b64(bound(times.equals("GOOD") ? GOOD_TIMES : times));
        String signingHeader = TestTokens.b64(header);
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(TestTokens.rsaPrivateKey());
        rsa.update((signingHeader + "." + payload).getBytes(StandardCharsets.US_ASCII));
        Path token = Files.writeString(dir.resolve("token.jwt"), signingHeader + "." + payload + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign()));

        Run strict = run("inspect", "--format", "json", "--strict", "--now", "2026-12-09T12:30:00Z", "--key", key(), token.toString());
        Run lenient = run("inspect", "--format", "json", "--now", "2026-12-09T12:30:00Z", "--key", key(), token.toString());

        assertThat(strict.json().at("/inputs/0/tokens/0/signature").asText()).isEqualTo("verified");
        assertThat(strict.exit()).isEqualTo(ExitCodes.STRICT_FAILURE);
        assertThat(lenient.exit()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anInstantOutsideTheYearsTokensCarryIsAUsageError() {
        Run run = run("inspect", "--now", "+1000000000-12-31T23:59:59Z", Fixtures.path(Fixtures.PROJECTED).toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).contains("outside the years 1970 to 9999");
    }

    @Test
    void aFifoGivenToAuditIsAProblemNotAHang(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("dump.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);

        Run run = run("audit", fifo.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).contains("not a regular file");
    }

    @Test
    void keySetEntriesThatCannotBeReadOrAreNeverUsedAreSaidNotDropped(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[" + Fixtures.text("rfc7515/rfc7515_A.2.jwk").strip()
                + ",{\"kty\":\"RSA\",\"kid\":\"broken\"}," + Fixtures.text("rfc7515/rfc7515_A.1.jwk").strip() + "]}");

        Run run = run("inspect", "--key", jwks.toString(), Fixtures.path(Fixtures.PROJECTED).toString());

        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("warning: key " + jwks + ": JWKS key 2 cannot be read")
                .contains("warning: key " + jwks + ": JWKS key 3 is a symmetric key (kty oct): listed, never used");
    }
}
