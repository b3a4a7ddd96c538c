package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tokenexplorer.core.input.ObjectReader.ReadException;
import dev.tokenexplorer.core.json.Json;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * YAML scalars as JSON values: plain ones typed as Kubernetes' YAML decoder types them (numbers,
 * booleans, null), quoted ones and every other form text. Tags other than YAML's standard ones
 * (which only say map, list, string, number, boolean or null) are refused, never honoured.
 */
final class YamlScalars {

    private static final JsonNodeFactory NODES = Json.nodes();
    private static final Resolver RESOLVER = new Resolver();
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?");
    /** The standard tags: they only say which of map, list, string, number, boolean or null a value is. */
    private static final Set<String> STANDARD_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq", "timestamp",
            "binary", "merge", "omap", "set").stream().map(t -> Tag.PREFIX + t).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private YamlScalars() {
    }

    static JsonNode value(ScalarEvent scalar) throws ReadException {
        String value = scalar.getValue();
        String tag = scalar.getTag();
        if (tag != null && !tag.equals("!")) {
            checkTag(tag, scalar);
            return tag.equals(Tag.STR.getValue()) ? NODES.textNode(value) : typed(value, tag);
        }
        if (!scalar.isPlain()) {
            return NODES.textNode(value);
        }
        return typed(value, RESOLVER.resolve(NodeId.scalar, value, true).getValue());
    }

    /** A plain scalar as a JSON value; forms JSON has no number for (0x1F, 1:20, .inf) stay text. */
    private static JsonNode typed(String value, String tag) {
        if (tag.equals(Tag.NULL.getValue())) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL.getValue())) {
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            return NODES.booleanNode(lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y"));
        }
        if (tag.equals(Tag.INT.getValue()) && DECIMAL.matcher(value).matches()) {
            BigInteger number = new BigInteger(value.replace("_", "").replace("+", ""));
            return number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
        }
        if (tag.equals(Tag.FLOAT.getValue()) && FLOAT.matcher(value).matches() && value.length() < 1000) {
            try {
                return NODES.numberNode(new BigDecimal(value.replace("_", "").replace("+", "")));
            } catch (NumberFormatException e) {
                return NODES.textNode(value);
            }
        }
        return NODES.textNode(value);
    }

    static void checkTag(String tag, Event event) throws ReadException {
        if (tag != null && !tag.equals("!") && !STANDARD_TAGS.contains(tag)) {
            String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
            throw new ReadException("it uses a type tag (" + shown
                    + "), which is never honoured: tags could make a loader build arbitrary objects" + YamlTrees.at(event));
        }
    }
}
