package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.input.ObjectReader.Budget;
import dev.tokenexplorer.core.input.ObjectReader.Item;
import dev.tokenexplorer.core.input.ObjectReader.ReadException;
import dev.tokenexplorer.core.input.ObjectReader.Role;
import dev.tokenexplorer.core.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML for {@link ObjectReader}, built from snakeyaml's parser events: nothing is constructed but
 * JSON trees, so no tag can make it build an object ({@link YamlScalars} types the scalars).
 */
final class YamlTrees {

    private static final JsonNodeFactory NODES = Json.nodes();
    private static final String MERGE = "<<";
    private record Anchored(JsonNode node, long size) {
    }

    /** A value too long for the limits: the reader stops before holding it. */
    private static final class TooLong extends IOException {
        TooLong() {
            super(null, null);
        }
    }

    private final Parser parser;
    private final Budget budget;
    private final ObjectReader.Sink sink;
    private final Window window;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private int document;

    private YamlTrees(Parser parser, Window window, ObjectReader.Limits limits, ObjectReader.Sink sink) {
        this.parser = parser;
        this.window = window;
        this.budget = new Budget(limits);
        this.sink = sink;
    }

    static void read(Reader in, ObjectReader.Limits limits, ObjectReader.Sink sink) throws ReadException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // bounded per value and per object instead
        options.setProcessComments(false);
        Window window = new Window(in, limits.maxScalarChars() + (1 << 16));
        Parser parser = new ParserImpl(new StreamReader(window), options);
        try {
            new YamlTrees(parser, window, limits, sink).documents();
        } catch (MarkedYAMLException e) {
            throw new ReadException(describe(e));
        } catch (YAMLException e) {
            if (e.getCause() instanceof TooLong) {
                throw new ReadException(ObjectReader.longer(limits));
            }
            throw new ReadException(String.valueOf(e.getMessage()).replace('\n', ' '));
        } catch (IllegalArgumentException e) {
            // snakeyaml reports some malformed tags ("!-%0") with a plain IllegalArgumentException.
            throw new ReadException("it has a malformed tag (a word starting with !)");
        }
    }

    private Event next() {
        window.newEvent();
        return parser.getEvent();
    }

    private void documents() throws ReadException {
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            Event event = next();
            if (event.is(Event.ID.DocumentStart)) {
                document++;
                anchors.clear();
                document();
            }
        }
    }

    private void document() throws ReadException {
        budget.reset();
        if (parser.checkEvent(Event.ID.MappingStart)) {
            topMapping();
        } else if (parser.checkEvent(Event.ID.SequenceStart)) {
            Event sequence = next();
            YamlScalars.checkTag(((CollectionStartEvent) sequence).getTag(), sequence);
            int index = 0;
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                budget.reset();
                sink.accept(new Item(Role.LIST_ITEM, node(2), document, index++));
            }
            next();
            sink.accept(new Item(Role.LIST_END, NODES.objectNode(), document, index));
        } else if (!parser.checkEvent(Event.ID.DocumentEnd)) {
            JsonNode value = node(1);
            if (!value.isNull()) {
                sink.accept(new Item(Role.OBJECT, value, document, -1));
            }
        }
        next(); // DocumentEnd
    }

    /** A document's map: the elements of its {@code items} list go out one by one as they are read. */
    private void topMapping() throws ReadException {
        Event start = next();
        YamlScalars.checkTag(((CollectionStartEvent) start).getTag(), start);
        ObjectNode rest = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>();
        int items = -1;
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.peekEvent();
            String key = key(1);
            if (key.equals("items") && parser.checkEvent(Event.ID.SequenceStart) && !rest.has("items") && items < 0) {
                next();
                items = 0;
                while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                    long saved = budget.used();
                    budget.reset();
                    sink.accept(new Item(Role.LIST_ITEM, node(3), document, items++));
                    budget.restore(saved);
                }
                next();
            } else {
                entry(rest, merged, key, keyEvent, 1);
            }
        }
        next();
        merge(rest, merged);
        remember(start, rest, budget.used());
        sink.accept(items < 0 ? new Item(Role.OBJECT, rest, document, -1) : new Item(Role.LIST_END, rest, document, items));
    }

    /** One key's value into a map: a merge key's maps are kept aside, a repeated key is refused. */
    private void entry(ObjectNode object, List<JsonNode> merged, String key, Event keyEvent, int depth) throws ReadException {
        if (key.equals(MERGE) && keyEvent instanceof ScalarEvent scalar && scalar.isPlain()) {
            JsonNode value = node(depth + 1);
            if (value.isObject()) {
                merged.add(value);
            } else if (value.isArray() && java.util.stream.StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isObject)) {
                value.forEach(merged::add);
            } else {
                throw new ReadException("a merge key (<<) must be followed by a map or a list of maps" + at(keyEvent));
            }
            return;
        }
        if (object.has(key)) {
            throw new ReadException("the key \"" + key + "\" appears twice in one map" + at(keyEvent));
        }
        object.set(key, node(depth + 1));
    }

    /** YAML merge: explicit keys win over merged ones, and earlier merged maps over later ones. */
    private static void merge(ObjectNode object, List<JsonNode> merged) {
        for (JsonNode source : merged) {
            source.fields().forEachRemaining(e -> {
                if (!object.has(e.getKey())) {
                    object.set(e.getKey(), e.getValue());
                }
            });
        }
    }

    private String key(int depth) throws ReadException {
        JsonNode key = node(depth);
        return key.isTextual() ? key.asText() : key.isNull() ? "" : Json.compact(key);
    }

    private JsonNode node(int depth) throws ReadException {
        Event event = next();
        if (event instanceof AliasEvent alias) {
            Anchored target = anchors.get(alias.getAnchor());
            if (target == null) {
                throw new ReadException("the alias *" + alias.getAnchor() + " names no anchor" + at(event));
            }
            if (budget.spend(target.size())) {
                throw budget.tooMany(at(event));
            }
            return target.node();
        }
        if (budget.spend(1)) {
            throw budget.tooMany(at(event));
        }
        long before = budget.used() - 1;
        if (event instanceof ScalarEvent scalar) {
            if (budget.tooLong(scalar.getValue().length())) {
                throw budget.tooLong(at(event));
            }
            return remember(scalar, YamlScalars.value(scalar), 1);
        }
        if (budget.tooDeep(depth)) {
            throw budget.tooDeep(at(event));
        }
        YamlScalars.checkTag(((CollectionStartEvent) event).getTag(), event);
        if (event.is(Event.ID.SequenceStart)) {
            ArrayNode array = NODES.arrayNode();
            while (!parser.checkEvent(Event.ID.SequenceEnd)) {
                array.add(node(depth + 1));
            }
            next();
            return remember((NodeEvent) event, array, budget.used() - before);
        }
        ObjectNode object = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            Event keyEvent = parser.peekEvent();
            entry(object, merged, key(depth + 1), keyEvent, depth);
        }
        next();
        merge(object, merged);
        return remember((NodeEvent) event, object, budget.used() - before);
    }

    private JsonNode remember(NodeEvent event, JsonNode node, long size) {
        if (event.getAnchor() != null) {
            anchors.put(event.getAnchor(), new Anchored(node, size));
        }
        return node;
    }

    private JsonNode remember(Event event, JsonNode node, long size) {
        return event instanceof NodeEvent n ? remember(n, node, size) : node;
    }

    static String at(Event event) {
        Mark mark = event.getStartMark();
        return mark == null ? "" : ObjectReader.at(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "it could not be read" : e.getProblem();
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return problem.replace('\n', ' ') + (mark == null ? "" : ObjectReader.at(mark.getLine() + 1, mark.getColumn() + 1));
    }

    /** Counts the characters read since the last event: one value cannot grow past the limit. */
    private static final class Window extends FilterReader {
        private final long max;
        private long read;

        Window(Reader in, long max) {
            super(in);
            this.max = max;
        }

        void newEvent() {
            read = 0;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (read += n) > max) {
                throw new TooLong();
            }
            return n;
        }
    }
}
