package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.json.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.kube.KubeNames;
import dev.tokenexplorer.core.kube.TokenSecret;
import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.tree.SourceNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shows a Secret in the Explore page's tree: its {@link TokenSecret} interpretation (the same the
 * Audit judges), every annotation, label and data value with what it means, and its token, whose
 * report carries the Secret's verdict.
 */
final class SecretReader {

    private SecretReader() {
    }

    static void read(JsonNode object, String prefix, Collected out) {
        TokenSecret secret = TokenSecret.of(object);
        String where = prefix + secret.label();
        boolean saToken = secret.holdsServiceAccountToken();
        // A token Secret's problems are part of its verdict, said with its token (or, tokenless, once the input is read).
        List<Finding> notes = new ArrayList<>(saToken ? List.of() : secret.problems());
        List<SourceNode.Detail> details = new ArrayList<>();
        List<SourceNode> children = new ArrayList<>();
        details.add(new SourceNode.Detail("Type", secret.type(), saToken
                ? "Holds a long-lived token for a service account, filled in by the token controller."
                : "This type holds no service account token."));
        JsonNode annotations = Nodes.at(object, "metadata", "annotations");
        if (annotations != null && annotations.isObject()) {
            annotations.fields().forEachRemaining(e -> details.add(new SourceNode.Detail("Annotation " + e.getKey(), e.getValue().asText(),
                    ANNOTATION_MEANINGS.get(e.getKey()))));
        }
        JsonNode labels = Nodes.at(object, "metadata", "labels");
        if (labels != null && labels.isObject()) {
            labels.fields().forEachRemaining(e -> details.add(new SourceNode.Detail("Label " + e.getKey(), e.getValue().asText(),
                    labelMeaning(e.getKey(), e.getValue().asText(), out.now))));
        }
        if (saToken) {
            out.serviceAccount(secret.namespace().isEmpty() ? null : secret.namespace(), secret.serviceAccount(), secret.serviceAccountUid());
        } else {
            notes.add(Finding.of(FindingCode.NOT_A_TOKEN_SECRET, where + " has type " + secret.type()
                    + ": it holds no service account token (only type " + KubeNames.SA_TOKEN_TYPE + " does)."));
        }
        if (!secret.values().isEmpty()) {
            List<String> sizes = new ArrayList<>();
            secret.values().forEach((key, value) -> {
                String location = secret.locations().get(key);
                if (value == null) {
                    sizes.add(key + ": binary");
                    details.add(new SourceNode.Detail(location, "binary", DATA_MEANINGS.get(key)));
                    return;
                }
                int bytes = value.getBytes(StandardCharsets.UTF_8).length;
                sizes.add(key + ": " + bytes + " bytes");
                details.add(new SourceNode.Detail(location, key.equals("namespace") ? value.strip() : bytes + " bytes", DATA_MEANINGS.get(key)));
            });
            notes.add(Finding.of(FindingCode.SECRET_DATA, where + " holds " + String.join(", ", sizes) + "."));
        }
        List<Finding> context = lastUsed(secret, out.now);
        boolean foundToken = false;
        for (Map.Entry<String, String> entry : secret.values().entrySet()) {
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            String location = secret.locations().get(entry.getKey());
            boolean isToken = entry.getKey().equals("token") && !value.isEmpty();
            if (isToken || looksLikeJwt(value)) {
                FoundToken token = new FoundToken(where + " " + location, value, context, isToken && saToken ? secret : null);
                children.add(out.token(token, location));
                foundToken = true;
            } else if (value.contains("-----BEGIN CERTIFICATE-----")) {
                children.addAll(out.certificates(value));
            }
        }
        // A token Secret without a token: its verdict's token-missing says so (DocumentReader.finish), once.
        if (!foundToken) {
            notes.addAll(context); // no token to carry them: say them of the Secret
        }
        notes.forEach(out::note);
        out.nodes.add(new SourceNode("secret", where, saToken ? "service account token" : secret.type() + ": no service account token",
                details, notes, children, -1));
        if (saToken && secret.token() == null) {
            out.tokenless.add(new Collected.PendingSecret(out.nodes.size() - 1, secret));
        }
    }

    private static final Map<String, String> ANNOTATION_MEANINGS = Map.of(
            KubeNames.SA_NAME_ANNOTATION, "The service account the token is for; the only annotation the API server requires.",
            KubeNames.SA_UID_ANNOTATION, "The service account's UID, filled in by the token controller.");

    private static final Map<String, String> DATA_MEANINGS = Map.of(
            "token", "The service account's legacy token, signed by the token controller.",
            "ca.crt", "The cluster's CA certificate, to check the API server's certificate.",
            "namespace", "The Secret's namespace.",
            "kubernetes.kubeconfig", "A kubeconfig built around the token.");

    private static String labelMeaning(String key, String value, Instant now) {
        return switch (key) {
            case KubeNames.LAST_USED_LABEL -> "The API server's record of the day the token was last used" + daysAgo(value, now)
                    + "; it is updated at most once a day (Kubernetes " + KubeNames.TRACKING_GA + "+).";
            case KubeNames.INVALID_SINCE_LABEL -> "The legacy-token cleaner marked this unused token invalid on this day" + daysAgo(value, now)
                    + ": the API server rejects it. Remove the label to re-enable it; unless it is used, the Secret is deleted after another clean-up period.";
            default -> null;
        };
    }

    /** The last-used label as a note on the token (the verdict judges it; this only says the day). */
    private static List<Finding> lastUsed(TokenSecret secret, Instant now) {
        if (secret.lastUsed() == null) {
            return List.of();
        }
        return List.of(Finding.of(FindingCode.LEGACY_TOKEN_LAST_USED, secret.label() + " was last used on " + secret.lastUsedText()
                + daysAgo(secret.lastUsedText(), now) + ", as tracked by the API server (the label is updated at most once a day)."));
    }

    private static String daysAgo(String date, Instant now) {
        LocalDate day = TokenSecret.date(date);
        return day == null ? " (not a YYYY-MM-DD date)" : " (" + TimeText.relative(day.atStartOfDay(ZoneOffset.UTC).toInstant(), now) + ")";
    }

    static boolean looksLikeJwt(String value) {
        return value.startsWith("eyJ") && value.chars().filter(c -> c == '.').count() == 2 && !value.contains(" ");
    }
}
