package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.json.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.kube.SecretVerdict;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.tree.SourceNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells the objects that {@link ObjectReader} hands over apart by their {@code kind} and shape,
 * one at a time, and hands each to its reader; at the end, says what the input was as a whole.
 */
final class DocumentReader {

    private final Collected out;
    private final boolean numbered;
    private final List<InputType> types = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    /** The current list: its Secrets, and the items that hold no token. */
    private int listSecrets;
    private final List<String> listOthers = new ArrayList<>();
    private int items;
    /** Errors of objects that hold no token but judge the token Secrets: said only when the input holds nothing else. */
    private final java.util.Set<String> quietErrors = new java.util.HashSet<>();

    /** @param numbered whether messages name the document they come from (multi-document YAML) */
    DocumentReader(Collected out, boolean numbered) {
        this.out = out;
        this.numbered = numbered;
    }

    void accept(ObjectReader.Item item) {
        items++;
        String prefix = numbered ? "document " + item.document() + ": " : "";
        switch (item.role()) {
            case OBJECT -> outcome(prefix, object(item.value(), prefix));
            case LIST_ITEM -> listItem(item.value(), item.index(), prefix);
            case LIST_END -> outcome(prefix, listEnd(item.index(), prefix));
        }
    }

    /** What the input was, once every object was read. */
    RecognizedInput finish(String source, SecretVerdict.Judging judging) {
        if (items == 0) {
            return RecognizedInput.failed(source, InputType.UNKNOWN, "The input holds no YAML document, only comments or separators. "
                    + InputRecognizer.EXPECTED);
        }
        out.accounts.finish();
        for (Collected.PendingSecret pending : out.tokenless) {
            SourceNode node = out.nodes.get(pending.node());
            List<Finding> verdict = SecretVerdict.judge(pending.secret(), null, out.accounts, judging);
            List<Finding> notes = new ArrayList<>(node.notes());
            notes.addAll(verdict);
            out.nodes.set(pending.node(), new SourceNode(node.kind(), node.title(), node.subtitle(), node.details(), notes,
                    node.children(), node.tokenIndex()));
            out.notes.addAll(verdict);
        }
        InputType type = overallType();
        String error = !errors.isEmpty() && (type == InputType.UNKNOWN || types.size() == 1) ? String.join(" ", errors) : null;
        if (error == null) {
            // A Pod or a RoleBinding beside the Secrets is part of a cluster dump, not a mistake.
            errors.stream().filter(e -> !quietErrors.contains(e)).forEach(e -> out.note(Finding.of(FindingCode.DOCUMENT_NOT_RECOGNISED, e)));
        }
        return new RecognizedInput(source, type, error, out.tokens, out.notes, out.serviceAccounts, out.nodes, out.accounts);
    }

    private void outcome(String prefix, Outcome outcome) {
        types.add(outcome.type());
        if (outcome.error() != null) {
            errors.add(prefix + outcome.error());
            if (outcome.quiet()) {
                quietErrors.add(prefix + outcome.error());
            }
        }
    }

    /** @param quiet the object judges the token Secrets (a Pod, a RoleBinding): part of a dump, not a mistake */
    private record Outcome(InputType type, String error, boolean quiet) {
        Outcome(InputType type, String error) {
            this(type, error, false);
        }

        static Outcome of(InputType type) {
            return new Outcome(type, null);
        }
    }

