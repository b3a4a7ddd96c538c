package dev.tokenexplorer.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.input.Nodes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an audit keeps of the objects it reads: the service-account-token Secrets (only the
 * fields it needs), the ServiceAccounts and the legacy-token tracking date. Everything else is
 * counted and dropped.
 */
final class Inventory {

    static final String TOKEN_SECRET_TYPE = "kubernetes.io/service-account-token";
    static final String SA_NAME_ANNOTATION = "kubernetes.io/service-account.name";
    static final String SA_UID_ANNOTATION = "kubernetes.io/service-account.uid";
    static final String LAST_USED_LABEL = "kubernetes.io/legacy-token-last-used";
    static final String INVALID_SINCE_LABEL = "kubernetes.io/legacy-token-invalid-since";
    static final String TRACKING_CONFIG_MAP = "kube-apiserver-legacy-service-account-token-tracking";

    record SecretEntry(String namespace, String name, String created, String serviceAccount, String serviceAccountUid,
                       String lastUsed, String invalidSince, String token, String tokenProblem, String source) {
    }

    record ServiceAccount(String uid, Set<String> secrets) {
    }

    final List<SecretEntry> secrets = new ArrayList<>();
    final Map<String, ServiceAccount> serviceAccounts = new HashMap<>();
    String trackingSince;
    int otherSecrets;
    int otherObjects;

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Takes what matters of one object; true when it was a service-account-token Secret. */
    boolean add(JsonNode object, String source) {
        String kind = text(object, "kind");
        JsonNode metadata = object.path("metadata");
        String namespace = text(metadata, "namespace");
        String name = text(metadata, "name");
        if (kind.equals("ServiceAccount")) {
            Set<String> names = new HashSet<>();
            object.path("secrets").forEach(ref -> names.add(text(ref, "name")));
            serviceAccounts.put(key(namespace, name), new ServiceAccount(text(metadata, "uid"), names));
        } else if (kind.equals("ConfigMap") && name.equals(TRACKING_CONFIG_MAP) && namespace.equals("kube-system")) {
            trackingSince = text(object.path("data"), "since");
        } else if ((kind.equals("Secret") || kind.isEmpty()) && text(object, "type").equals(TOKEN_SECRET_TYPE)) {
            addSecret(object, metadata, namespace, name, source);
            return true;
        } else if (kind.equals("Secret")) {
            otherSecrets++;
        } else {
            otherObjects++;
        }
        return false;
    }

    private void addSecret(JsonNode object, JsonNode metadata, String namespace, String name, String source) {
        JsonNode annotations = metadata.path("annotations");
        JsonNode labels = metadata.path("labels");
        String token = null;
        String problem = null;
        JsonNode plain = object.path("stringData").get("token");
        JsonNode encoded = object.path("data").get("token");
        if (plain != null && plain.isTextual()) {
            token = plain.asText().strip();
        } else if (encoded != null && encoded.isTextual()) {
            try {
                token = base64(encoded.asText());
            } catch (IllegalArgumentException e) {
                problem = "data.token is not valid base64: " + e.getMessage();
            }
        }
        if (token != null && token.isEmpty()) {
            token = null;
        }
        if (namespace.isEmpty()) {
            namespace = decoded(object.path("data").get("namespace"));
        }
        secrets.add(new SecretEntry(namespace, name, text(metadata, "creationTimestamp"),
                text(annotations, SA_NAME_ANNOTATION), text(annotations, SA_UID_ANNOTATION),
                text(labels, LAST_USED_LABEL), text(labels, INVALID_SINCE_LABEL), token, problem, source));
    }

    private static String decoded(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return "";
        }
        try {
            return base64(value.asText());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A {@code data} value: base64, line breaks allowed, as text without surrounding blanks. */
    private static String base64(String value) {
        return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8).strip();
    }

    private static String text(JsonNode node, String field) {
        String text = Nodes.text(node, field);
        return text == null ? "" : text;
    }
}
