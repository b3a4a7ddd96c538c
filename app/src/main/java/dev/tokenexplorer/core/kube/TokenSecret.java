package dev.tokenexplorer.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Nodes;
import dev.tokenexplorer.core.text.Utf8;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;

import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * A Secret as the API server and its controllers read it: the one interpretation that the
 * Explore page's tree, {@code inspect} and the Audit all build from. What the API server would
 * refuse (annotations that are not a map of strings, data that is not base64, a token Secret
 * without its service account annotation) is kept as {@link #problems()}.
 *
 * @param namespace    metadata.namespace, or data.namespace when the object has none; "" when unknown
 * @param name         metadata.name, "" when missing
 * @param values       data (base64-decoded) and stringData (which the API server merges over data), by key;
 *                     null for a value that is binary
 * @param locations    where each value came from: "data.token" or "stringData.token"
 * @param token        the token's text, stripped; null when there is none
 * @param undecodable  the data keys whose values are not base64 text
 */
public record TokenSecret(String namespace, String name, String type, Instant created, String serviceAccount,
                          String serviceAccountUid, String lastUsedText, String invalidSinceText,
                          Map<String, String> values, Map<String, String> locations, String token, Set<String> undecodable,
                          List<Finding> problems) {

    public TokenSecret {
        values = values.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values)); // an audit keeps 50,000 empty ones
        locations = Map.copyOf(locations);
        undecodable = Set.copyOf(undecodable);
        problems = List.copyOf(problems);
    }

    /** The keys of data whose text the verdict reads; {@link #forVerdict} decodes no other value to text. */
    private static final Set<String> VERDICT_VALUES = Set.of("token", "namespace");

    /** Whether it is a {@code kubernetes.io/service-account-token} Secret, the only type holding a service account's token. */
    public boolean holdsServiceAccountToken() {
        return KubeNames.SA_TOKEN_TYPE.equals(type);
    }

    /** "Secret namespace/name", as messages name it. */
    public String label() {
        return "Secret " + qualifiedName();
    }

    /** "namespace/name" or "name". */
    public String qualifiedName() {
        return Nodes.qualified(namespace, name);
    }

    /** The day of the last-used label, null when absent or not a date. */
    public LocalDate lastUsed() {
        return date(lastUsedText);
    }

    /** The day of the invalid-since label, null when absent or not a date. */
    public LocalDate invalidSince() {
        return date(invalidSinceText);
    }

    /** Where the token came from ("data.token"), or null. */
    public String tokenLocation() {
        return locations.get("token");
    }

    public boolean hasProblem(FindingCode code) {
        return problems.stream().anyMatch(p -> p.type() == code);
    }

    /** The whole interpretation, every value decoded: what the Explore page's tree shows. */
    public static TokenSecret of(JsonNode secret) {
        return read(secret, true);
    }

    /**
     * The same interpretation without the data values, which the verdict does not read: an audit
     * keeps one per Secret of the dump until every token is checked. Every data value is still
     * checked to be base64 (its finding), but only the token and the namespace are turned into
     * text (a {@code ca.crt} is half of a Secret's bytes).
     */
    public static TokenSecret forVerdict(JsonNode secret) {
        return read(secret, false);
    }

    private static TokenSecret read(JsonNode secret, boolean allValues) {
        List<Finding> problems = new ArrayList<>();
        String metadataNamespace = Nodes.textOrEmpty(secret, "metadata", "namespace");
        String name = Nodes.textOrEmpty(secret, "metadata", "name");
        String type = Nodes.text(secret, "type");
        type = type == null ? "Opaque" : KubeNames.SA_TOKEN_TYPE.equals(type) ? KubeNames.SA_TOKEN_TYPE : type; // one copy, not one per Secret
        String label = "Secret " + Nodes.qualified(metadataNamespace, name);
        stringMap(secret, "annotations", FindingCode.ANNOTATIONS_NOT_A_MAP, label, problems);
        stringMap(secret, "labels", FindingCode.LABELS_NOT_A_MAP, label, problems);
        String serviceAccount = Nodes.text(secret, "metadata", "annotations", KubeNames.SA_NAME_ANNOTATION);
        if (KubeNames.SA_TOKEN_TYPE.equals(type) && serviceAccount == null) {
            problems.add(Finding.of(FindingCode.MISSING_SERVICE_ACCOUNT_ANNOTATION, label + ": metadata.annotations["
                    + KubeNames.SA_NAME_ANNOTATION + "]: Required value. The API server refuses a service-account-token Secret without it."));
        }
        String lastUsed = label(secret, KubeNames.LAST_USED_LABEL, label, problems);
        String invalidSince = label(secret, KubeNames.INVALID_SINCE_LABEL, label, problems);

        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> locations = new LinkedHashMap<>();
        Set<String> undecodable = new HashSet<>();
        JsonNode data = secret.get("data");
        if (data != null && data.isObject()) {
            data.fields().forEachRemaining(entry -> {
                String where = "data." + entry.getKey();
                Decoded decoded = decode(entry.getValue(), allValues || VERDICT_VALUES.contains(entry.getKey()));
                if (decoded.problem() != null) {
                    problems.add(Finding.of(FindingCode.DATA_NOT_BASE64, label + " " + where + decoded.problem()));
                    undecodable.add(entry.getKey());
                } else {
                    values.put(entry.getKey(), decoded.text());
                    locations.put(entry.getKey(), where);
                }
            });
        }
        JsonNode stringData = secret.get("stringData");
        if (stringData != null && stringData.isObject()) {
            stringData.fields().forEachRemaining(entry -> {
                if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                    values.put(entry.getKey(), entry.getValue().asText());
                    locations.put(entry.getKey(), "stringData." + entry.getKey());
                }
            });
        }
        String dataNamespace = values.get("namespace") == null ? null : values.get("namespace").strip();
        if (!metadataNamespace.isEmpty() && dataNamespace != null && !metadataNamespace.equals(dataNamespace)) {
            problems.add(Finding.of(FindingCode.NAMESPACE_MISMATCH, label + ": data.namespace says \"" + dataNamespace
                    + "\" but the Secret is in namespace \"" + metadataNamespace + "\"."));
        }
        String token = values.get("token") == null ? null : values.get("token").strip();
        if (!allValues) {
            values.clear();
            locations.keySet().retainAll(Set.of("token"));
        }
        return new TokenSecret(metadataNamespace.isEmpty() && dataNamespace != null ? dataNamespace : metadataNamespace, name, type,
                instant(Nodes.text(secret, "metadata", "creationTimestamp")), serviceAccount,
                Nodes.text(secret, "metadata", "annotations", KubeNames.SA_UID_ANNOTATION), lastUsed, invalidSince,
                values, locations, token == null || token.isEmpty() ? null : token, undecodable, problems);
    }

    /** The API server keeps annotations and labels as maps of strings and refuses anything else. */
    private static void stringMap(JsonNode secret, String field, FindingCode code, String label, List<Finding> problems) {
        JsonNode map = Nodes.at(secret, "metadata", field);
        if (map == null || map.isNull()) {
            return;
        }
        if (!map.isObject()) {
            problems.add(Finding.of(code, label + ": metadata." + field + " is " + shape(map)
                    + ", but it must be a map of key: value; the API server rejects this Secret."));
            return;
        }
        map.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                problems.add(Finding.of(code, label + ": metadata." + field + "[" + e.getKey() + "] is " + shape(e.getValue())
                        + ", but " + field + " must be strings (quote it); the API server rejects this Secret."));
            }
        });
    }

    private static String shape(JsonNode value) {
        if (value.isArray()) return "a list";
        if (value.isObject()) return "a map";
        if (value.isNumber()) return "a number";
        if (value.isBoolean()) return "a boolean";
        if (value.isNull()) return "null";
        return "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String label(JsonNode secret, String key, String label, List<Finding> problems) {
        JsonNode value = Nodes.at(secret, "metadata", "labels", key);
        if (value == null || !value.isTextual()) {
            return null;
        }
        if (date(value.asText()) == null) {
            problems.add(Finding.of(FindingCode.LABEL_NOT_A_DATE, label + ": the label " + key + " is \"" + value.asText()
                    + "\", not a YYYY-MM-DD date as the API server writes it; it is ignored."));
        }
        return value.asText();
    }

    private record Decoded(String text, String problem) {
    }

    /**
     * A data value as the API server decodes it: standard base64, line breaks allowed. Anything
     * else is an error, never skipped over (a lenient decoder would audit a token that the API
     * server refuses to store).
     */
    private static Decoded decode(JsonNode value, boolean asText) {
        if (value == null || value.isNull()) {
            return new Decoded("", null);
        }
        if (!value.isTextual()) {
            return new Decoded(null, " is " + shape(value) + ", not a string: Secret data values are base64 text.");
        }
        byte[] bytes;
        try {
            bytes = base64(value.asText());
        } catch (IllegalArgumentException e) {
            return new Decoded(null, " is not valid base64 (" + e.getMessage()
                    + "). Values under data must be base64; put plain text under stringData.");
        }
        if (!asText) {
            return new Decoded(null, null); // valid, and not read
        }
        try {
            return new Decoded(Utf8.strict(bytes), null);
        } catch (CharacterCodingException e) {
            return new Decoded(null, null); // binary data (a keystore, say): nothing to read as text
        }
    }

    /**
     * Base64 with the line breaks and spaces the API server tolerates taken out. The decoder refuses
     * any whitespace, so a value is decoded as it is and looked at again only when refused: one pass
     * over the usual value instead of three searches and the decoding.
     */
    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf(' ') >= 0) {
                return Base64.getDecoder().decode(text.replaceAll("[\\s]", ""));
            }
            throw e;
        }
    }

    /** A label's YYYY-MM-DD day, as the API server writes it; null when absent or not such a date. */
    public static LocalDate date(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
