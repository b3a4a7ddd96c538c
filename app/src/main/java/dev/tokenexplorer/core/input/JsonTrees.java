package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.input.ObjectReader.Budget;
import dev.tokenexplorer.core.input.ObjectReader.Item;
import dev.tokenexplorer.core.input.ObjectReader.ReadException;
import dev.tokenexplorer.core.input.ObjectReader.Role;
import dev.tokenexplorer.core.json.Json;

import java.io.IOException;
import java.io.InputStream;

/** JSON for {@link ObjectReader}: Jackson's streaming parser (duplicate keys refused), trees built under the budget. */
final class JsonTrees {

    private static final JsonNodeFactory NODES = Json.nodes();

    private final JsonParser parser;
    private final Budget budget;
    private final ObjectReader.Sink sink;
    private int document;

    private JsonTrees(JsonParser parser, ObjectReader.Limits limits, ObjectReader.Sink sink) {
        this.parser = parser;
        this.budget = new Budget(limits);
        this.sink = sink;
    }

    static void read(InputStream in, ObjectReader.Limits limits, Projection projection, ObjectReader.Sink sink)
            throws IOException, ReadException {
        try (JsonParser parser = Json.streamingParser(in)) {
            new JsonTrees(parser, limits, sink).values(projection);
        } catch (JsonProcessingException e) {
            throw new ReadException(Json.describe(e));
        }
    }

    /** Every top-level value: JSON documents may follow each other, as concatenated kubectl outputs do. */
    private void values(Projection projection) throws IOException, ReadException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            document++;
            if (token == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    budget.reset();
                    sink.accept(new Item(Role.LIST_ITEM, value(projection, 1), document, index++));
                }
                sink.accept(new Item(Role.LIST_END, NODES.objectNode(), document, index));
            } else if (token == JsonToken.START_OBJECT) {
                topObject(projection);
            } else {
                budget.reset();
                sink.accept(new Item(Role.OBJECT, value(projection, 0), document, -1));
            }
        }
    }

    /** A top-level object: the elements of its {@code items} array go out one by one as they are read. */
    private void topObject(Projection projection) throws IOException, ReadException {
        budget.reset();
        ObjectNode rest = NODES.objectNode();
        int items = -1;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Projection field = projection.field(name);
            if (name.equals("items") && value == JsonToken.START_ARRAY) {
                items = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    long saved = budget.used();
                    budget.reset();
                    sink.accept(new Item(Role.LIST_ITEM, value(projection, 2), document, items++));
                    budget.restore(saved);
                }
            } else if (field != null) {
                rest.set(name, value(field, 1));
            } else {
                parser.skipChildren();
            }
        }
        sink.accept(items < 0 ? new Item(Role.OBJECT, rest, document, -1) : new Item(Role.LIST_END, rest, document, items));
    }

    /** The value at the current token, as much of it as the projection keeps; ends on its last token. */
    private JsonNode value(Projection projection, int depth) throws IOException, ReadException {
        JsonToken token = parser.currentToken();
        if (budget.spend(1)) {
            throw budget.tooMany(where());
        }
        switch (token) {
            case START_ARRAY -> {
                if (budget.tooDeep(depth)) {
                    throw budget.tooDeep(where());
                }
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(projection, depth + 1));
                }
                return array;
            }
            case START_OBJECT -> {
                if (budget.tooDeep(depth)) {
                    throw budget.tooDeep(where());
                }
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken next = parser.nextToken();
                    Projection field = projection.isStringMap()
                            ? (projection.keepsString(name) || next != JsonToken.VALUE_STRING ? Projection.ALL : null)
                            : projection.field(name);
                    if (field == null) {
                        parser.skipChildren();
                    } else {
                        object.set(name, value(field, depth + 1));
                    }
                }
                return object;
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                if (budget.tooLong(text.length())) {
                    throw budget.tooLong(where());
                }
                return NODES.textNode(text);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return Json.readTree(parser);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new ReadException("unexpected JSON " + token + where());
        }
    }

    private String where() {
        var location = parser.currentLocation();
        return ObjectReader.at(location.getLineNr(), location.getColumnNr());
    }
}
