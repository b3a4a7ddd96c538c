package dev.tokenexplorer.core.tree;

import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.finding.Finding;

import java.time.ZoneId;
import java.time.ZoneOffset;

import java.util.List;

/**
 * One thing inside an input, organised as the input is: a kubeconfig's contexts, clusters and
 * users; a list's Secrets; a Secret's token and certificates. The window shows these as a tree.
 *
 * @param kind       what it is: "secret", "context", "cluster", "user", "certificate", "key", "group", "token", …
 * @param details    facts as label and value, each with an optional explanation
 * @param tokenIndex for a token, its index in the input's token list; otherwise -1
 */
public record SourceNode(String kind, String title, String subtitle, List<Detail> details, List<Finding> notes,
                         List<SourceNode> children, int tokenIndex) {

    /** A fact about a node: "Type: kubernetes.io/service-account-token", with what it means. */
    public record Detail(String label, String value, String explanation) {
        public static Detail of(String label, String value) {
            return new Detail(label, value, null);
        }
    }

    public SourceNode {
        details = List.copyOf(details);
        notes = List.copyOf(notes);
        children = List.copyOf(children);
    }

    public static SourceNode token(String title, int tokenIndex) {
        return new SourceNode("token", title, null, List.of(), List.of(), List.of(), tokenIndex);
    }

    public static SourceNode group(String title, List<SourceNode> children) {
        return new SourceNode("group", title, children.size() + (children.size() == 1 ? " entry" : " entries"), List.of(), List.of(), children, -1);
    }

    /** The node with every time core wrote in UTC shown in the given zone (see {@link TimeText#inZone}). */
    public SourceNode inZone(ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return this;
        }
        return new SourceNode(kind, TimeText.inZone(title, zone), TimeText.inZone(subtitle, zone),
                details.stream().map(d -> new Detail(d.label(), TimeText.inZone(d.value(), zone), TimeText.inZone(d.explanation(), zone))).toList(),
                notes.stream().map(f -> new Finding(f.type(), TimeText.inZone(f.message(), zone))).toList(),
                children.stream().map(c -> c.inZone(zone)).toList(), tokenIndex);
    }

    public boolean isToken() {
        return tokenIndex >= 0;
    }
}
