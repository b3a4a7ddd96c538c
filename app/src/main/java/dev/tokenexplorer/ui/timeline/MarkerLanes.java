package dev.tokenexplorer.ui.timeline;

import java.util.Arrays;

/**
 * Where each marker's label block goes under the axis: in a lane chosen so that no two blocks of a
 * lane touch and no leader line crosses a block of a lane above its own, using as few lanes as
 * possible. A block is centred on its marker when it can be; to make room for a neighbour in its
 * lane or for a line passing down to a lower lane it slides sideways, as long as its marker's line
 * still meets it well inside its edges, and it stays inside the width. There are at most five markers, so every assignment of lanes is
 * tried. Markers closer than half a block apart may leave no way to keep every line clear; then the
 * fewest crossings win (a block hides the lines behind it).
 */
final class MarkerLanes {

    /** Free space kept between two blocks, and between a block and a leader line. */
    static final double GAP = 12;
    /** How far inside its block's edge a marker's line stays when the block slides. */
    static final double INSET = 14;
    /** Beyond this many markers the lanes are chosen greedily, in time order. */
    private static final int SEARCHED = 5;

    private final double[] xs;
    private final double[] widths;
    private final double width;
    private final int[] lanes;
    private final double[] lefts;
    private final int count;

    /**
     * @param xs     the markers' positions, in time order
     * @param widths the width of each marker's label block
     * @param width  the drawing's width
     */
    MarkerLanes(double[] xs, double[] widths, double width) {
        this.xs = xs.clone();
        this.widths = widths.clone();
        this.width = width;
        int n = xs.length;
        int[] best = new int[n];
        if (n <= SEARCHED) {
            double bestCost = Double.MAX_VALUE;
            int[] trial = new int[n];
            for (int code = 0; code < Math.pow(n, n); code++) {
                for (int i = 0, c = code; i < n; i++, c /= n) {
                    trial[i] = c % n;
                }
                double cost = cost(trial, lefts(trial));
                if (cost < bestCost) {
                    bestCost = cost;
                    best = trial.clone();
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                int[] upTo = Arrays.copyOf(best, i + 1);
                while (upTo[i] < n - 1 && clashes(upTo, lefts(upTo)) > 0) {
                    upTo[i]++;
                }
                best[i] = upTo[i];
            }
        }
        lanes = best;
        lefts = lefts(best);
        count = n == 0 ? 0 : Arrays.stream(best).max().orElse(0) + 1;
    }

    /**
     * Fewest clashes, then fewest lanes (the drawing's height), then the highest lanes, then the
     * blocks nearest the centre of their markers.
     */
    private double cost(int[] lanes, double[] lefts) {
        double displacement = 0;
        for (int i = 0; i < lanes.length; i++) {
            displacement += Math.abs(lefts[i] - preferred(i));
        }
        int used = lanes.length == 0 ? 0 : Arrays.stream(lanes).max().orElse(0) + 1;
        return clashes(lanes, lefts) * 1e9 + used * 1e6 + Arrays.stream(lanes).sum() * 1e3 + Math.min(displacement, 999);
    }

    /** How many pairs of markers clash: blocks of one lane touching, or a line crossing a block of a lane above its own. */
    private int clashes(int[] lanes, double[] lefts) {
        int clashes = 0;
        for (int i = 0; i < lanes.length; i++) {
            for (int j = 0; j < i; j++) {
                double ri = lefts[i] + widths[i];
                double rj = lefts[j] + widths[j];
                if (lanes[j] == lanes[i] && lefts[j] < ri + GAP && lefts[i] - GAP < rj
                        || lanes[j] < lanes[i] && xs[i] > lefts[j] - GAP && xs[i] < rj + GAP
                        || lanes[j] > lanes[i] && xs[j] > lefts[i] - GAP && xs[j] < ri + GAP) {
                    clashes++;
                }
            }
        }
        return clashes;
    }

    /**
     * Packs each lane from the left: a block goes to its preferred place or just right of the
     * block before it, aside from a line that would cross it; when that passes its limit, the
     * blocks before it slide left to make room.
     */
    private double[] lefts(int[] lanes) {
        int n = lanes.length;
        double[] lefts = new double[n];
        int[] previous = new int[n];
        Arrays.fill(previous, -1);
        int[] last = new int[xs.length];
        Arrays.fill(last, -1);
        for (int i = 0; i < n; i++) {
            int before = last[lanes[i]];
            previous[i] = before;
            last[lanes[i]] = i;
            double floor = before >= 0 ? lefts[before] + widths[before] + GAP : 0;
            double left = Math.max(preferred(i), floor);
            for (int j = 0; j < n; j++) {
                // step aside from the line of a marker in a lower lane
                if (lanes[j] > lanes[i] && xs[j] > left - GAP && xs[j] < left + widths[i] + GAP) {
                    double aside = xs[j] < xs[i] ? xs[j] + GAP : xs[j] - GAP - widths[i];
                    if (aside >= Math.max(lowest(i), floor) && aside <= highest(i)) {
                        left = aside;
                    }
                }
            }
            lefts[i] = Math.min(left, highest(i));
            for (int k = before, next = i; k >= 0; next = k, k = previous[k]) {
                double room = lefts[next] - GAP - widths[k];
                if (lefts[k] <= room) {
                    break;
                }
                lefts[k] = Math.max(room, lowest(k));
            }
        }
        return lefts;
    }

    private double preferred(int i) {
        return Math.max(0, Math.min(width - widths[i], xs[i] - widths[i] / 2));
    }

    private double lowest(int i) {
        return Math.min(preferred(i), Math.max(0, xs[i] - widths[i] + Math.min(INSET, widths[i] / 2)));
    }

    private double highest(int i) {
        return Math.max(preferred(i), Math.min(width - widths[i], xs[i] - Math.min(INSET, widths[i] / 2)));
    }

    int lane(int i) {
        return lanes[i];
    }

    double left(int i) {
        return lefts[i];
    }

    /** How many lanes are in use (0 when there are no markers). */
    int count() {
        return count;
    }
}
