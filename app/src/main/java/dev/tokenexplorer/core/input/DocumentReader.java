package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.token.Finding;
import dev.tokenexplorer.core.tree.SourceNode;

import java.util.ArrayList;
import java.util.List;

/** Tells one YAML or JSON document apart by its {@code kind} and shape, and hands it to its reader. */
final class DocumentReader {

    record Outcome(InputType type, String error) {
        static Outcome of(InputType type) {
            return new Outcome(type, null);
        }
    }

    private DocumentReader() {
    }

    static Outcome read(JsonNode document, String prefix, Collected out) {
        if (document.isArray()) {
            return list(document, prefix, out);
        }
        if (!document.isObject()) {
            return new Outcome(InputType.UNKNOWN, "a plain value (" + abbreviate(document.asText()) + "), not an object. " + InputRecognizer.EXPECTED);
        }
        JsonNode keys = document.get("keys");
        if ((keys != null && keys.isArray()) || document.has("kty")) {
            KeyReader.KeyLoad load = KeyReader.json("JWKS", document);
            load.notes().forEach(n -> out.note(new Finding(n.severity(), n.code(), prefix + n.message())));
            load.keys().forEach(k -> out.nodes.add(KeyReader.node(k)));
            return new Outcome(InputType.JWKS, load.error());
        }
        if (KeyReader.isDiscoveryDocument(document)) {
            return new Outcome(InputType.UNKNOWN, KeyReader.discoveryMessage(document));
        }
        String kind = Nodes.text(document, "kind");
        if ("Secret".equals(kind)) {
            SecretReader.read(document, prefix, out);
            return Outcome.of(InputType.SECRET);
        }
        if ("Config".equals(kind) || (kind == null && (document.has("clusters") || document.has("users") || document.has("contexts")))) {
            KubeconfigReader.read(document, prefix, out);
            return Outcome.of(InputType.KUBECONFIG);
        }
        JsonNode items = document.get("items");
        if (items != null && items.isArray() && (kind == null || kind.endsWith("List"))) {
            return list(items, prefix, out);
        }
        if ("TokenRequest".equals(kind)) {
            String token = Nodes.text(document, "status", "token");
            if (token == null) {
                return new Outcome(InputType.UNKNOWN, "a TokenRequest without status.token: the request, not the API server's answer.");
            }
            out.nodes.add(out.token(prefix + "TokenRequest status.token", token, List.of(), "TokenRequest status.token"));
            return Outcome.of(InputType.JWT);
        }
        if ("ServiceAccount".equals(kind)) {
            out.note(serviceAccountNote(document, prefix, out));
            return new Outcome(InputType.UNKNOWN, "ServiceAccount " + Nodes.qualified(document)
                    + " holds no token itself. Paste a token, or the Secret holding one.");
        }
        if (kind != null) {
            return new Outcome(InputType.UNKNOWN, "a " + kind + ", which holds no service account token. " + InputRecognizer.EXPECTED);
        }
        return new Outcome(InputType.UNKNOWN, "a YAML or JSON object that is neither a Secret, a kubeconfig nor a JWKS (it has no kind). " + InputRecognizer.EXPECTED);
    }

    private static Outcome list(JsonNode items, String prefix, Collected out) {
        int secrets = 0;
        List<String> others = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String kind = Nodes.text(item, "kind");
            if ("Secret".equals(kind)) {
                SecretReader.read(item, prefix, out);
                secrets++;
            } else if ("ServiceAccount".equals(kind)) {
                out.note(serviceAccountNote(item, prefix, out));
            } else {
                others.add("items[" + i + "]" + (kind == null ? "" : " (" + kind + ")"));
            }
        }
        if (!others.isEmpty()) {
            out.note(Finding.info("list-other-items", prefix + others.size() + " list item(s) hold no service account token: "
                    + String.join(", ", others.subList(0, Math.min(5, others.size()))) + (others.size() > 5 ? ", …" : "") + "."));
        }
        if (secrets == 0 && others.size() == items.size()) {
            return new Outcome(InputType.UNKNOWN, "a list of " + items.size() + " item(s), none of them a Secret.");
        }
        return Outcome.of(InputType.SECRET_LIST);
    }

    private static Finding serviceAccountNote(JsonNode sa, String prefix, Collected out) {
        out.serviceAccount(Nodes.text(sa, "metadata", "namespace"), Nodes.text(sa, "metadata", "name"), Nodes.text(sa, "metadata", "uid"));
        List<SourceNode.Detail> details = new ArrayList<>();
        details.add(SourceNode.Detail.of("UID", String.valueOf(Nodes.text(sa, "metadata", "uid"))));
        JsonNode listed = sa.get("secrets");
        if (listed != null && listed.isArray()) {
            listed.forEach(s -> details.add(new SourceNode.Detail("Lists Secret", Nodes.text(s, "name"),
                    "A token Secret listed here counts as auto-generated: the legacy-token cleaner may mark it invalid and delete it once unused.")));
        }
        out.nodes.add(new SourceNode("service-account", "ServiceAccount " + Nodes.qualified(sa), "holds no token itself", details, List.of(), List.of(), -1));
        JsonNode secrets = sa.get("secrets");
        List<String> names = new ArrayList<>();
        if (secrets != null && secrets.isArray()) {
            secrets.forEach(s -> names.add(Nodes.text(s, "name")));
        }
        return Finding.info("service-account", prefix + "ServiceAccount " + Nodes.qualified(sa)
                + (names.isEmpty() ? " lists no Secrets." : " lists Secret(s) " + String.join(", ", names)
                + ": listed token Secrets count as auto-generated, and the legacy-token cleaner may delete them once unused."));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