    private Outcome object(JsonNode document, String prefix) {
        if (!document.isObject()) {
            return new Outcome(InputType.UNKNOWN, "a plain value (" + abbreviate(document.asText()) + "), not an object. " + InputRecognizer.EXPECTED);
        }
        JsonNode keys = document.get("keys");
        if ((keys != null && keys.isArray()) || document.has("kty")) {
            KeyReader.KeyLoad load = KeyReader.json("JWKS", document);
            load.notes().forEach(n -> out.note(n.prefixed(prefix)));
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
            String error = KubeconfigReader.read(document, prefix, out);
            return new Outcome(InputType.KUBECONFIG, error);
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
            out.note(serviceAccountNote(document, prefix));
            return new Outcome(InputType.UNKNOWN, "ServiceAccount " + Nodes.qualified(document)
                    + " holds no token itself. Paste a token, or the Secret holding one.");
        }
        boolean clusterObject = out.accounts.add(document); // Pods, workloads, RBAC, the tracking ConfigMap: they judge the token Secrets
        if (kind != null) {
            return new Outcome(InputType.UNKNOWN, "a " + kind + ", which holds no service account token. " + InputRecognizer.EXPECTED, clusterObject);
        }
        return new Outcome(InputType.UNKNOWN, "a YAML or JSON object that is neither a Secret, a kubeconfig nor a JWKS (it has no kind). " + InputRecognizer.EXPECTED);
    }

    private void listItem(JsonNode item, int index, String prefix) {
        String kind = Nodes.text(item, "kind");
        if ("Secret".equals(kind)) {
            SecretReader.read(item, prefix, out);
            listSecrets++;
        } else if ("ServiceAccount".equals(kind)) {
            out.note(serviceAccountNote(item, prefix));
        } else {
            out.accounts.add(item);
            listOthers.add("items[" + index + "]" + (kind == null ? "" : " (" + kind + ")"));
        }
    }

    private Outcome listEnd(int size, String prefix) {
        int secrets = listSecrets;
        List<String> others = List.copyOf(listOthers);
        listSecrets = 0;
        listOthers.clear();
        if (!others.isEmpty()) {
            out.note(Finding.of(FindingCode.LIST_OTHER_ITEMS, prefix + others.size() + " list item(s) hold no service account token: "
                    + String.join(", ", others.subList(0, Math.min(5, others.size()))) + (others.size() > 5 ? ", …" : "") + "."));
        }
        if (secrets == 0 && others.size() == size) {
            return new Outcome(InputType.UNKNOWN, "a list of " + size + " item(s), none of them a Secret.");
        }
        return Outcome.of(InputType.SECRET_LIST);
    }

    private Finding serviceAccountNote(JsonNode sa, String prefix) {
        out.accounts.add(sa);
        out.serviceAccount(Nodes.text(sa, "metadata", "namespace"), Nodes.text(sa, "metadata", "name"), Nodes.text(sa, "metadata", "uid"));
        List<SourceNode.Detail> details = new ArrayList<>();
        details.add(SourceNode.Detail.of("UID", String.valueOf(Nodes.text(sa, "metadata", "uid"))));
        List<String> names = new ArrayList<>();
        JsonNode listed = sa.get("secrets");
        if (listed != null && listed.isArray()) {
            listed.forEach(s -> {
                names.add(Nodes.text(s, "name"));
                details.add(new SourceNode.Detail("Lists Secret", Nodes.text(s, "name"),
                        "A token Secret listed here counts as auto-generated: the legacy-token cleaner may mark it invalid and delete it once unused."));
            });
        }
        out.nodes.add(new SourceNode("service-account", "ServiceAccount " + Nodes.qualified(sa), "holds no token itself", details, List.of(), List.of(), -1));
        return Finding.of(FindingCode.SERVICE_ACCOUNT, prefix + "ServiceAccount " + Nodes.qualified(sa)
                + (names.isEmpty() ? " lists no Secrets." : " lists Secret(s) " + String.join(", ", names)
                + ": listed token Secrets count as auto-generated, and the legacy-token cleaner may delete them once unused."));
    }

    private InputType overallType() {
        if (types.size() == 1) {
            return types.get(0);
        }
        if (types.contains(InputType.SECRET) || types.contains(InputType.SECRET_LIST)) {
            return InputType.SECRET_LIST;
        }
        return types.stream().filter(t -> t != InputType.UNKNOWN).findFirst().orElse(InputType.UNKNOWN);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
