package dev.tokenexplorer.ui;

import dev.tokenexplorer.ui.support.TaskExecutor;
import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.claims.ClaimRow;
import dev.tokenexplorer.ui.input.InputViewModel;
import dev.tokenexplorer.ui.timeline.TimelineViewModel;
import dev.tokenexplorer.ui.token.TokenViewModel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One zone at a time: with the UTC toggle off at America/New_York, every time the window shows
 * (claims, findings, "Stops working … at exp", the timeline, a certificate's dates) is in New York's
 * zone and names it; none says UTC. With the toggle on, all say UTC.
 */
class OneZoneTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** After the fixture's exp (19 Aug 2023 11:49:01 UTC): the token has an "Expired … (time)" finding. */
    private static final Instant AFTER_EXP = Instant.parse("2023-09-01T12:00:00Z");
    private static final Instant BEFORE_EXP = Instant.parse("2022-08-19T12:08:00Z");

    private static List<String> shown(Instant now, ZoneId zone) {
        TokenReport token = new TokenAnalyzer().analyze("token", Fixtures.text(Fixtures.PROJECTED), now, List.of());
        TokenViewModel details = new TokenViewModel(Clock.fixed(now, ZoneOffset.UTC));
        details.zoneProperty().set(zone);
        details.tokenProperty().set(token);
        TimelineViewModel timeline = new TimelineViewModel(Clock.fixed(now, ZoneOffset.UTC));
        timeline.zoneProperty().set(zone);
        timeline.tokenProperty().set(token);

        List<String> texts = new ArrayList<>();
        texts.add(details.revokedByProperty().get());
        details.findings().stream().map(Finding::message).forEach(texts::add);
        details.claimRowsProperty().get().stream().map(ClaimRow::value).forEach(texts::add);
        texts.add(timeline.summaryProperty().get());
        texts.add(timeline.factsProperty().get());
        timeline.markersProperty().get().forEach(m -> texts.add(m.detail()));
        return texts;
    }

    @Test
    void inLocalModeEveryTimeIsNewYorksAndNamesItsZone() {
        for (Instant now : List.of(BEFORE_EXP, AFTER_EXP)) {
            List<String> texts = shown(now, NEW_YORK);

            assertThat(texts).noneMatch(t -> t.contains("UTC"));
            assertThat(String.join("\n", texts))
                    .contains("19 Aug 2023 07:49:01 EDT") // exp, in the claims, the facts and the marker
                    .doesNotContainPattern("(?<![\\d:])\\d{2}:\\d{2}(?::\\d{2})?+(?![\\d:]| E[SD]T)"); // no time without its zone
        }
        assertThat(String.join("\n", shown(BEFORE_EXP, NEW_YORK))).contains("or at exp (19 Aug 2023 07:49:01 EDT)");
        assertThat(String.join("\n", shown(AFTER_EXP, NEW_YORK))).contains("Expired 13 days ago (19 Aug 2023 07:49:01 EDT");
    }

    @Test
    void withTheToggleOnEveryTimeIsUtc() {
        String texts = String.join("\n", shown(AFTER_EXP, ZoneOffset.UTC));

        assertThat(texts).contains("19 Aug 2023 11:49:01 UTC").doesNotContain("EDT").doesNotContain("EST");
    }

    @Test
    void aCertificatesDatesFollowTheWindowsZone() {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster: {server: https://prod.example:6443, certificate-authority-data: %s}
                """.formatted(Fixtures.caCrtBase64());
        InputViewModel model = new InputViewModel(new Analyzer(Clock.fixed(BEFORE_EXP, ZoneOffset.UTC)), TaskExecutor.sameThread());
        model.paste(kubeconfig);
        SourceNode certificate = all(model.items().get(0).report().nodes()).filter(n -> n.kind().equals("certificate")).findFirst().orElseThrow();

        SourceNode shown = certificate.inZone(NEW_YORK);

        List<String> texts = new ArrayList<>(List.of(shown.subtitle()));
        shown.details().forEach(d -> texts.add(d.value()));
        assertThat(texts).noneMatch(t -> t.contains("UTC")).anyMatch(t -> t.matches(".*\\d{2}:\\d{2}:\\d{2} E[SD]T.*"));
        assertThat(certificate.subtitle()).contains("UTC"); // core (and the CLI) still word it in UTC
    }

    private static Stream<SourceNode> all(List<SourceNode> nodes) {
        return nodes.stream().flatMap(n -> Stream.concat(Stream.of(n), all(n.children())));
    }
}
