package dev.tokenexplorer.ui.timeline;

/**
 * Where each marker's label block goes under the axis: centred on its marker (kept inside the
 * width) in the first lane where it touches no other block, its leader line crosses no block of a
 * lane above, and no leader line of a lane below crosses it. Markers close together step down
 * into further lanes, so the drawing grows taller rather than overlap. Only markers closer than
 * half a block apart can't avoid a line crossing a block; then the blocks still stay apart.
 */
final class MarkerLanes {

    /** Free space kept between two blocks, and between a block and a leader line. */
    static final double GAP = 8;

    private final int[] lanes;
    private final double[] lefts;
    private final int count;

    /**
     * @param xs     the markers' positions, in time order
     * @param widths the width of each marker's label block
     * @param width  the drawing's width
     */
    MarkerLanes(double[] xs, double[] widths, double width) {
        int n = xs.length;
        lanes = new int[n];
        lefts = new double[n];
        int used = 0;
        for (int i = 0; i < n; i++) {
            lefts[i] = Math.max(0, Math.min(width - widths[i], xs[i] - widths[i] / 2));
            int lane = 0;
            while (lane < n && !fits(i, lane, xs, widths, true)) {
                lane++;
            }
            if (lane == n) {
                // Markers closer than half a label: some leader line must cross a block, so only
                // keep the blocks apart (a block hides the lines behind it).
                lane = 0;
                while (!fits(i, lane, xs, widths, false)) {
                    lane++;
                }
            }
            lanes[i] = lane;
            used = Math.max(used, lane + 1);
        }
        count = used;
    }

    private boolean fits(int i, int lane, double[] xs, double[] widths, boolean lines) {
        double left = lefts[i] - GAP;
        double right = lefts[i] + widths[i] + GAP;
        for (int j = 0; j < i; j++) {
            boolean blockOverlaps = lefts[j] < right && left < lefts[j] + widths[j];
            if (lanes[j] == lane && blockOverlaps) {
                return false;
            }
            if (!lines) {
                continue;
            }
            if (lanes[j] < lane && xs[i] > lefts[j] - GAP && xs[i] < lefts[j] + widths[j] + GAP) {
                return false; // this leader line would cross block j
            }
            if (lanes[j] > lane && xs[j] > left && xs[j] < right) {
                return false; // block j's leader line would cross this block
            }
        }
        return true;
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
