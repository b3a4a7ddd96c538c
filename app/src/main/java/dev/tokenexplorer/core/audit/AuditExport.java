package dev.tokenexplorer.core.audit;

import dev.tokenexplorer.core.kube.Origin;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.text.Printable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An audit as CSV, JSON, Markdown or a text table. Tokens are credentials: no format ever
 * contains one, only what is known about it.
 */
public final class AuditExport {

    public enum Format {
        TABLE("table", "txt"), CSV("csv", "csv"), JSON("json", "json"), MARKDOWN("markdown", "md"), PLAN("plan", "md");

        private final String id;
        private final String extension;

        Format(String id, String extension) {
            this.id = id;
            this.extension = extension;
        }

        public String id() {
            return id;
        }

        public String extension() {
            return extension;
        }
    }

    /** A column of the per-Secret tables, in CSV's snake_case and a heading for people. */
    private record Column(String id, String heading, Function<AuditedSecret, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("namespace", "Namespace", AuditedSecret::namespace),
            new Column("secret", "Secret", AuditedSecret::name),
            new Column("service_account", "Service account", AuditedSecret::serviceAccount),
            new Column("created", "Created", s -> text(s.created())),
            new Column("kind", "Kind", s -> s.kind() == null ? "" : s.kind().id()),
            new Column("origin", "Origin", s -> s.origin().id()),
            new Column("last_used", "Last used", s -> text(s.lastUsed())),
            new Column("days_since_last_used", "Days unused", s -> s.daysSinceUse() == null ? "" : s.daysSinceUse().toString()),
            new Column("invalid_since", "Invalid since", s -> text(s.invalidSince())),
            new Column("signature", "Signature", s -> s.signature() == null ? "" : s.signature().id()),
            new Column("findings", "Findings", AuditExport::findingCodes),
            new Column("source", "Source", AuditedSecret::source));

    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?\\d+");

    private AuditExport() {
    }

    public static String write(AuditResult result, Format format) {
        return switch (format) {
            case TABLE -> table(result);
            case CSV -> csv(result.secrets());
            case JSON -> json(result);
            case MARKDOWN -> markdown(result);
            case PLAN -> PlanExport.markdown(result);
        };
    }

    // ---- CSV (RFC 4180) ----------------------------------------------------------------------

