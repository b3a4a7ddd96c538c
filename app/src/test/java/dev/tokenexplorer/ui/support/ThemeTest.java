package dev.tokenexplorer.ui.support;

import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window's theme is AtlantaFX's, less only the rules of controls it never creates. */
class ThemeTest {

    private static final Set<String> UNUSED = BinaryStylesheets.UNUSED_CONTROLS.values().stream()
            .flatMap(List::stream).collect(Collectors.toSet());

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theBuiltThemeIsAtlantaFxsWithoutTheRulesOfUnusedControls(Theme theme) throws IOException {
        Stylesheet atlantaFx = new CssParser().parse(BinaryStylesheets.source(theme));
        Stylesheet built = Stylesheet.loadBinary(new URL(theme.url()));

        List<String> expected = new ArrayList<>();
        for (Rule rule : atlantaFx.getRules()) {
            List<String> kept = rule.getSelectors().stream().map(Selector::toString)
                    .filter(selector -> BinaryStylesheets.styleClasses(selector).stream().noneMatch(UNUSED::contains)).toList();
            if (!kept.isEmpty()) {
                expected.add(kept + " " + properties(rule));
            }
        }
        List<String> actual = built.getRules().stream().map(rule -> rule.getSelectors().stream().map(Selector::toString).toList()
                + " " + properties(rule)).toList();

        assertThat(actual).as("every rule that can style a control the window uses, unchanged and in order").isEqualTo(expected);
        assertThat(built.getRules()).as("almost half of the rules go").hasSizeLessThan(atlantaFx.getRules().size() * 7 / 10);
        assertThat(actual).anyMatch(rule -> rule.startsWith("[*.button:hover]"))
                .noneMatch(rule -> BinaryStylesheets.styleClasses(rule).stream().anyMatch(UNUSED::contains));
    }

    private static List<String> properties(Rule rule) {
        return rule.getDeclarations().stream().map(Declaration::getProperty).toList();
    }

    @Test
    void aRuleKeepsItsOtherSelectorsAndARuleLeftWithNoneGoes() {
        String css = "/* a comment { } */ .button, .date-picker .arrow-button { -fx-padding: 1; }\n"
                + ".slider .thumb, .spinner { -fx-padding: 2; }\n.label{-fx-text-fill: red;}";

        assertThat(BinaryStylesheets.withoutUnusedControls(css))
                .isEqualTo(".button { -fx-padding: 1; }\n.label {-fx-text-fill: red;}\n");
    }

    @Test
    void aStylesheetOfAnotherShapeStopsTheBuildRatherThanLosingStyles() {
        assertThatThrownBy(() -> BinaryStylesheets.withoutUnusedControls("@import \"other.css\";\n.button { -fx-padding: 1; }"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a rule at offset 0");
        assertThatThrownBy(() -> BinaryStylesheets.withoutUnusedControls(".button { -fx-padding: 1; }\n.label {"))
                .hasMessageContaining("not a rule");
    }

    @Test
    void theWindowsOwnStylesheetsAndCodeNameNoStyleClassTheThemeLeftOut() throws IOException {
        Pattern styleClassCall = Pattern.compile("getStyleClass\\(\\)\\.\\w+\\(([^;]*)\\)");
        List<String> named = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".css") || f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                List<String> classes = file.toString().endsWith(".css") ? BinaryStylesheets.styleClasses(text)
                        : styleClassCall.matcher(text).results().flatMap(call -> Pattern.compile("\"([\\w-]+)\"").matcher(call.group(1)).results())
                        .map(literal -> literal.group(1)).toList();
                classes.stream().filter(UNUSED::contains).forEach(styleClass -> named.add(file.getFileName() + ": " + styleClass));
            }
        }
        assertThat(named).isEmpty();
    }
}
