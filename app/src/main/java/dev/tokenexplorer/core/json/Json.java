package dev.tokenexplorer.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.tokenexplorer.core.text.Printable;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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

    private static final ObjectMapper READER = JsonMapper.builder(factory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** For values inside a stream: what follows them is the stream's business. */
    private static final com.fasterxml.jackson.databind.ObjectReader STREAM_READER =
            READER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Decimals keep their exact written form. Built without a mapper: reading needs only the factory. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * The writing mapper, built on first use: its serializers are a hundred classes that a
     * command writing CSV never needs (the JVM's start is part of every command's time).
     */
    private static final class Writer {
        static final ObjectMapper WRITER = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .nodeFactory(NODES)
                .build();

        /** {"key": value} with two-space indentation and one array element a line, as people write JSON. */
        static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }


    private Json() {
    }

    private static JsonFactory factory() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
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
        try {
            JsonNode node = READER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new JsonReadException("the JSON is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new JsonReadException(describe(e));
        }
    }

    /** A streaming parser under the same limits, for inputs too large to hold as one tree. */
    public static JsonParser streamingParser(java.io.InputStream in) throws java.io.IOException {
        return READER.createParser(in);
    }

    /** The value at the parser's current token, as a tree. */
    public static JsonNode readTree(JsonParser parser) throws java.io.IOException {
        return STREAM_READER.readTree(parser);
    }

    /**
     * Escapes, as backslash-u sequences, every character {@link Printable} would not show as itself
     * (C1 controls, bidi overrides and isolates, line separators...), beyond the C0 controls JSON
     * escapes anyway: the output stays the same JSON, and a terminal or viewer never acts on it.
     */
    private static final class VisibleEscapes extends CharacterEscapes {
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
        try {
            return Writer.WRITER.writer(Writer.PRETTY).with(new VisibleEscapes()).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    public static ObjectMapper writer() {
        return Writer.WRITER;
    }

    /** What is wrong with the JSON and where, for a user. */
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
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0 && !(e instanceof JsonParseException && message.startsWith("Unexpected end"))) {
            return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return message;
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
