package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The markers' texts, without a toolkit. */
class TimelineViewModelTest {

    private static final Instant NOW = Instant.parse("2022-08-19T12:08:00Z");

    private static TimelineViewModel seed(Instant now, ZoneId zone) {
        TimelineViewModel model = new TimelineViewModel(Clock.fixed(now, ZoneOffset.UTC));
        model.zoneProperty().set(zone);
        model.tokenProperty().set(new TokenAnalyzer().analyze("token", Fixtures.text(Fixtures.PROJECTED), now, List.of()));
        return model;
    }

    @Test
    void markerDatesAreAsShortAsTellsThemApartAndNameTheirZone() {
        assertThat(seed(NOW, ZoneOffset.UTC).markersProperty().get()).extracting(TimelineViewModel.Marker::label, TimelineViewModel.Marker::date)
                .containsExactly(
                        tuple("iat · nbf", "19 Aug 11:49 UTC"),
                        tuple("kubelet refresh", "12:37 UTC"),
                        tuple("warnafter", "12:49 UTC"),
                        tuple("exp", "19 Aug 2023 11:49 UTC"));
    }

    @Test
    void theYearShowsWhenItIsNotThisYearsAndTheZoneFollowsTheWindow() {
        TimelineViewModel model = seed(Instant.parse("2023-01-02T00:00:00Z"), ZoneId.of("Europe/Berlin"));

        assertThat(model.markersProperty().get()).extracting(TimelineViewModel.Marker::date)
                .containsExactly("19 Aug 2022 13:49 CEST", "14:37 CEST", "14:49 CEST", "19 Aug 13:49 CEST");
    }
}
