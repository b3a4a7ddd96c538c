package dev.tokenexplorer.core.json;

import com.fasterxml.jackson.databind.JsonNode;

/** Small readers of Kubernetes objects as JSON trees, lenient about what is missing. */
public final class Nodes {
    private Nodes() {
    }

    /** The text at a path of object fields, or null when absent or not text. */
    public static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** The text at a path of object fields, or "" when absent or not text: for fields a reader compares or keys by. */
    public static String textOrEmpty(JsonNode node, String... path) {
        String text = text(node, path);
        return text == null ? "" : text;
    }

    /** "ns/name" or "name" for a namespace and name that may be missing (null or empty); "(unnamed)" for no name. */
    public static String qualified(String namespace, String name) {
        String n = name == null || name.isEmpty() ? "(unnamed)" : name;
        return namespace == null || namespace.isEmpty() ? n : namespace + "/" + n;
    }

    /** The node at a path of object fields, or null when the path leaves the objects. */
    public static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(field);
        }
        return current;
    }

    /** "ns/name" or "name", as kubectl names namespaced objects. */
    public static String qualified(JsonNode object) {
        String name = text(object, "metadata", "name");
        String namespace = text(object, "metadata", "namespace");
        name = name == null ? "(unnamed)" : name;
        return namespace == null ? name : namespace + "/" + name;
    }
}
