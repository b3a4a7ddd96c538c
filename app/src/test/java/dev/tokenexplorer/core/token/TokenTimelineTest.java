package dev.tokenexplorer.core.token;

import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenTimelineTest {

    /** 2026-12-09T12:00:00Z: the instant the minted tokens are issued at. */
    private static final long IAT = 1796817600L;

    private static TokenTimeline timeline(String token, Instant now) {
        return new TokenAnalyzer().analyze("token", token, now, List.of()).timeline();
    }

    private static TokenTimeline seed(String now) {
        return timeline(Fixtures.text(Fixtures.PROJECTED), Instant.parse(now));
    }

    /** A token shaped like Kubernetes issues it, signed with the Kubernetes test key. */
    private static String mint(String boundObject, long nbf, long lifetime, Long warnAfter) {
        return TestTokens.rs256("{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":" + (IAT + lifetime) + ",\"iat\":" + IAT
                + ",\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"default\"," + boundObject
                + "\"serviceaccount\":{\"name\":\"app\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"}"
                + (warnAfter == null ? "" : ",\"warnafter\":" + warnAfter) + "},\"nbf\":" + nbf
                + ",\"sub\":\"system:serviceaccount:default:app\"}");
    }

    private static final String POD = "\"pod\":{\"name\":\"web-0\",\"uid\":\"d822ba5f-4290-4bca-94ce-f3bc0dca2e36\"},";

    @ParameterizedTest(name = "seed token at {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2022-08-19T12:08:00Z | VALID   | Valid for another 41 minutes; the kubelet replaces it in 29 minutes; after 12:49 UTC it is stale: still accepted until 19 Aug 2023, but flagged in the audit log.
            2022-08-19T12:45:00Z | VALID   | Valid for another 4 minutes; the kubelet should have replaced it 7 minutes ago; after 12:49 UTC it is stale: still accepted until 19 Aug 2023, but flagged in the audit log.
            2022-08-19T14:00:00Z | STALE   | Stale for 1 hour 10 minutes: still accepted until 19 Aug 2023 (in 12 months), but every use is flagged in the audit log; the kubelet would have replaced it 1 hour 22 minutes ago.
            2023-09-01T00:00:00Z | EXPIRED | Expired 12 days ago (19 Aug 2023 11:49 UTC).
            """)
    void extendedSeedTokenSummary(String now, Phase phase, String summary) {
        TokenTimeline t = seed(now);

        assertThat(t.phase()).isEqualTo(phase);
        assertThat(t.summary(ZoneOffset.UTC)).isEqualTo(summary);
    }

    @Test
    void extendedSeedTokenExpiresInEffectAtWarnAfterAndRefreshesAfterAbout48Minutes() {
        TokenTimeline t = seed("2022-08-19T12:08:00Z");

        assertThat(t.extended()).isTrue();
        assertThat(t.effectiveExpiry()).isEqualTo(Instant.ofEpochSecond(1660913348L));
        // 80 % of the requested 3607 s, not of the year in exp: 2885.6 s after iat.
        assertThat(t.refreshAt()).isEqualTo(Instant.ofEpochSecond(1660909741L).plusMillis(2_885_600));
        assertThat(t.phases()).extracting(PhaseSpan::phase)
                .containsExactly(Phase.NOT_YET_VALID, Phase.VALID, Phase.STALE, Phase.EXPIRED);
        assertThat(t.phases().get(3).from()).isEqualTo(Instant.ofEpochSecond(1692445741L + 61));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            10-minute TokenRequest token | ''  | 600    | 300    | 600    |        | VALID         | Valid for another 5 minutes (until 12:10 UTC).
            10-minute pod token          | POD | 600    | 300    | 600    | 480    | VALID         | Valid for another 5 minutes (until 12:10 UTC); the kubelet replaces it in 3 minutes.
            1-hour pod token             | POD | 3600   | 60     | 3600   | 2880   | VALID         | Valid for another 59 minutes (until 13:00 UTC); the kubelet replaces it in 47 minutes.
            48-hour pod token: 24 h wins | POD | 172800 | 3600   | 172800 | 86400  | VALID         | Valid for another 1 day (until 11 Dec 2026 12:00 UTC); the kubelet replaces it in 23 hours.
            expired pod token            | POD | 3600   | 262800 | 3600   | 2880   | EXPIRED       | Expired 3 days ago (9 Dec 2026 13:00 UTC).
            """)
    void mintedTokens(String name, String bound, long lifetime, long age, long effectiveAfter, Long refreshAfter, Phase phase, String summary) {
        TokenTimeline t = timeline(mint(bound.equals("POD") ? POD : "", IAT, lifetime, null), Instant.ofEpochSecond(IAT + age));

        assertThat(t.effectiveExpiry()).isEqualTo(Instant.ofEpochSecond(IAT + effectiveAfter));
        assertThat(t.refreshAt()).isEqualTo(refreshAfter == null ? null : Instant.ofEpochSecond(IAT + refreshAfter));
        assertThat(t.phase()).isEqualTo(phase);
        assertThat(t.summary(ZoneOffset.UTC)).isEqualTo(summary);
    }

    @Test
    void extendedMintedTokenRefreshesFromTheRequestedLifetime() {
        TokenTimeline t = timeline(mint(POD, IAT, 31_536_000, IAT + 3607), Instant.ofEpochSecond(IAT + 600));

        assertThat(t.effectiveExpiry()).isEqualTo(Instant.ofEpochSecond(IAT + 3607));
        assertThat(t.refreshAt()).isEqualTo(Instant.ofEpochSecond(IAT).plusMillis(2_885_600));
        assertThat(t.summary(ZoneOffset.UTC)).startsWith("Valid for another 50 minutes; the kubelet replaces it in 38 minutes; after 13:00 UTC it is stale");
    }

    @Test
    void notYetValidTokenSaysWhenItStarts() {
        TokenTimeline t = timeline(mint(POD, IAT + 3600, 7200, null), Instant.ofEpochSecond(IAT));

        assertThat(t.phase()).isEqualTo(Phase.NOT_YET_VALID);
        assertThat(t.summary(ZoneOffset.UTC)).isEqualTo("Not valid yet: it becomes valid in 1 hour (13:00 UTC) and then lasts 1 hour.");
    }

    @Test
    void legacyTokenNeverExpiresAndSaysWhatRevokesIt() {
        TokenTimeline t = timeline(Fixtures.text(Fixtures.LEGACY_V120), Instant.ofEpochSecond(IAT));

        assertThat(t.effectiveExpiry()).isNull();
        assertThat(t.refreshAt()).isNull();
        assertThat(t.phases()).extracting(PhaseSpan::phase).containsExactly(Phase.VALID);
        assertThat(t.summary(ZoneOffset.UTC)).isEqualTo("Never expires. Works until Secret default/default-token-57llx is deleted, or service account default/default is deleted or re-created.");
        assertThat(t.missing()).containsExactly("No iat: when it was issued is unknown.", "No exp, as with every legacy token: it never expires.");
    }

    @Test
    void describeListsEveryFactForCopyingAndScreenReaders() {
        String facts = seed("2022-08-19T12:08:00Z").describe(ZoneOffset.UTC);

        assertThat(facts).contains("Issued (iat): 19 Aug 2022 11:49:01 UTC", "Kubelet refresh: 19 Aug 2022 12:37:06 UTC",
                "Warn after: 19 Aug 2022 12:49:08 UTC", "Expires (exp): 19 Aug 2023 11:49:01 UTC", "Phase now: Valid",
                "Stops working when Pod default/busybox (uid d822ba5f-4290-4bca-94ce-f3bc0dca2e36) is deleted, or at exp (19 Aug 2023 11:49:01 UTC).");
    }

    @Test
    void phaseAgreesWithTheStatusAtEveryInstant() {
        String token = Fixtures.text(Fixtures.PROJECTED);
        TokenAnalyzer analyzer = new TokenAnalyzer();
        for (long t = 1660909741L - 200; t < 1692445741L + 200; t += (t < 1660913348L + 200 || t > 1692445741L - 200) ? 1 : 86_400) {
            TokenReport report = analyzer.analyze("token", token, Instant.ofEpochSecond(t), List.of());
            Phase expected = switch (report.status()) {
                case ACTIVE, NEVER_EXPIRES -> Phase.VALID;
                case STALE -> Phase.STALE;
                case EXPIRED -> Phase.EXPIRED;
                case NOT_YET_VALID -> Phase.NOT_YET_VALID;
            };
            assertThat(report.timeline().phase()).as("phase at %d", t).isEqualTo(expected);
        }
        assertThat(TokenStatus.values()).hasSize(5);
    }
}
