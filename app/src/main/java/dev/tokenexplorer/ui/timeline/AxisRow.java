package dev.tokenexplorer.ui.timeline;

import javafx.scene.control.Label;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels inside the axis (phase names, gap marks, "never expires") and the lines that cross
 * it: each label goes as near its preferred place as it can without touching a line or a label
 * placed before it, or is hidden when there is no room. Made anew for each layout.
 */
final class AxisRow {

    /** Space kept between a label in the axis and a line or another label. */
    static final double CLEAR = 3;

    private final double top;
    private final double height;
    private final List<double[]> taken = new ArrayList<>();

    AxisRow(double top, double height) {
        this.top = top;
        this.height = height;
    }

    /** Marks [from, to] as crossed by a line or covered by a shape. */
    void take(double from, double to) {
        taken.add(new double[]{from, to});
    }

    /** Puts the label within [from, to], nearest preferred (its left edge), and takes its place; hides it when there is no room. */
    void put(Label label, double preferred, double from, double to) {
        double w = label.getWidth();
        List<Double> candidates = new ArrayList<>(List.of(preferred));
        for (double[] t : taken) {
            candidates.add(t[1] + CLEAR);
            candidates.add(t[0] - CLEAR - w);
        }
        double best = Double.NaN;
        for (double c : candidates) {
            if (c >= from && c + w <= to && free(c - CLEAR, c + w + CLEAR)
                    && (Double.isNaN(best) || Math.abs(c - preferred) < Math.abs(best - preferred))) {
                best = c;
            }
        }
        label.setVisible(!Double.isNaN(best));
        if (!Double.isNaN(best)) {
            label.relocate(best, top + (height - label.getHeight()) / 2);
            take(best, best + w);
        }
    }

    private boolean free(double from, double to) {
        return taken.stream().noneMatch(t -> t[0] < to && from < t[1]);
    }
}
