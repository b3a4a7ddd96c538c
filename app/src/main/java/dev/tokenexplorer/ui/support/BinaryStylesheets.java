package dev.tokenexplorer.ui.support;

import javafx.css.Stylesheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;

/**
 * A build step (app/pom.xml, process-classes), in two parts.
 * <ul>
 * <li>Beside each of the window's stylesheets it writes the binary form, JavaFX's own ({@code main.css}
 * gets {@code main.bss}): JavaFX's StyleManager loads the binary form when it finds one beside the
 * stylesheet asked for, so the stylesheets are read at start instead of parsed.</li>
 * <li>It writes the {@link Theme}s: AtlantaFX's Primer stylesheets without the rules that only
 * style controls the window never creates ({@link #UNUSED_CONTROLS}), almost half of them. JavaFX
 * matches every node against every rule that could apply to it, and loads every rule at start,
 * so the first frame comes sooner and the window keeps less in memory.</li>
 * </ul>
 */
public final class BinaryStylesheets {

    /**
     * Controls the window never creates (ArchitectureTest holds it to that), each with the style
     * classes that only it carries; a rule's selector that names one of them can match nothing.
     */
    public static final Map<String, List<String>> UNUSED_CONTROLS = Map.ofEntries(
            entry("javafx.scene.control.DatePicker", List.of("date-picker", "date-picker-popup", "date-cell", "day-cell",
                    "hijrah-day-cell", "week-number-cell", "day-name-cell", "month-year-pane", "calendar-grid")),
            entry("javafx.scene.control.ColorPicker", List.of("color-picker", "color-palette", "color-palette-region",
                    "custom-color-dialog", "color-picker-grid", "color-picker-label", "color-rect-pane", "current-new-color-grid",
                    "customcolor-controls-background", "webcolor-field", "web-field", "picker-color", "picker-color-rect")),
            entry("javafx.scene.control.Slider", List.of("slider", "progress-slider")),
            entry("javafx.scene.control.Spinner", List.of("spinner")),
            entry("javafx.scene.control.Pagination", List.of("pagination", "pagination-control")),
            entry("javafx.scene.control.RadioButton", List.of("radio-button")),
            entry("javafx.scene.control.Hyperlink", List.of("hyperlink")),
            entry("javafx.scene.control.Accordion", List.of("accordion")),
            entry("javafx.scene.control.ChoiceBox", List.of("choice-box")),
            entry("javafx.scene.control.SplitMenuButton", List.of("split-menu-button")),
            entry("javafx.scene.control.MenuBar", List.of("menu-bar")),
            entry("javafx.scene.control.Dialog", List.of("dialog-pane", "alert", "choice-dialog", "text-input-dialog")),
            entry("javafx.scene.chart.Chart", List.of("chart", "bar-chart", "stacked-bar-chart", "chart-legend", "chart-content",
                    "chart-plot-background", "chart-title", "chart-pie", "chart-bar", "chart-symbol", "chart-line-symbol",
                    "chart-area-symbol", "chart-bubble", "chart-series-line", "chart-series-area-line", "chart-series-area-fill")),
            entry("javafx.scene.chart.Axis", List.of("axis", "axis-label", "axis-tick-mark", "axis-minor-tick-mark")),
            entry("javafx.scene.web.HTMLEditor", List.of("html-editor")),
            entry("atlantafx.base.controls.ToggleSwitch", List.of("toggle-switch")),
            entry("atlantafx.base.controls.Card", List.of("card")),
            entry("atlantafx.base.controls.TileBase", List.of("tile", "tile-base")),
            entry("atlantafx.base.controls.Message", List.of("message")),
            entry("atlantafx.base.controls.Notification", List.of("notification")),
            entry("atlantafx.base.controls.CustomTextField", List.of("custom-text-field")),
            entry("atlantafx.base.controls.Breadcrumbs", List.of("breadcrumbs")),
            entry("atlantafx.base.controls.Calendar", List.of("calendar")),
            entry("atlantafx.base.controls.Popover", List.of("popover")),
            entry("atlantafx.base.controls.ModalPane", List.of("modal-pane")),
            entry("atlantafx.base.layout.ModalBox", List.of("modal-box")),
            entry("atlantafx.base.controls.RingProgressIndicator", List.of("ring-progress-indicator")),
            entry("atlantafx.base.controls.CaptionMenuItem", List.of("caption-menu-item")));

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    /** A rule: selectors, then declarations in braces. AtlantaFX's stylesheets hold rules only, never nested. */
    private static final Pattern RULE = Pattern.compile("([^{};@]+)\\{([^{}]*)}");
    private static final Pattern STYLE_CLASS = Pattern.compile("\\.([A-Za-z_][\\w-]*)");

    private BinaryStylesheets() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        List<Path> stylesheets;
        try (Stream<Path> files = Files.walk(classes)) {
            stylesheets = files.filter(file -> file.getFileName().toString().endsWith(".css")).toList();
        }
        for (Path css : stylesheets) {
            String name = css.getFileName().toString();
            Stylesheet.convertToBinary(css.toFile(), css.resolveSibling(name.substring(0, name.length() - 4) + ".bss").toFile());
        }
        for (Theme theme : Theme.values()) {
            Path trimmed = Files.createTempFile("theme", ".css");
            try {
                Files.writeString(trimmed, withoutUnusedControls(source(theme)));
                Stylesheet.convertToBinary(trimmed.toFile(), classes.resolve(theme.resource()).toFile());
            } finally {
                Files.delete(trimmed);
            }
        }
        System.out.println("binary stylesheets: " + stylesheets.size() + ", themes: " + Theme.values().length);
    }

    /** AtlantaFX's stylesheet that {@code theme} is made from. */
    static String source(Theme theme) {
        try (InputStream in = Objects.requireNonNull(BinaryStylesheets.class.getResourceAsStream(theme.source()), theme.source())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stylesheet without the selectors that name a style class of an unused control, and
     * without the rules left with no selector. Fails on anything but plain rules, so that a new
     * AtlantaFX with another shape of stylesheet stops the build instead of losing styles.
     */
    static String withoutUnusedControls(String css) {
        Set<String> unused = UNUSED_CONTROLS.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        String text = COMMENT.matcher(css).replaceAll("");
        StringBuilder out = new StringBuilder();
        Matcher rule = RULE.matcher(text);
        int end = 0;
        while (rule.find()) {
            if (!text.substring(end, rule.start()).isBlank()) {
                throw new IllegalStateException("not a rule at offset " + end + " of the theme: " + text.substring(end, Math.min(rule.start(), end + 80)));
            }
            end = rule.end();
            List<String> kept = new ArrayList<>();
            for (String selector : Arrays.stream(rule.group(1).split(",")).map(String::strip).toList()) {
                if (styleClasses(selector).stream().noneMatch(unused::contains)) {
                    kept.add(selector);
                }
            }
            if (!kept.isEmpty()) {
                out.append(String.join(",\n", kept)).append(" {").append(rule.group(2)).append("}\n");
            }
        }
        if (!text.substring(end).isBlank()) {
            throw new IllegalStateException("not a rule at offset " + end + " of the theme");
        }
        return out.toString();
    }

    static List<String> styleClasses(String selector) {
        List<String> classes = new ArrayList<>();
        Matcher matcher = STYLE_CLASS.matcher(selector);
        while (matcher.find()) {
            classes.add(matcher.group(1));
        }
        return classes;
    }
}
