package dev.tokenexplorer.ui.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Maps instants to a position between 0 and 1. When the instants are of a similar spacing the scale
 * is linear; when they are far apart (an hour to warnafter, a year to exp) each gap between two
 * instants gets a width that grows with the logarithm of its length, so both stay readable, and the
 * scale says it is not linear. Between two instants it is linear, so a moving "now" moves smoothly.
 */
public final class TimelineScale {

    /** Gaps more unequal than this switch the scale to non-linear. */
    static final double LINEAR_RATIO_LIMIT = 12;
    /** Space kept free at each end, as a fraction of the width. */
    static final double MARGIN = 0.06;

    private final List<Instant> points;
    private final double[] positions;
    private final boolean linear;

    /** A gap that is drawn much shorter than it would be on a linear scale. */
    public record Break(double position, Duration length) {
    }

    public TimelineScale(List<Instant> instants) {
        if (instants.isEmpty()) {
            throw new IllegalArgumentException("a scale needs at least one instant");
        }
        points = new ArrayList<>(new TreeSet<>(instants));
        int n = points.size();
        positions = new double[n];
        double[] gaps = new double[Math.max(0, n - 1)];
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = Duration.between(points.get(i - 1), points.get(i)).toMillis() / 1000.0;
            min = Math.min(min, gaps[i - 1]);
            max = Math.max(max, gaps[i - 1]);
        }
        linear = n <= 2 || max / min <= LINEAR_RATIO_LIMIT;
        double[] weights = new double[gaps.length];
        double total = 0;
        for (int i = 0; i < gaps.length; i++) {
            weights[i] = linear ? gaps[i] : Math.log1p(gaps[i] / 60.0) + 0.5;
            total += weights[i];
        }
        if (n == 1) {
            positions[0] = 0.5;
        } else {
            double at = MARGIN;
            positions[0] = at;
            for (int i = 0; i < weights.length; i++) {
                at += (1 - 2 * MARGIN) * weights[i] / total;
                positions[i + 1] = at;
            }
        }
    }

    public boolean linear() {
        return linear;
    }

    /** Where an instant stands, from 0 (left) to 1 (right); instants outside the range are clamped. */
    public double position(Instant instant) {
        int n = points.size();
        if (n == 1) {
            // One instant (a legacy token's "now"): an hour either side spans most of the width.
            return clamp(0.5 + 0.4 * Duration.between(points.get(0), instant).toMillis() / (double) Duration.ofHours(1).toMillis());
        }
        if (instant.isBefore(points.get(0))) {
            return clamp(positions[0] - slope(1) * Duration.between(instant, points.get(0)).toMillis());
        }
        for (int i = 1; i < n; i++) {
            if (!instant.isAfter(points.get(i))) {
                double span = Duration.between(points.get(i - 1), points.get(i)).toMillis();
                double into = Duration.between(points.get(i - 1), instant).toMillis();
                return positions[i - 1] + (positions[i] - positions[i - 1]) * (span == 0 ? 0 : into / span);
            }
        }
        return clamp(positions[n - 1] + slope(n - 1) * Duration.between(points.get(n - 1), instant).toMillis());
    }

    /** Width per millisecond in the gap that ends at point i; outside the range the nearest gap's slope holds. */
    private double slope(int i) {
        double span = Duration.between(points.get(i - 1), points.get(i)).toMillis();
        return span == 0 ? 0 : (positions[i] - positions[i - 1]) / span;
    }

    /**
     * The gaps drawn at least ten times shorter, for their length, than the least shortened gap:
     * where to put break marks.
     */
    public List<Break> breaks() {
        List<Break> breaks = new ArrayList<>();
        if (linear) {
            return breaks;
        }
        double leastCompressed = Double.MAX_VALUE;
        double[] compression = new double[points.size() - 1];
        for (int i = 1; i < points.size(); i++) {
            compression[i - 1] = Duration.between(points.get(i - 1), points.get(i)).toMillis() / (positions[i] - positions[i - 1]);
            leastCompressed = Math.min(leastCompressed, compression[i - 1]);
        }
        for (int i = 1; i < points.size(); i++) {
            if (compression[i - 1] > 10 * leastCompressed) {
                breaks.add(new Break((positions[i] + positions[i - 1]) / 2, Duration.between(points.get(i - 1), points.get(i))));
            }
        }
        return breaks;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