    public static String csv(List<AuditedSecret> secrets) {
        StringBuilder out = new StringBuilder(128 * (secrets.size() + 1));
        out.append(COLUMNS.stream().map(Column::id).collect(Collectors.joining(","))).append("\r\n");
        int columns = COLUMNS.size();
        for (AuditedSecret secret : secrets) {
            // A plain loop: 50,000 rows of 12 cells, one builder, no stream per row.
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(csvCell(COLUMNS.get(i).value().apply(secret)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /**
     * A cell quoted when it holds a comma, quote or line break. A cell a spreadsheet would run as a
     * formula (=, +, -, @ first) gets a leading apostrophe, since dumps are untrusted.
     */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String cell = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !INTEGER.matcher(value).matches() ? "'" + value : value;
        return needsQuotes(cell) ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** Whether a cell holds a comma, quote or line break; one pass, as 50,000 rows of 12 cells go through it. */
    private static boolean needsQuotes(String cell) {
        for (int i = 0, n = cell.length(); i < n; i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    // ---- JSON --------------------------------------------------------------------------------

    public static String json(AuditResult result) {
        ObjectNode root = Json.nodes().objectNode();
        root.set("summary", summaryJson(result));
        ArrayNode problems = root.putArray("problems");
        result.problems().forEach(problems::add);
        ArrayNode secrets = root.putArray("secrets");
        for (AuditedSecret s : result.secrets()) {
            ObjectNode row = secrets.addObject();
            row.put("namespace", s.namespace());
            row.put("secret", s.name());
            row.put("serviceAccount", s.serviceAccount());
            row.put("created", s.created() == null ? null : s.created().toString());
            row.put("kind", s.kind() == null ? null : s.kind().id());
            row.put("origin", s.origin().id());
            row.put("lastUsed", s.lastUsed() == null ? null : s.lastUsed().toString());
            if (s.daysSinceUse() == null) {
                row.putNull("daysSinceLastUsed");
            } else {
                row.put("daysSinceLastUsed", s.daysSinceUse());
            }
            row.put("invalidSince", s.invalidSince() == null ? null : s.invalidSince().toString());
            row.put("signature", s.signature() == null ? null : s.signature().id());
            row.put("verifiedBy", s.verifiedBy());
            ArrayNode findings = row.putArray("findings");
            for (Finding finding : s.findings()) {
                findings.addObject()
                        .put("code", finding.code())
                        .put("severity", finding.severity().id())
                        .put("message", finding.message());
            }
            PlanExport.json(s, row);
            row.put("source", s.source());
        }
        return Json.pretty(root) + "\n";
    }

    private static ObjectNode summaryJson(AuditResult result) {
        AuditSummary summary = result.summary();
        ObjectNode node = Json.nodes().objectNode();
        node.put("secrets", summary.secrets());
        node.put("withErrors", summary.withErrors());
        node.put("withWarnings", summary.withWarnings());
        node.put("serviceAccounts", result.serviceAccounts());
        node.put("trackingSince", result.trackingSince() == null ? null : result.trackingSince().toString());
        node.put("pods", result.pods());
        node.put("rbacKnown", result.rbacKnown());
        ObjectNode kinds = node.putObject("byKind");
        summary.byKind().forEach(kinds::put);
        ObjectNode origins = node.putObject("byOrigin");
        summary.byOrigin().forEach((o, n) -> origins.put(o.id(), n));
        ObjectNode findings = node.putObject("byFinding");
        summary.byFinding().forEach((f, n) -> findings.put(f.id(), n));
        ObjectNode signatures = node.putObject("bySignature");
        summary.bySignature().forEach((s, n) -> signatures.put(s.id(), n));
        ObjectNode namespaces = node.putObject("byNamespace");
        summary.byNamespace().forEach((name, n) -> namespaces.putObject(name)
                .put("secrets", n.secrets()).put("withErrors", n.withErrors()).put("withWarnings", n.withWarnings()));
        node.put("otherSecrets", summary.otherSecrets());
        node.put("otherObjects", summary.otherObjects());
        return node;
    }

    // ---- Markdown ----------------------------------------------------------------------------

    public static String markdown(AuditResult result) {
        StringBuilder out = new StringBuilder("# Service account token audit\n\n");
        for (String line : summaryLines(result)) {
            out.append("- ").append(markdownCell(line)).append('\n');
        }
        if (!result.summary().byNamespace().isEmpty()) {
            out.append("\n| Namespace | Secrets | With errors | With warnings |\n|---|---:|---:|---:|\n");
            result.summary().byNamespace().forEach((name, n) -> out.append("| ").append(markdownCell(name.isEmpty() ? "(none)" : name))
                    .append(" | ").append(n.secrets()).append(" | ").append(n.withErrors()).append(" | ").append(n.withWarnings()).append(" |\n"));
        }
        out.append("\n| ").append(COLUMNS.stream().map(Column::heading).collect(Collectors.joining(" | "))).append(" |\n|")
                .append("---|".repeat(COLUMNS.size())).append('\n');
        for (AuditedSecret secret : result.secrets()) {
            out.append("| ").append(COLUMNS.stream().map(c -> markdownCell(c.value().apply(secret))).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * A cell that renders as the text it holds, nothing else: names come from an untrusted dump, and
     * {@code ![x](https://attacker.example/beacon.png)} would load an image, {@code [click](javascript:…)}
     * make a link, and HTML render. Every Markdown punctuation character that can start a link, an
     * image, emphasis, code or a table cell is backslash-escaped (CommonMark: any ASCII punctuation
     * may be), HTML's {@code < > &} become entities, and characters that are not printable are shown
     * escaped (see {@link Printable}), which also keeps a line break from ending the row.
     */
    static String markdownCell(String value) {
        if (value == null) {
            return "";
        }
        String visible = Printable.escape(value);
        StringBuilder out = new StringBuilder(visible.length() + 8);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '|', '[', ']', '(', ')', '!', '`', '*', '_', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ---- text table --------------------------------------------------------------------------

    public static String table(AuditResult result) {
        StringBuilder out = new StringBuilder();
        summaryLines(result).forEach(line -> out.append(Printable.escape(line)).append('\n'));
        if (result.secrets().isEmpty()) {
            return out.toString();
        }
        List<Column> shown = List.of(COLUMNS.get(0), COLUMNS.get(1), COLUMNS.get(2), COLUMNS.get(4), COLUMNS.get(5), COLUMNS.get(6),
                COLUMNS.get(8), COLUMNS.get(9), COLUMNS.get(10));
        List<String[]> rows = new ArrayList<>();
        rows.add(shown.stream().map(c -> c.heading().toUpperCase(Locale.ROOT)).toArray(String[]::new));
        for (AuditedSecret secret : result.secrets()) {
            rows.add(shown.stream().map(c -> {
                String v = c.value().apply(secret);
                return v == null || v.isEmpty() ? "-" : Printable.escape(v);
            }).toArray(String[]::new));
        }
        int[] widths = new int[shown.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        out.append('\n');
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The summary in sentences, shared by the text table and Markdown. */
    public static List<String> summaryLines(AuditResult result) {
        AuditSummary s = result.summary();
        List<String> lines = new ArrayList<>();
        lines.add(s.secrets() + " service-account-token Secret" + (s.secrets() == 1 ? "" : "s") + " in "
                + s.byNamespace().size() + " namespace" + (s.byNamespace().size() == 1 ? "" : "s") + ": "
                + s.withErrors() + " with errors, " + s.withWarnings() + " with warnings only.");
        if (!s.byKind().isEmpty()) {
            lines.add("Kinds: " + s.byKind().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".");
        }
        lines.add(result.serviceAccounts() == 0
                ? "Origin: unknown, no ServiceAccounts were read (add `kubectl get serviceaccounts -A -o yaml` to tell auto-generated from manual)."
                : "Origin: " + s.count(Origin.AUTO_GENERATED) + " auto-generated, " + s.count(Origin.MANUAL) + " manual"
                + (s.count(Origin.UNKNOWN) > 0 ? ", " + s.count(Origin.UNKNOWN) + " unknown" : "") + " (" + result.serviceAccounts()
                + (result.serviceAccounts() == 1 ? " ServiceAccount read)." : " ServiceAccounts read)."));
        if (!s.byFinding().isEmpty()) {
            lines.add("Findings: " + s.byFinding().entrySet().stream().map(e -> e.getKey().id() + " " + e.getValue())
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (!s.bySignature().isEmpty()) {
            lines.add("Signatures: " + s.bySignature().entrySet().stream().map(e -> e.getKey().id() + " " + e.getValue())
                    .collect(Collectors.joining(", ")) + ".");
        } else {
            lines.add("Signatures: not checked (no key given).");
        }
        if (result.trackingSince() != null) {
            lines.add("Legacy-token tracking since " + result.trackingSince() + ".");
        }
        lines.add(result.pods() > 0 ? "Usage: " + result.pods() + " Pods read; " + s.count(FindingCode.USED_BY_WORKLOAD) + " Secrets are used by workloads."
                : "Usage: unknown, no Pods were read (add `kubectl get pods -A -o yaml` to see who mounts each Secret).");
        lines.add(result.rbacKnown() ? "Access: " + s.count(FindingCode.PRIVILEGED_LONG_LIVED) + " privileged long-lived tokens."
                : "Access: unknown, no RBAC objects were read (add `kubectl get roles,rolebindings,clusterroles,clusterrolebindings -A -o yaml`).");
        if (s.otherSecrets() + s.otherObjects() > 0) {
            lines.add("Skipped: " + s.otherSecrets() + " Secrets of other types, " + s.otherObjects() + " other objects.");
        }
        result.problems().forEach(p -> lines.add("Not read: " + p));
        return lines;
    }

    /** The distinct finding codes in order, space-separated. */
    private static String findingCodes(AuditedSecret secret) {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < secret.findings().size(); i++) {
            if (secret.firstOfItsKind(i)) {
                if (codes.length() > 0) {
                    codes.append(' ');
                }
                codes.append(secret.findings().get(i).code());
            }
        }
        return codes.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
