package dev.tokenexplorer.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tokenexplorer.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Json reads and writes trees with jackson-core alone. What it makes must be exactly what
 * Jackson's mapper made before (the mapper is kept for the manifest form only): the same node
 * types, numbers and key order, the same pretty text, the same messages.
 */
class JsonTest {

    /** The mapper Json read with until it read trees itself. */
    private static final ObjectMapper MAPPER_READER = JsonMapper.builder(JsonFactory.builder().build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    static List<String> documents() {
        List<String> documents = new ArrayList<>(List.of(
                "{\"a\": 1, \"b\": 2147483648, \"c\": 9223372036854775808, \"d\": -0, \"e\": 1.50, \"f\": 1e400, \"g\": 0.1e-5}",
                "[[], {}, [[[\"deep\"]]], null, true, false, \"\"]",
                "{\"text\": \"tab\\t nl\\n quote\\\" slash\\\\ \\u0000 \\u007f \\u0085 \\u202e \\u2028 \\ud83d\\ude00 ü\"}",
                "\"just a string\"", "42", "-7.250", "null",
                "{\"z\": 1, \"a\": {\"y\": [1, 2.0, {\"x\": null}], \"b\": \"c\"}}"));
        for (String fixture : List.of(Fixtures.PROJECTED, Fixtures.LEGACY_V120, Fixtures.EXPLICIT_LEGACY)) {
            String[] parts = Fixtures.text(fixture).strip().split("\\.");
            documents.add(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            documents.add(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        }
        return documents;
    }

    @ParameterizedTest
    @MethodSource("documents")
    void aTreeIsTheMappersNodeForNode(String document) throws Exception {
        JsonNode ours = Json.parse(document);
        JsonNode mappers = MAPPER_READER.readTree(document);

        assertThat(ours).isEqualTo(mappers);
        assertSameTypes(ours, mappers, "$");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void prettyTextIsWhatTheMapperWrote(String document) throws Exception {
        ObjectMapper mapperWriter = JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        JsonNode tree = Json.parse(document);
        String mappers = mapperWriter.writer(pretty).with(new Json.VisibleEscapes()).writeValueAsString(tree);

        assertThat(Json.pretty(tree)).isEqualTo(mappers);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void compactTextIsWhatJsonNodeToStringWrote(String document) throws Exception {
        JsonNode tree = Json.parse(document);

        assertThat(Json.compact(tree)).isEqualTo(tree.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1} {\"b\": 2}", "{\"a\": 1}\n  [", "[1, 2,]", "{\"a\": 1, \"a\": 2}", "{\"a\" 1}", "tru", "{\"a\": 01}",
            "[\"unterminated", "{\"a\": 1} garbage"})
    void aMessageIsTheOneTheMapperGave(String document) {
        String mappers;
        try {
            MAPPER_READER.readTree(document);
            throw new AssertionError("the mapper read " + document);
        } catch (JsonProcessingException e) {
            mappers = Json.describe(e);
        }
        assertThatThrownBy(() -> Json.parse(document)).isInstanceOf(JsonReadException.class).hasMessage(mappers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t "})
    void nothingButSpaceIsAnEmptyDocument(String document) {
        assertThatThrownBy(() -> Json.parse(document)).isInstanceOf(JsonReadException.class).hasMessage("the JSON is empty");
    }

    @org.junit.jupiter.api.Test
    void plainValuesBecomeATreeInTheirOrder() {
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("name", "builder-token");
        metadata.put("labels", Map.of("team", "platform"));
        Map<String, Object> secret = new java.util.LinkedHashMap<>();
        secret.put("kind", "Secret");
        secret.put("metadata", metadata);
        secret.put("items", java.util.Arrays.asList(1, 2L, true, null));

        assertThat(Json.pretty(Json.tree(secret))).isEqualTo("""
                {
                  "kind": "Secret",
                  "metadata": {
                    "name": "builder-token",
                    "labels": {
                      "team": "platform"
                    }
                  },
                  "items": [
                    1,
                    2,
                    true,
                    null
                  ]
                }""");
        assertThatThrownBy(() -> Json.tree(Map.of("when", java.time.Instant.EPOCH))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.time.Instant");
    }

    private static void assertSameTypes(JsonNode ours, JsonNode mappers, String path) {
        assertThat(ours.getClass()).as(path).isEqualTo(mappers.getClass());
        if (ours.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> a = ours.fields();
            Iterator<Map.Entry<String, JsonNode>> b = mappers.fields();
            while (a.hasNext()) {
                Map.Entry<String, JsonNode> x = a.next();
                Map.Entry<String, JsonNode> y = b.next();
                assertThat(x.getKey()).as(path + " key order").isEqualTo(y.getKey());
                assertSameTypes(x.getValue(), y.getValue(), path + "." + x.getKey());
            }
        } else if (ours.isArray()) {
            for (int i = 0; i < ours.size(); i++) {
                assertSameTypes(ours.get(i), mappers.get(i), path + "[" + i + "]");
            }
        }
    }
}
