package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML the only safe way: snakeyaml's {@link SafeConstructor}, which builds nothing but
 * maps, lists and scalars (so {@code !!javax.script.ScriptEngineManager} and other global tags are
 * refused), with limits on aliases, nesting and size. Documents come back as JSON trees so the
 * rest of the core reads YAML and JSON alike.
 */
public final class SafeYaml {

    public static final int MAX_ALIASES = 50;
    public static final int MAX_NESTING = 100;
    public static final int MAX_CODE_POINTS = 20 * 1024 * 1024;
    public static final int MAX_DOCUMENTS = 100_000;

    /** YAML that cannot be read; the message says what and where. */
    public static final class YamlReadException extends Exception {
        public YamlReadException(String message) {
            super(message, null, false, false);
        }
    }

    public List<JsonNode> readAll(String text) throws YamlReadException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setProcessComments(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<JsonNode> documents = new ArrayList<>();
        try {
            for (Object document : yaml.loadAll(text)) {
                if (documents.size() >= MAX_DOCUMENTS) {
                    throw new YamlReadException("the YAML has more than " + MAX_DOCUMENTS + " documents");
                }
                if (document != null) {
                    documents.add(toJson(document));
                }
            }
        } catch (MarkedYAMLException e) {
            throw new YamlReadException(describe(e));
        } catch (YAMLException e) {
            throw new YamlReadException(limitMessage(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new YamlReadException("the YAML is nested too deeply to read");
        } catch (NumberFormatException e) {
            // YAML 1.1 reads 1:20 as a base-60 number; a long one overflows snakeyaml's parser.
            throw new YamlReadException("a number in it is too large to read (YAML reads values like 1:20 as numbers; quote them)");
        } catch (IllegalArgumentException e) {
            // snakeyaml reports some malformed tags ("!-%0") with a plain IllegalArgumentException.
            throw new YamlReadException("it has a malformed tag (a word starting with !)");
        }
        return documents;
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "it could not be read" : e.getProblem();
        if (problem.contains("could not determine a constructor for the tag") || problem.startsWith("Global tag is not allowed")) {
            problem = "it uses a type tag (" + tagOf(problem) + "), which is never honoured: tags could make a loader build arbitrary objects";
        } else if (problem.startsWith("found duplicate key")) {
            problem = "the key \"" + problem.substring("found duplicate key".length()).trim() + "\" appears twice in one map";
        }
        problem = limitMessage(problem);
        Mark mark = e.getProblemMark();
        if (mark == null) {
            mark = e.getContextMark();
        }
        String where = mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
        return problem + where;
    }

    /** The tag as the user wrote it: "!!javax.script.ScriptEngineManager" or "!custom". */
    private static String tagOf(String problem) {
        java.util.regex.Matcher global = java.util.regex.Pattern.compile("tag:yaml\\.org,2002:(\\S+)").matcher(problem);
        if (global.find()) {
            return "!!" + global.group(1);
        }
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("!\\S+").matcher(problem);
        return local.find() ? local.group() : "a tag";
    }

    private static String limitMessage(String message) {
        if (message == null) {
            return "it could not be read";
        }
        if (message.contains("Number of aliases for non-scalar nodes exceeds")) {
            return "it uses more than " + MAX_ALIASES + " aliases (a \"billion laughs\" alias bomb?)";
        }
        if (message.contains("Nesting Depth exceeded")) {
            return "it is nested deeper than " + MAX_NESTING + " levels";
        }
        if (message.contains("The incoming YAML document exceeds the limit")) {
            return "it is larger than " + MAX_CODE_POINTS + " characters";
        }
        if (message.contains("Recursive key")) {
            return "it uses a recursive key";
        }
        return message.replace('\n', ' ');
    }

    private static JsonNode toJson(Object value) {
        JsonNodeFactory f = Json.nodes();
        if (value == null) return f.nullNode();
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = f.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.set(String.valueOf(scalarKey(entry.getKey())), toJson(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = f.arrayNode();
            for (Object item : list) {
                array.add(toJson(item));
            }
            return array;
        }
        if (value instanceof String s) return f.textNode(s);
        if (value instanceof Boolean b) return f.booleanNode(b);
        if (value instanceof Integer i) return f.numberNode(i);
        if (value instanceof Long l) return f.numberNode(l);
        if (value instanceof BigInteger b) return f.numberNode(b);
        if (value instanceof Double d) return d.isNaN() || d.isInfinite() ? f.textNode(d.toString()) : f.numberNode(new BigDecimal(d.toString()));
        if (value instanceof Date date) return f.textNode(dateText(date));
        if (value instanceof byte[] bytes) return f.textNode(Base64.getEncoder().encodeToString(bytes));
        if (value instanceof java.util.Set<?> set) {
            ArrayNode array = f.arrayNode();
            set.forEach(item -> array.add(toJson(item)));
            return array;
        }
        return f.textNode(String.valueOf(value));
    }

    private static Object scalarKey(Object key) {
        return key instanceof Date date ? dateText(date) : key;
    }

    /** Unquoted dates such as a label's 2022-10-24 come back as text, as Kubernetes stores them. */
    private static String dateText(Date date) {
        var instant = date.toInstant();
        var utc = instant.atOffset(ZoneOffset.UTC);
        if (utc.toLocalTime().toSecondOfDay() == 0 && utc.getNano() == 0) {
            return utc.toLocalDate().toString();
        }
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
