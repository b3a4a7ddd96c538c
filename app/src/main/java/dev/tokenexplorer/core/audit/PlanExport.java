package dev.tokenexplorer.core.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.kube.Access;
import dev.tokenexplorer.core.kube.KubeNames;
import dev.tokenexplorer.core.kube.Plan;
import dev.tokenexplorer.core.kube.Usage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The second half of an audit: who uses each Secret, what its account may do, and the plan that
 * replaces it, as JSON fields of each row and as a Markdown plan in a safe order (patch the
 * workloads, move outside consumers to short-lived tokens, watch the last-used label, then delete).
 */
public final class PlanExport {

    private PlanExport() {
    }

    /** {@code usedBy}, {@code access} and {@code plan} of one row of {@code audit --format json}. */
    static void json(AuditedSecret s, ObjectNode row) {
        ArrayNode usedBy = row.putArray("usedBy");
        for (Usage u : s.usedBy()) {
            ObjectNode use = usedBy.addObject().put("kind", u.kind()).put("namespace", u.namespace()).put("name", u.name());
            use.put("via", String.join(",", u.via())).put("pods", u.pods()).put("serviceAccount", u.serviceAccount());
        }
        ObjectNode access = row.putObject("access");
        access.put("known", s.access().known());
        ArrayNode risks = access.putArray("risks");
        s.access().risks().forEach(r -> risks.addObject().put("risk", r.risk()).put("scope", r.scope()).put("grantedBy", r.grantedBy()));
        ObjectNode plan = row.putObject("plan");
        plan.put("action", s.plan().action()).put("reason", s.plan().reason());
        ArrayNode patches = plan.putArray("patches");
        for (Plan.Patch p : s.plan().patches()) {
            ObjectNode patch = patches.addObject().put("kind", p.kind()).put("namespace", p.namespace()).put("name", p.name());
            patch.set("patch", p.patch() == null ? null : parse(p.patch()));
            patch.put("note", p.note());
        }
        plan.put("command", s.plan().command());
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (dev.tokenexplorer.core.json.JsonReadException e) {
            throw new IllegalStateException("a patch this app wrote is not JSON", e);
        }
    }

    /** The whole plan as Markdown ({@code audit --format plan}). */
    public static String markdown(AuditResult result) {
        List<AuditedSecret> secrets = result.secrets();
        Map<String, Long> actions = secrets.stream().collect(Collectors.groupingBy(s -> s.plan().action(), TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder("# Plan: replace long-lived service account tokens\n\n");
        out.append(secrets.size()).append(" token Secret").append(secrets.size() == 1 ? "" : "s").append(": ")
                .append(actions.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))).append(".\n");
        out.append(result.pods() > 0 ? "Usage from " + result.pods() + " Pods." : "Usage unknown: the input holds no Pods (add `kubectl get pods -A -o yaml`).")
                .append(result.rbacKnown() ? " Access from the RBAC objects of the input." : " Access unknown: the input holds no RBAC objects.")
                .append("\n");

        section(out, "1. Give the workloads that mount them a projected token", secrets, s -> s.plan().action().equals("projected-volume"), s -> {
            for (Plan.Patch p : s.plan().patches()) {
                Usage u = s.usedBy().stream().filter(x -> x.kind().equals(p.kind()) && x.name().equals(p.name())).findFirst().orElse(null);
                out.append("- ").append(cell(p.kind() + " " + p.namespace() + "/" + p.name()))
                        .append(u == null ? "" : " (" + (u.pods() == 1 ? "1 Pod" : u.pods() + " Pods") + ", via " + String.join(", ", u.via()) + ")");
                out.append(p.patch() == null ? ": " + cell(p.note()) + "\n" : ": `" + code(p.command()) + "`" + (p.note() == null ? "" : " " + cell(p.note())) + "\n");
                if (p.patch() != null) {
                    out.append("\n  ```json\n").append(p.patch().replaceAll("(?m)^", "  ")).append("\n  ```\n\n");
                }
            }
        });
        section(out, "2. Give consumers outside the cluster short-lived tokens", secrets,
                s -> s.plan().action().equals("token-request") || s.plan().action().equals("keep-explicit-secret"),
                s -> out.append("- `").append(code(s.plan().command())).append("`").append(s.plan().action().equals("keep-explicit-secret")
                        ? " (or keep the Secret: see its reason)\n" : "\n"));
        out.append("\n## 3. Watch the last-used label\n\n`kubectl get secrets -A -L ").append(KubeNames.LAST_USED_LABEL)
                .append("`: the API server updates it at most once a day. When it has not moved for a few days after the changes above, ")
                .append("nothing uses the old tokens any more.\n");
        section(out, "4. Delete what nobody uses", secrets, s -> !s.plan().action().equals("keep-explicit-secret"),
                s -> out.append("- `kubectl delete secret ").append(code(s.name())).append(s.namespace().isEmpty() ? "" : " -n " + code(s.namespace()))
                        .append("`\n"));
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<AuditedSecret> secrets, Predicate<AuditedSecret> which,
                                java.util.function.Consumer<AuditedSecret> body) {
        List<AuditedSecret> chosen = secrets.stream().filter(which).toList();
        out.append("\n## ").append(title).append("\n\n");
        if (chosen.isEmpty()) {
            out.append("Nothing to do.\n");
            return;
        }
        for (AuditedSecret s : chosen) {
            out.append("### ").append(cell(s.label())).append(" → ").append(s.plan().action()).append("\n\n")
                    .append(cell(s.plan().reason())).append(risks(s.access())).append("\n\n");
            body.accept(s);
            out.append('\n');
        }
    }

    private static String risks(Access access) {
        return access.risks().isEmpty() ? "" : " Its service account may: " + cell(access.risks().stream()
                .map(r -> r.risk() + " (" + (r.clusterWide() ? "cluster-wide" : r.scope()) + ")").collect(Collectors.joining(", "))) + ".";
    }

    private static String cell(String text) {
        return AuditExport.markdownCell(text);
    }

    /** Text inside a code span: a backtick would end it. */
    private static String code(String text) {
        return text == null ? "" : text.replace('`', '\'').replace('\n', ' ');
    }
}
