package dev.tokenexplorer.core.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.input.SafeYaml;
import dev.tokenexplorer.core.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the Kubernetes objects of a dump one at a time, without holding the dump: a JSON or YAML
 * {@code List} (what {@code kubectl get -o json|yaml} prints), a JSON array, multi-document YAML,
 * or a single object. The {@code items} of a top-level list are handed over as they are read, so
 * a dump of any size needs only the memory of one object.
 *
 * <p>YAML is read at the event level and every scalar becomes a string: no tag is honoured and no
 * object is ever constructed. Aliases are expanded under a budget, nesting is bounded.
 */
public final class ObjectStream {

    /** Deeper than any Kubernetes object; shallow enough that recursion stays safe. */
    public static final int MAX_NESTING = SafeYaml.MAX_NESTING;
    /** Aliases expanded in one YAML document: kubectl never writes one; a bomb writes millions. */
    public static final int MAX_ALIASES = SafeYaml.MAX_ALIASES;

    /** Thrown with a message for users: what was wrong and where. */
    public static final class StreamException extends Exception {
        public StreamException(String message) {
            super(message, null, false, false);
        }
    }

    private static final JsonNodeFactory NODES = Json.nodes();

    private ObjectStream() {
    }

    /**
     * Reads every object in {@code in}: JSON when it starts with { or [ (read as bytes, the fast
     * way), YAML otherwise. Text must be UTF-8.
     */
    public static void read(InputStream in, Consumer<JsonNode> objects) throws IOException, StreamException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
        buffered.mark(4096);
        int first;
        int skipped = 0;
        do {
            first = buffered.read();
            skipped++;
        } while ((first == ' ' || first == '\t' || first == '\r' || first == '\n') && skipped < 4000);
        buffered.reset();
        if (first == -1) {
            return;
        }
        if (first == '{' || first == '[') {
            readJson(buffered, objects);
        } else {
            readYaml(new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), objects);
        }
    }

    // ---- JSON --------------------------------------------------------------------------------

    private static void readJson(InputStream in, Consumer<JsonNode> objects) throws IOException, StreamException {
        try (JsonParser parser = Json.streamingParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        emit(Wanted.OBJECT.read(parser), objects);
                    }
                } else if (token == JsonToken.START_OBJECT) {
                    readJsonObject(parser, objects);
                } else {
                    throw new StreamException("expected a JSON object or array of objects" + where(parser));
                }
            }
        } catch (JsonProcessingException e) {
            throw new StreamException(Json.describe(e));
        }
    }

    /** A top-level object: its {@code items} go out one by one; any other wanted field is kept. */
    private static void readJsonObject(JsonParser parser, Consumer<JsonNode> objects) throws IOException, StreamException {
        ObjectNode rest = NODES.objectNode();
        boolean list = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Wanted wanted = Wanted.OBJECT.fields.get(name);
            if (name.equals("items") && value == JsonToken.START_ARRAY) {
                list = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    emit(Wanted.OBJECT.read(parser), objects);
                }
            } else if (wanted != null) {
                rest.set(name, wanted.read(parser));
            } else {
                parser.skipChildren();
            }
        }
        if (!list) {
            emit(rest, objects);
        }
    }

    /**
     * The fields of an object that the audit reads ({@link Inventory}), as a tree of names. A
     * JSON object is built with only these; every other field is skipped by the parser without
     * being built or its strings decoded: kubectl's dumps carry managedFields, last-applied
     * annotations and other Secrets' data that an audit never looks at. An array is read element
     * by element with the same wanted fields.
     */
    private static final class Wanted {
        /** A field read whole, whatever it holds. */
        static final Wanted WHOLE = new Wanted();
        /** A Kubernetes object, or a list of them. */
        static final Wanted OBJECT = new Wanted();

        static {
            OBJECT.fields.put("kind", WHOLE);
            OBJECT.fields.put("type", WHOLE);
            OBJECT.fields.put("metadata", of(Map.of("namespace", WHOLE, "name", WHOLE, "uid", WHOLE, "creationTimestamp", WHOLE,
                    "annotations", of(Map.of(Inventory.SA_NAME_ANNOTATION, WHOLE, Inventory.SA_UID_ANNOTATION, WHOLE)),
                    "labels", of(Map.of(Inventory.LAST_USED_LABEL, WHOLE, Inventory.INVALID_SINCE_LABEL, WHOLE)))));
            OBJECT.fields.put("data", of(Map.of("token", WHOLE, "namespace", WHOLE, "since", WHOLE)));
            OBJECT.fields.put("stringData", of(Map.of("token", WHOLE)));
            OBJECT.fields.put("secrets", of(Map.of("name", WHOLE)));
            OBJECT.fields.put("items", OBJECT);
        }

        private final Map<String, Wanted> fields = new HashMap<>();

        private static Wanted of(Map<String, Wanted> fields) {
            Wanted wanted = new Wanted();
            wanted.fields.putAll(fields);
            return wanted;
        }

        /** The value at the parser's current token, with only the wanted fields; the parser ends on its last token. */
        JsonNode read(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return NODES.textNode(parser.getText());
            }
            if (this == WHOLE || !token.isStructStart()) {
                return Json.readTree(parser);
            }
            if (token == JsonToken.START_ARRAY) {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                Wanted wanted = fields.get(name);
                parser.nextToken();
                if (wanted == null) {
                    parser.skipChildren();
                } else {
                    object.set(name, wanted.read(parser));
                }
            }
            return object;
        }
    }

    private static String where(JsonParser parser) {
        var location = parser.currentLocation();
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** An object, or the items of a list nested in a list. */
    private static void emit(JsonNode node, Consumer<JsonNode> objects) {
        if (node == null || !node.isObject()) {
            return;
        }
        JsonNode items = node.get("items");
        if (items != null && items.isArray() && !node.has("data")) {
            items.forEach(item -> emit(item, objects));
        } else {
            objects.accept(node);
        }
    }

    // ---- YAML --------------------------------------------------------------------------------

    private static void readYaml(Reader in, Consumer<JsonNode> objects) throws StreamException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // streamed: the file size is what is bounded
        options.setProcessComments(false);
        Parser parser = new ParserImpl(new StreamReader(in), options);
        try {
            new YamlDocuments(parser, objects).read();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new StreamException((e.getProblem() == null ? "the YAML could not be read" : "the YAML is malformed: " + e.getProblem())
                    + (mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")"));
        } catch (YAMLException | IllegalArgumentException e) {
            throw new StreamException("the YAML could not be read: " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
    }

    /** Builds nodes from parser events; the top-level {@code items} sequence is streamed. */
    private static final class YamlDocuments {
        private final Parser parser;
        private final Consumer<JsonNode> objects;
        private final Map<String, JsonNode> anchors = new HashMap<>();
        private int aliases;

        YamlDocuments(Parser parser, Consumer<JsonNode> objects) {
            this.parser = parser;
            this.objects = objects;
        }

        void read() throws StreamException {
            while (!parser.checkEvent(Event.ID.StreamEnd)) {
                Event event = parser.getEvent();
                if (event.is(Event.ID.DocumentStart)) {
                    anchors.clear();
                    aliases = 0;
                    document();
                }
            }
        }

        private void document() throws StreamException {
            if (parser.checkEvent(Event.ID.MappingStart)) {
                MappingStartEvent start = (MappingStartEvent) parser.getEvent();
                ObjectNode rest = NODES.objectNode();
                boolean list = false;
                while (!parser.checkEvent(Event.ID.MappingEnd)) {
                    String key = key(1);
                    if (key.equals("items") && parser.checkEvent(Event.ID.SequenceStart)) {
                        list = true;
                        parser.getEvent();
                        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                            emit(node(2), objects);
                        }
                        parser.getEvent();
                    } else {
                        rest.set(key, node(2));
                    }
                }
                parser.getEvent();
                remember(start, rest);
                if (!list) {
                    emit(rest, objects);
                }
            } else if (parser.checkEvent(Event.ID.SequenceStart)) {
                JsonNode sequence = node(1);
                sequence.forEach(item -> emit(item, objects));
            } else if (!parser.checkEvent(Event.ID.DocumentEnd)) {
                node(1); // a bare scalar: nothing to audit
            }
            parser.getEvent(); // DocumentEnd
        }

        private String key(int depth) throws StreamException {
            JsonNode key = node(depth);
            return key.isTextual() ? key.asText() : key.toString();
        }

        private JsonNode node(int depth) throws StreamException {
            Event event = parser.getEvent();
            if (depth > MAX_NESTING) {
                throw new StreamException("the YAML is nested deeper than " + MAX_NESTING + " levels" + at(event));
            }
            if (event instanceof AliasEvent alias) {
                JsonNode target = anchors.get(alias.getAnchor());
                if (target == null) {
                    throw new StreamException("the alias *" + alias.getAnchor() + " names no anchor" + at(event));
                }
                if (target.isContainerNode() && ++aliases > MAX_ALIASES) {
                    throw new StreamException("the YAML uses more than " + MAX_ALIASES + " aliases (a \"billion laughs\" alias bomb?)" + at(event));
                }
                return target;
            }
            if (event instanceof ScalarEvent scalar) {
                JsonNode value = scalar.isPlain() && (scalar.getValue().isEmpty() || scalar.getValue().equals("~")
                        || scalar.getValue().equals("null")) ? NODES.nullNode() : NODES.textNode(scalar.getValue());
                return remember(scalar, value);
            }
            if (event.is(Event.ID.SequenceStart)) {
                ArrayNode array = NODES.arrayNode();
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    array.add(node(depth + 1));
                }
                parser.getEvent();
                return remember((NodeEvent) event, array);
            }
            if (event.is(Event.ID.MappingStart)) {
                ObjectNode object = NODES.objectNode();
                while (!parser.checkEvent(Event.ID.MappingEnd)) {
                    String key = key(depth + 1);
                    object.set(key, node(depth + 1));
                }
                parser.getEvent();
                return remember((NodeEvent) event, object);
            }
            throw new StreamException("unexpected YAML " + event.getEventId() + at(event));
        }

        private JsonNode remember(NodeEvent event, JsonNode node) {
            if (event.getAnchor() != null) {
                anchors.put(event.getAnchor(), node);
            }
            return node;
        }

        private static String at(Event event) {
            Mark mark = event.getStartMark();
            return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
        }
    }
}
