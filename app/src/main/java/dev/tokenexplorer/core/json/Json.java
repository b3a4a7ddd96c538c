package dev.tokenexplorer.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.text.Printable;

import java.util.List;
import java.util.Map;

/**
 * The one place JSON is read and written. Tokens and Kubernetes objects come from untrusted
 * hands, so reading is bounded (nesting, number and string sizes) and exact: field order is
 * kept, integers never lose digits and decimals keep their written precision, because users
 * compare what we show with what they pasted.
 */
public final class Json {

    /** Deeper than any real token or Kubernetes object; far below what could exhaust the stack. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** Digits in one number: NumericDate values have 10; anything near this limit is hostile. */
    public static final int MAX_NUMBER_LENGTH = 1_000;
    /** One string value: a Secret's base64 data may be large, but not larger than the input cap. */
    public static final int MAX_STRING_LENGTH = 20_000_000;

    /** Every parser: bounded, and refusing a key given twice in one object. */
    private static final JsonFactory FACTORY = factory();

    /** Decimals keep their exact written form. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** {"key": value} with two-space indentation and one array element a line, as people write JSON. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {
    }

    private static JsonFactory factory() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        factory.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return factory;
    }

    /** A node factory whose decimals keep their exact written form. */
    public static JsonNodeFactory nodes() {
        return NODES;
    }

    /**
     * Parses one JSON document.
     *
     * @throws JsonReadException with a message for users (what and where) when the text is not
     *                           valid JSON or breaks a limit
     */
    public static JsonNode parse(String text) throws JsonReadException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new JsonReadException("the JSON is empty");
            }
            JsonNode node = readTree(parser);
            if (parser.nextToken() != null) {
                throw new JsonReadException("there is more text after the end of the JSON value" + at(parser.currentTokenLocation()));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new JsonReadException(describe(e));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a String is read without I/O
        }
    }

    /** A streaming parser under the same limits, for inputs too large to hold as one tree. */
    public static JsonParser streamingParser(java.io.InputStream in) throws java.io.IOException {
        return FACTORY.createParser(in);
    }

    /**
     * The value at the parser's current token, as a tree; the parser is left on the value's last
     * token. Objects keep their keys' order; integers are int, long or BigInteger nodes as their
     * size needs, decimals exact BigDecimal nodes. The parser bounds the nesting, so the
     * recursion here is never deeper than {@link #MAX_NESTING_DEPTH}.
     */
    public static JsonNode readTree(JsonParser parser) throws java.io.IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IllegalStateException("the parser is not on a value");
        }
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, readTree(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readTree(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("not a JSON value: " + token);
        };
    }

    /**
     * Escapes, as backslash-u sequences, every character {@link Printable} would not show as itself
     * (C1 controls, bidi overrides and isolates, line separators...), beyond the C0 controls JSON
     * escapes anyway: the output stays the same JSON, and a terminal or viewer never acts on it.
     */
    static final class VisibleEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return Printable.printable(ch) ? null : new SerializedString(String.format("\\u%04x", ch));
        }
    }

    /** Pretty-printed JSON with two-space indentation, as users expect to read it. */
    public static String pretty(JsonNode node) {
        return text(node, true);
    }

    /**
     * One value as JSON on one line, as Jackson's JsonNode.toString writes it. That method builds
     * Jackson's mapper on first use, so it is never called here.
     */
    public static String compact(JsonNode node) {
        return text(node, false);
    }

    private static String text(JsonNode node, boolean pretty) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            if (pretty) {
                generator.setPrettyPrinter(PRETTY.createInstance());
                generator.setCharacterEscapes(new VisibleEscapes());
            }
            write(generator, node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws java.io.IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (java.util.Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    default -> generator.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case BINARY -> generator.writeBinary(node.binaryValue());
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /**
     * A tree of plain values: maps (keys in their order) and lists of strings, integers,
     * booleans and nulls, as the manifest form builds its objects.
     */
    public static JsonNode tree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, field) -> object.set(String.valueOf(key), tree(field)));
            return object;
        } else if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(tree(element)));
            return array;
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        } else if (value instanceof Integer || value instanceof Long) {
            return NODES.numberNode(((Number) value).longValue());
        }
        throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
    }

    public static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = "it could not be read";
        }
        // Jackson's messages quote the offending character and explain it; trim its hints
        // about Java-only features that mean nothing to a user.
        int cut = message.indexOf(" (for Object ");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        message = message.replace("\n", " ").replaceAll(" at \\[Source: .*", "");
        if (message.startsWith("Unrecognized token '")) {
            String word = message.substring("Unrecognized token '".length(), message.indexOf('\'', "Unrecognized token '".length()));
            message = "unexpected text '" + word + "' where a JSON value should be";
        } else if (message.startsWith("Trailing token")) {
            message = "there is more text after the end of the JSON value";
        }
        // Jackson appends hints for Java programmers: "(bound as `...`)", "; not allowed as per `...`".
        message = message.replaceAll("\\s*\\(bound as `[^`]*`\\)", "").replaceAll(":? ?not allowed as per `[^`]*`", "")
                .replaceAll("\\s*\\(code \\d+\\)", "");
        if (message.contains("StreamReadConstraints") || message.contains("exceeds the maximum")) {
            message = limitMessage(message);
        }
        return e instanceof JsonParseException && message.startsWith("Unexpected end") ? message : message + at(e.getLocation());
    }

    private static String at(JsonLocation location) {
        return location != null && location.getLineNr() > 0 ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
    }

    private static String limitMessage(String message) {
        if (message.contains("nesting")) {
            return "the JSON is nested deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("Number value length") || message.contains("number")) {
            return "a number in the JSON is longer than " + MAX_NUMBER_LENGTH + " digits";
        }
        if (message.contains("String value length") || message.contains("String")) {
            return "a string in the JSON is longer than " + MAX_STRING_LENGTH + " characters";
        }
        return message;
    }
}
