package dev.tokenexplorer.core.text;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Core words a time once, in UTC; the window asks for the same sentence in its zone. */
class TimeTextZoneTest {

    private static final Instant EXP = Instant.parse("2023-08-19T11:49:01Z");

    @Test
    void everyUtcTimeOfASentenceIsShownInTheZoneNamingIt() {
        String sentence = "Stops working when Pod a is deleted, or at exp (" + TimeText.utc(EXP) + "); issued " + TimeText.utc(Instant.parse("2023-01-05T03:00:00Z")) + ".";

        assertThat(TimeText.inZone(sentence, ZoneId.of("America/New_York")))
                .isEqualTo("Stops working when Pod a is deleted, or at exp (19 Aug 2023 07:49:01 EDT); issued 4 Jan 2023 22:00:00 EST.");
    }

    @Test
    void inUtcAndWithoutTimesASentenceIsUnchanged() {
        String sentence = "Expired 3 days ago (" + TimeText.utc(EXP) + ").";

        assertThat(TimeText.inZone(sentence, ZoneOffset.UTC)).isSameAs(sentence);
        assertThat(TimeText.inZone("No time here: 12:00 is not one of core's.", ZoneId.of("Europe/Berlin"))).isEqualTo("No time here: 12:00 is not one of core's.");
        assertThat(TimeText.inZone(null, ZoneId.of("Europe/Berlin"))).isNull();
    }
}
