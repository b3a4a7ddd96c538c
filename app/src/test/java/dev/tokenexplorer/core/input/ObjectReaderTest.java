package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.input.ObjectReader.Item;
import dev.tokenexplorer.core.input.ObjectReader.Limits;
import dev.tokenexplorer.core.input.ObjectReader.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectReaderTest {

    private static final Limits SMALL = new Limits(5, 10, 20);

    private static List<Item> read(String text, Limits limits) throws ObjectReader.ReadException {
        List<Item> items = new ArrayList<>();
        ObjectReader.read(text, limits, items::add);
        return items;
    }

    private static List<Item> stream(String text, Projection projection) throws Exception {
        List<Item> items = new ArrayList<>();
        ObjectReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Limits.DEFAULT, projection, items::add);
        return items;
    }

    @Test
    void aListsItemsComeOneByOneThenTheListItself() throws Exception {
        List<Item> items = read("kind: List\nitems:\n- {kind: Secret, metadata: {name: a}}\n- {kind: Secret, metadata: {name: b}}\n", Limits.DEFAULT);

        assertThat(items).extracting(Item::role).containsExactly(Role.LIST_ITEM, Role.LIST_ITEM, Role.LIST_END);
        assertThat(items.get(1).value().at("/metadata/name").asText()).isEqualTo("b");
        assertThat(items.get(2).index()).isEqualTo(2);
        assertThat(items.get(2).value().get("kind").asText()).isEqualTo("List");
    }

    @Test
    void jsonDocumentsMayFollowEachOtherAndArraysAreLists() throws Exception {
        List<Item> items = stream("{\"kind\":\"Secret\"}\n[{\"kind\":\"ServiceAccount\"}]", Projection.ALL);

        assertThat(items).extracting(Item::role).containsExactly(Role.OBJECT, Role.LIST_ITEM, Role.LIST_END);
        assertThat(items).extracting(Item::document).containsExactly(1, 2, 2);
    }

    @Test
    void mergeKeysApplyAndExplicitKeysWin() throws Exception {
        JsonNode object = read("""
                base: &base {a: 1, b: 2}
                more: &more {b: 3, c: 4}
                merged:
                  <<: [*base, *more]
                  a: explicit
                """, Limits.DEFAULT).get(0).value().get("merged");

        assertThat(object.toString()).isEqualTo("{\"a\":\"explicit\",\"b\":2,\"c\":4}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a: 1\\nb: 2\\na: 3                | the key "a" appears twice in one map (line 3, column 1)
            m:\\n  x: [1]\\n  y: 2\\n  x: {}   | the key "x" appears twice in one map (line 4, column 3)
            {"a": {"b": 1, "b": 2}}          | Duplicate field 'b'
            """)
    void aKeyRepeatedInOneMapIsRefusedWithWhereItIs(String text, String message) {
        assertThatThrownBy(() -> read(text.replace("\\n", "\n"), Limits.DEFAULT)).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a: [[[[[[1]]]]]]                        | nested deeper than 5 levels
            [[[[[[[1]]]]]]]                         | nested deeper than 5 levels
            a: 01234567890                          | a value is longer than
            {"a": "01234567890"}                    | a value is longer than
            a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21] | one object holds more than 20 values
            a: &a [1, 2, 3, 4, 5]\\nb: [*a, *a, *a, *a] | counting each alias as what it repeats
            """)
    void theLimitsHoldForYamlAndJsonAlike(String text, String message) {
        assertThatThrownBy(() -> read(text.replace("\\n", "\n"), SMALL)).hasMessageContaining(message);
    }

    @Test
    void aLongStringInJsonIsRefusedByTheParsersOwnLimit() {
        String text = "{\"a\": \"" + "x".repeat(21 * 1024 * 1024) + "\"}";
        assertThatThrownBy(() -> read(text, Limits.DEFAULT)).hasMessageContaining("longer than");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!javax.script.ScriptEngineManager [x]", "a: !custom 1", "a: !<tag:yaml.org,2002:java.io.File> x"})
    void typeTagsAreRefusedNotHonoured(String text) {
        assertThatThrownBy(() -> read(text, Limits.DEFAULT)).hasMessageContaining("type tag").hasMessageContaining("never honoured");
    }

    @Test
    void plainScalarsAreTypedAsKubernetesTypesThemQuotedOnesStayText() throws Exception {
        JsonNode object = read("a: 1\nb: true\nc: ~\nd: '1'\ne: 1.50\nf: 2022-10-24\ng: 0x1F\n", Limits.DEFAULT).get(0).value();

        assertThat(object.toString()).isEqualTo("{\"a\":1,\"b\":true,\"c\":null,\"d\":\"1\",\"e\":1.50,\"f\":\"2022-10-24\",\"g\":\"0x1F\"}");
    }

    @Test
    void aProjectionSkipsFieldsButNotTheirSyntaxOrDuplicates() throws Exception {
        Projection kindOnly = Projection.fields(Map.of("kind", Projection.ALL));

        List<Item> items = stream("{\"kind\":\"Secret\",\"data\":{\"big\":\"x\"}}", kindOnly);
        assertThat(items.get(0).value().toString()).isEqualTo("{\"kind\":\"Secret\"}");
        assertThatThrownBy(() -> stream("{\"kind\":\"Secret\",\"data\":{\"a\":1,\"a\":2}}", kindOnly)).hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void aStringMapProjectionKeepsItsKeysAndEveryValueThatIsNoString() throws Exception {
        Projection labels = Projection.fields(Map.of("labels", Projection.stringMap(java.util.Set.of("keep"))));

        List<Item> items = stream("{\"labels\":{\"keep\":\"a\",\"skip\":\"b\",\"bad\":3}}", labels);

        assertThat(items.get(0).value().toString()).isEqualTo("{\"labels\":{\"keep\":\"a\",\"bad\":3}}");
    }

    /** Every entry point refuses one huge object, not only huge files: a 600,000-element array as a Secret's kind. */
    @Test
    void oneHugeObjectIsRefusedByEveryEntryPoint() {
        String huge = "{\"kind\": [" + "0,".repeat(600_000) + "0], \"type\": \"kubernetes.io/service-account-token\"}";
        Analyzer analyzer = new Analyzer(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

        assertThat(analyzer.analyzeText("paste", huge).error()).contains("one object holds more than 500,000 values");
        assertThat(Auditor.audit("dump.json", huge, AuditOptions.at(Instant.parse("2026-11-28T12:00:00Z"))).problems())
                .singleElement().asString().contains("one object holds more than 500,000 values");
        String yaml = "kind: [" + "0, ".repeat(600_000) + "0]\n";
        assertThat(analyzer.analyzeText("paste", yaml).error()).contains("one object holds more than 500,000 values");
    }
}
