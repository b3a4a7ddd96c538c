package dev.tokenexplorer.core.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the manifests: the Secret (and, if asked, its ServiceAccount first) in the conventional
 * key order apiVersion, kind, metadata, type, as block-style YAML documents separated by
 * {@code ---}, or as JSON (a v1 List when there are several objects).
 */
public final class ManifestWriter {

    private ManifestWriter() {
    }

    /** The objects, in apply order: the ServiceAccount must exist before its token Secret. */
    public static List<Map<String, Object>> objects(SecretRequest request) {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (request.includeServiceAccount()) {
            Map<String, Object> sa = new LinkedHashMap<>();
            sa.put("apiVersion", "v1");
            sa.put("kind", "ServiceAccount");
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("name", request.serviceAccount());
            metadata.put("namespace", request.namespace());
            sa.put("metadata", metadata);
            objects.add(sa);
        }
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", request.effectiveSecretName());
        metadata.put("namespace", request.namespace());
        if (!request.labels().isEmpty()) {
            metadata.put("labels", new LinkedHashMap<>(request.labels()));
        }
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(SecretRequest.SA_NAME_ANNOTATION, request.serviceAccount());
        if (!request.uid().isEmpty()) {
            annotations.put(SecretRequest.SA_UID_ANNOTATION, request.uid());
        }
        metadata.put("annotations", annotations);
        secret.put("metadata", metadata);
        secret.put("type", SecretRequest.TYPE);
        objects.add(secret);
        return objects;
    }

    public static String yaml(SecretRequest request) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setExplicitStart(false);
        Yaml yaml = new Yaml(options);
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> object : objects(request)) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            out.append(yaml.dump(object));
        }
        return out.toString();
    }

    public static String json(SecretRequest request) {
        List<Map<String, Object>> objects = objects(request);
        if (objects.size() == 1) {
            return Json.pretty(Json.tree(objects.get(0))) + "\n";
        }
        ObjectNode list = Json.nodes().objectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        ArrayNode items = list.putArray("items");
        objects.forEach(o -> items.add(Json.tree(o)));
        return Json.pretty(list) + "\n";
    }

    /** {@code kubectl apply -f - <<EOF … EOF}, ready to paste into a shell. */
    public static String applyCommand(SecretRequest request) {
        return "kubectl apply -f - <<'EOF'\n" + yaml(request) + "EOF";
    }

    /** Reads the token back once the token controller has filled it in. */
    public static String readTokenCommand(SecretRequest request) {
        return "kubectl get secret " + request.effectiveSecretName() + " -n " + request.namespace()
                + " -o jsonpath='{.data.token}' | base64 -d";
    }
}
