package dev.tokenexplorer.core;

import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.token.TokenStatus;
import dev.tokenexplorer.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzerTest {

    private static Analyzer at(String instant) {
        return new Analyzer(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aTokenDamagedWithACharacterNoTokenHasIsStillReadAsATokenAndTheCharacterIsNamed() {
        String token = Fixtures.text(Fixtures.PROJECTED).strip();
        String damaged = token.substring(0, token.length() - 5) + "%%%%%";

        SourceReport report = at("2022-08-19T14:00:00Z").analyzeText("paste", damaged, VerificationSettings.NONE);

        assertThat(report.error()).isNull();
        assertThat(report.tokens()).singleElement().satisfies(t -> {
            assertThat(t.error()).isEqualTo("The signature segment is not valid base64url: character '%' at position " + (token.length() - 4) + " is not allowed.");
            assertThat(t.decoded()).as("its claims are still read").isTrue();
        });
    }

    @Test
    void aTokenCutOffInsideItsPayloadKeepsItsHeaderAndSaysWhatIsMissing() {
        String token = Fixtures.text(Fixtures.PROJECTED).strip();
        String cut = token.substring(0, token.indexOf('.') + 30);

        SourceReport report = at("2022-08-19T14:00:00Z").analyzeText("paste", cut, VerificationSettings.NONE);

        assertThat(report.tokens()).singleElement().satisfies(t -> {
            assertThat(t.decoded()).isFalse();
            assertThat(t.jwt().header().get("alg").asText()).isEqualTo("RS256");
            assertThat(t.error()).contains("the signature is missing").contains("The payload segment").endsWith("Only its header is shown.");
        });
    }

    @Test
    void aReportJudgedAgainLaterChangesStatusFromWhatWasRead() {
        SourceReport read = at("2022-08-19T12:00:00Z").analyzeText("paste", Fixtures.text(Fixtures.PROJECTED));

        SourceReport later = at("2022-08-19T13:00:00Z").rejudge(read, VerificationSettings.NONE);

        assertThat(read.tokens().get(0).status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(later.tokens().get(0).status()).isEqualTo(TokenStatus.STALE);
        assertThat(later.recognized()).isSameAs(read.recognized());
        assertThat(later.nodes()).isEqualTo(read.nodes());
    }

    @Test
    void aReportJudgedAgainWithAKeyIsVerified() {
        Analyzer analyzer = at("2026-11-28T12:00:00Z");
        SourceReport read = analyzer.analyzeText("paste", Fixtures.text(Fixtures.EXPLICIT_SECRET));
        var keys = KeyReader.read("rsa_public.pem", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys();

        SourceReport checked = analyzer.rejudge(read, new VerificationSettings(keys, Set.of(), Set.of()));

        assertThat(read.tokens().get(0).signature()).isEqualTo(SignatureStatus.UNVERIFIED);
        assertThat(checked.tokens().get(0).signature()).isNotEqualTo(SignatureStatus.UNVERIFIED);
    }

    @Test
    void anUnreadableReportStaysAsItIs() {
        SourceReport unreadable = SourceReport.unreadable("x", "gone");

        assertThat(at("2026-11-28T12:00:00Z").rejudge(unreadable, VerificationSettings.NONE)).isSameAs(unreadable);
    }
}
