package dev.tokenexplorer.ui.timeline;

/**
 * Where each marker's label block goes under the axis: centred on its marker (kept inside the
 * width), in a lane chosen so that no two blocks of a lane touch, no leader line crosses a block
 * of a lane above its own, and as few lanes as possible are used. There are at most five markers,
 * so every assignment is tried (with pruning). Markers closer than half a block apart may leave no
 * way to keep every line clear; then the fewest crossings win (a block hides the lines behind it).
 */
final class MarkerLanes {

    /** Free space kept between two blocks, and between a block and a leader line. */
    static final double GAP = 8;
    /** Beyond this many markers the lanes are chosen greedily, in time order. */
    private static final int SEARCHED = 6;

    private final double[] xs;
    private final double[] lefts;
    private final double[] rights;
    private final int[] lanes;
    private final int[] trial;
    private long bestCost = Long.MAX_VALUE;
    private final int count;

    /**
     * @param xs     the markers' positions, in time order
     * @param widths the width of each marker's label block
     * @param width  the drawing's width
     */
    MarkerLanes(double[] xs, double[] widths, double width) {
        int n = xs.length;
        this.xs = xs.clone();
        lefts = new double[n];
        rights = new double[n];
        for (int i = 0; i < n; i++) {
            lefts[i] = Math.max(0, Math.min(width - widths[i], xs[i] - widths[i] / 2));
            rights[i] = lefts[i] + widths[i];
        }
        lanes = new int[n];
        trial = new int[n];
        if (n <= SEARCHED) {
            search(0, 0, 0);
        } else {
            for (int i = 0; i < n; i++) {
                int lane = 0;
                while (lane < n && cost(i, lane, lanes) > 0) {
                    lane++;
                }
                lanes[i] = lane == n ? 0 : lane;
            }
        }
        count = n == 0 ? 0 : java.util.Arrays.stream(lanes).max().orElse(0) + 1;
    }

    /**
     * Tries every lane for marker i given the lanes of the markers before it; keeps the cheapest
     * whole assignment: fewest clashes, then fewest lanes (the drawing's height), then the highest lanes.
     */
    private void search(int i, long cost, int used) {
        if (cost >= bestCost) {
            return;
        }
        if (i == xs.length) {
            bestCost = cost;
            System.arraycopy(trial, 0, lanes, 0, i);
            return;
        }
        for (int lane = 0; lane < xs.length; lane++) {
            long added = cost(i, lane, trial) * 1_000_000L + Math.max(0, lane + 1 - used) * 1_000L + lane;
            trial[i] = lane;
            search(i + 1, cost + added, Math.max(used, lane + 1));
        }
    }

    /** How many clashes marker i in this lane has with the markers before it. */
    private int cost(int i, int lane, int[] placed) {
        int clashes = 0;
        for (int j = 0; j < i; j++) {
            if (placed[j] == lane && lefts[j] < rights[i] + GAP && lefts[i] - GAP < rights[j]) {
                clashes++; // the blocks touch
            } else if (placed[j] < lane && xs[i] > lefts[j] - GAP && xs[i] < rights[j] + GAP) {
                clashes++; // this leader line would cross block j
            } else if (placed[j] > lane && xs[j] > lefts[i] - GAP && xs[j] < rights[i] + GAP) {
                clashes++; // block j's leader line would cross this block
            }
        }
        return clashes;
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
