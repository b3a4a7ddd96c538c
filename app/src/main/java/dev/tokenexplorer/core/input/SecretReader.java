package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.time.TimeText;
import dev.tokenexplorer.core.token.Finding;
import dev.tokenexplorer.core.tree.SourceNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Secret: its token (from {@code data}, base64-decoded, or {@code stringData}, which the API
 * server merges over {@code data}), and what its type, annotations and legacy-token labels mean.
 */
final class SecretReader {

    static final String SA_TOKEN_TYPE = "kubernetes.io/service-account-token";
    static final String NAME_ANNOTATION = "kubernetes.io/service-account.name";
    static final String LAST_USED_LABEL = "kubernetes.io/legacy-token-last-used";
    static final String INVALID_SINCE_LABEL = "kubernetes.io/legacy-token-invalid-since";

    private SecretReader() {
    }

    static void read(JsonNode secret, String prefix, Collected out) {
        String label = "Secret " + Nodes.qualified(secret);
        String where = prefix + label;
        String type = Nodes.text(secret, "type");
        type = type == null ? "Opaque" : type;
        boolean saToken = SA_TOKEN_TYPE.equals(type);
        List<Finding> notes = new ArrayList<>();
        List<SourceNode.Detail> details = new ArrayList<>();
        List<SourceNode> children = new ArrayList<>();
        details.add(new SourceNode.Detail("Type", type, saToken
                ? "Holds a long-lived token for a service account, filled in by the token controller."
                : "This type holds no service account token."));

        JsonNode annotations = Nodes.at(secret, "metadata", "annotations");
        if (annotations != null && !annotations.isObject() && !annotations.isNull()) {
            notes.add(Finding.error("annotations-not-a-map", where + ": metadata.annotations is a "
                    + (annotations.isArray() ? "list" : "scalar") + ", but it must be a map of key: value; the API server rejects this Secret."));
        } else if (annotations != null && annotations.isObject()) {
            annotations.fields().forEachRemaining(e -> details.add(new SourceNode.Detail("Annotation " + e.getKey(), e.getValue().asText(),
                    ANNOTATION_MEANINGS.get(e.getKey()))));
        }
        JsonNode labels = Nodes.at(secret, "metadata", "labels");
        if (labels != null && labels.isObject()) {
            labels.fields().forEachRemaining(e -> details.add(new SourceNode.Detail("Label " + e.getKey(), e.getValue().asText(),
                    labelMeaning(e.getKey(), e.getValue().asText(), out.now))));
        }
        if (saToken && Nodes.text(secret, "metadata", "annotations", NAME_ANNOTATION) == null) {
            notes.add(Finding.error("missing-service-account-annotation", where
                    + ": metadata.annotations[" + NAME_ANNOTATION + "]: Required value. The API server refuses a service-account-token Secret without it."));
        }
        if (saToken) {
            out.serviceAccount(Nodes.text(secret, "metadata", "namespace"), Nodes.text(secret, "metadata", "annotations", NAME_ANNOTATION),
                    Nodes.text(secret, "metadata", "annotations", "kubernetes.io/service-account.uid"));
        } else {
            notes.add(Finding.info("not-a-token-secret", where + " has type " + type
                    + ": it holds no service account token (only type " + SA_TOKEN_TYPE + " does)."));
        }

        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> locations = new LinkedHashMap<>();
        JsonNode data = secret.get("data");
        if (data != null && data.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                var entry = it.next();
                String decoded = decodeData(entry.getValue(), where + " data." + entry.getKey(), notes);
                if (decoded != null) {
                    values.put(entry.getKey(), decoded);
                    locations.put(entry.getKey(), "data." + entry.getKey());
                }
            }
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
        if (!values.isEmpty()) {
            List<String> sizes = new ArrayList<>();
            values.forEach((key, value) -> {
                int bytes = value.getBytes(StandardCharsets.UTF_8).length;
                sizes.add(key + ": " + bytes + " bytes");
                details.add(new SourceNode.Detail(locations.get(key), key.equals("namespace") ? value.strip() : bytes + " bytes", DATA_MEANINGS.get(key)));
            });
            notes.add(Finding.info("secret-data", where + " holds " + String.join(", ", sizes) + "."));
        }

        List<Finding> context = labelFindings(secret, label, out.now);
        boolean foundToken = false;
        for (var entry : values.entrySet()) {
            String value = entry.getValue().strip();
            boolean isTokenKey = entry.getKey().equals("token");
            if ((isTokenKey && !value.isEmpty()) || looksLikeJwt(value)) {
                children.add(out.token(where + " " + locations.get(entry.getKey()), value, context, locations.get(entry.getKey())));
                foundToken = true;
            } else if (value.contains("-----BEGIN CERTIFICATE-----")) {
                children.addAll(out.certificates(value));
            }
        }
        String namespace = Nodes.text(secret, "metadata", "namespace");
        String dataNamespace = values.get("namespace");
        if (namespace != null && dataNamespace != null && !namespace.equals(dataNamespace.strip())) {
            notes.add(Finding.warning("namespace-mismatch", where + ": data.namespace says \"" + dataNamespace.strip()
                    + "\" but the Secret is in namespace \"" + namespace + "\"."));
        }
        if (saToken && !foundToken) {
            String sa = Nodes.text(secret, "metadata", "annotations", NAME_ANNOTATION);
            notes.add(Finding.info("token-not-filled", where + " has no token yet: the token controller fills in token, ca.crt and namespace a moment after the Secret is created"
                    + (sa == null ? "." : ", if service account " + sa + " exists in " + (namespace == null ? "its namespace" : "namespace " + namespace) + ".")));
        }
        if (!foundToken) {
            notes.addAll(context); // no token to carry them: say them of the Secret
        }
        notes.forEach(out::note);
        out.nodes.add(new SourceNode("secret", prefix + label, saToken ? "service account token" : type + ": no service account token",
                details, notes, children, -1));
    }

