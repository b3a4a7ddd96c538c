package dev.tokenexplorer.ui.timeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineScaleTest {

    private static final Instant T0 = Instant.parse("2022-08-19T11:49:01Z");

    @Test
    void evenlySpacedInstantsGetALinearScale() {
        TimelineScale scale = new TimelineScale(List.of(T0, T0.plusSeconds(600), T0.plusSeconds(1800)));

        assertThat(scale.linear()).isTrue();
        assertThat(scale.breaks()).isEmpty();
        double a = scale.position(T0);
        double b = scale.position(T0.plusSeconds(600));
        double c = scale.position(T0.plusSeconds(1800));
        assertThat((c - b) / (b - a)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anHourAndAYearStayBothReadable() {
        Instant warn = T0.plusSeconds(3607);
        Instant exp = T0.plus(Duration.ofDays(365));
        TimelineScale scale = new TimelineScale(List.of(T0, warn, exp, T0.plusSeconds(1200)));

        assertThat(scale.linear()).isFalse();
        double hourWidth = scale.position(warn) - scale.position(T0);
        double yearWidth = scale.position(exp) - scale.position(warn);
        assertThat(hourWidth).isGreaterThan(0.2);
        assertThat(yearWidth).isGreaterThan(0.2);
        assertThat(scale.breaks()).singleElement().satisfies(b -> assertThat(b.length()).isEqualTo(Duration.between(warn, exp)));
    }

    @Test
    void positionsFollowTimeOrderInsideAndOutsideTheRange() {
        TimelineScale scale = new TimelineScale(List.of(T0, T0.plusSeconds(3607), T0.plus(Duration.ofDays(365))));
        double previous = -1;
        for (long s = -7200; s < 400L * 86400; s += 3600) {
            double x = scale.position(T0.plusSeconds(s));
            assertThat(x).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = x;
        }
    }

    @Test
    void aSingleInstantSitsInTheMiddle() {
        TimelineScale scale = new TimelineScale(List.of(T0));

        assertThat(scale.position(T0)).isEqualTo(0.5);
        assertThat(scale.position(T0.plusSeconds(60))).isGreaterThan(0.5);
    }
}
