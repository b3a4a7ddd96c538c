package dev.tokenexplorer.ui.timeline;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MarkerLanesTest {

    @Test
    void markersFarApartShareOneLane() {
        MarkerLanes lanes = new MarkerLanes(new double[]{50, 300, 600}, new double[]{80, 80, 80}, 700);

        assertThat(lanes.count()).isEqualTo(1);
        assertThat(lanes.left(1)).isEqualTo(260);
    }

    @Test
    void neighboursSlideApartToShareALane() {
        double[] xs = {100, 160, 400};
        double[] widths = {90, 90, 90};
        MarkerLanes lanes = new MarkerLanes(xs, widths, 700);

        assertThat(lanes.count()).isEqualTo(1);
        assertThat(lanes.left(0)).isLessThan(55);
        assertThat(lanes.left(1)).isGreaterThan(115);
        assertNoClash(xs, widths, lanes);
    }

    @Test
    void markersTooCloseToShareALaneStepDown() {
        MarkerLanes lanes = new MarkerLanes(new double[]{100, 130, 400}, new double[]{90, 90, 90}, 700);

        assertThat(lanes.count()).isEqualTo(2);
        assertThat(lanes.lane(0)).isNotEqualTo(lanes.lane(1));
        assertThat(lanes.lane(2)).isZero();
    }

    @Test
    void blocksStayInsideTheWidth() {
        MarkerLanes lanes = new MarkerLanes(new double[]{2, 698}, new double[]{120, 120}, 700);

        assertThat(lanes.left(0)).isZero();
        assertThat(lanes.left(1)).isEqualTo(580);
    }

    @Test
    void aWideBlockAtTheEdgeGoesBelowTheMarkerItWouldHide() {
        // iat's date is wide and pinned to the left edge, over the refresh marker at 110:
        // refresh takes the first lane and iat's line passes beside it to the second.
        MarkerLanes lanes = new MarkerLanes(new double[]{36, 110, 205}, new double[]{130, 95, 70}, 600);

        assertThat(lanes.lane(1)).isZero();
        assertThat(lanes.lane(0)).isPositive();
        assertNoClash(new double[]{36, 110, 205}, new double[]{130, 95, 70}, lanes);
    }

    @Test
    void anyFiveMarkersMoreThanAHalfBlockApartGetLanesWithNoClash() {
        Random random = new Random(19);
        for (int round = 0; round < 2000; round++) {
            double[] xs = new double[5];
            double[] widths = new double[5];
            double x = random.nextDouble() * 40;
            for (int i = 0; i < 5; i++) {
                widths[i] = 50 + random.nextDouble() * 90;
                x += 90 + random.nextDouble() * 200;
                xs[i] = x;
            }
            assertNoClash(xs, widths, new MarkerLanes(xs, widths, x + 40));
        }
    }

    private static void assertNoClash(double[] xs, double[] widths, MarkerLanes lanes) {
        for (int i = 0; i < xs.length; i++) {
            assertThat(xs[i]).as("line %d meets its block", i).isBetween(lanes.left(i), lanes.left(i) + widths[i]);
            for (int j = 0; j < xs.length; j++) {
                if (i == j) {
                    continue;
                }
                double left = lanes.left(j);
                double right = left + widths[j];
                if (lanes.lane(i) == lanes.lane(j)) {
                    assertThat(lanes.left(i) + widths[i] <= left || right <= lanes.left(i)).as("blocks %d and %d apart", i, j).isTrue();
                }
                if (lanes.lane(i) > lanes.lane(j)) {
                    assertThat(xs[i] <= left || xs[i] >= right).as("line %d beside block %d", i, j).isTrue();
                }
            }
        }
    }
}