    private static final Map<String, String> ANNOTATION_MEANINGS = Map.of(
            NAME_ANNOTATION, "The service account the token is for; the only annotation the API server requires.",
            "kubernetes.io/service-account.uid", "The service account's UID, filled in by the token controller.");

    private static final Map<String, String> DATA_MEANINGS = Map.of(
            "token", "The service account's legacy token, signed by the token controller.",
            "ca.crt", "The cluster's CA certificate, to check the API server's certificate.",
            "namespace", "The Secret's namespace.",
            "kubernetes.kubeconfig", "A kubeconfig built around the token.");

    private static String labelMeaning(String key, String value, Instant now) {
        return switch (key) {
            case LAST_USED_LABEL -> "The API server's record of the day the token was last used" + daysAgo(value, now)
                    + "; it is updated at most once a day (Kubernetes 1.28+).";
            case INVALID_SINCE_LABEL -> "The legacy-token cleaner marked this unused token invalid on this day" + daysAgo(value, now)
                    + ": the API server rejects it. Remove the label to re-enable it; unless it is used, the Secret is deleted after another clean-up period.";
            default -> null;
        };
    }

    /** What the legacy-token tracking and clean-up labels say (Kubernetes 1.28 and 1.30). */
    private static List<Finding> labelFindings(JsonNode secret, String label, Instant now) {
        List<Finding> findings = new ArrayList<>();
        String invalidSince = Nodes.text(secret, "metadata", "labels", INVALID_SINCE_LABEL);
        if (invalidSince != null) {
            findings.add(Finding.error("legacy-token-invalid", label + " is labelled " + INVALID_SINCE_LABEL + "=" + invalidSince
                    + ": the legacy-token cleaner marked it unused, and the API server rejects its token (\"has been marked invalid\"). "
                    + "Remove the label to re-enable the token temporarily; unless it is used, the Secret is deleted after another clean-up period."));
        }
        String lastUsed = Nodes.text(secret, "metadata", "labels", LAST_USED_LABEL);
        if (lastUsed != null) {
            findings.add(Finding.info("legacy-token-last-used", label + " was last used on " + lastUsed + daysAgo(lastUsed, now)
                    + ", as tracked by the API server (the label is updated at most once a day)."));
        }
        return findings;
    }

    private static String daysAgo(String date, Instant now) {
        try {
            Instant day = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
            return " (" + TimeText.relative(day, now) + ")";
        } catch (DateTimeParseException e) {
            return " (not a YYYY-MM-DD date)";
        }
    }

    private static String decodeData(JsonNode value, String where, List<Finding> notes) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            notes.add(Finding.error("data-not-base64", where + " is not a string: Secret data values are base64 text."));
            return null;
        }
        String text = value.asText().replaceAll("\\s", "");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            notes.add(Finding.error("data-not-base64", where + " is not valid base64 (" + e.getMessage()
                    + "). Values under data must be base64; put plain text under stringData."));
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null; // binary data (a keystore, say): nothing for us to read
        }
    }

    static boolean looksLikeJwt(String value) {
        return value.startsWith("eyJ") && value.chars().filter(c -> c == '.').count() == 2 && !value.contains(" ");
    }
}
