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
