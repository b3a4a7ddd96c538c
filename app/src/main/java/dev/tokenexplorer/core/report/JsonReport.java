package dev.tokenexplorer.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.TokenReport;

import dev.tokenexplorer.core.token.PhaseSpan;
import dev.tokenexplorer.core.token.TokenTimeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The command line's JSON: a contract other tools read, so field names never change; new facts
 * only ever arrive as new fields.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String write(List<SourceReport> sources, List<LoadedKey> keys) {
        return Json.pretty(tree(sources, keys));
    }

    public static ObjectNode tree(List<SourceReport> sources, List<LoadedKey> keys) {
        JsonNodeFactory f = Json.nodes();
        ObjectNode root = f.objectNode();
        ArrayNode inputs = root.putArray("inputs");
        for (SourceReport source : sources) {
            inputs.add(input(source));
        }
        ArrayNode keyArray = root.putArray("keys");
        for (LoadedKey key : keys) {
            ObjectNode k = keyArray.addObject();
            k.put("source", key.source());
            k.put("type", key.description());
            k.put("kid", key.jwksKid());
            k.put("kubernetesKeyId", key.kubernetesKid());
            k.put("note", key.note());
        }
        return root;
    }

    /** One entry of {@code inputs}. */
    public static ObjectNode input(SourceReport source) {
        ObjectNode input = Json.nodes().objectNode();
        input.put("source", source.source());
        input.put("type", source.type().id());
        input.put("error", source.error());
        ArrayNode tokens = input.putArray("tokens");
        source.tokens().forEach(t -> tokens.add(token(t)));
        findings(input.putArray("notes"), source.notes());
        return input;
    }

    private static ObjectNode token(TokenReport t) {
        ObjectNode node = Json.nodes().objectNode();
        node.put("location", t.location());
        node.put("error", t.error());
        boolean ok = t.decoded();
        node.set("header", t.jwt() != null ? t.jwt().header().deepCopy() : null);
        node.set("claims", ok ? t.jwt().claims().deepCopy() : null);
        ObjectNode notes = node.putObject("claimNotes");
        t.claimNotes().forEach(notes::put);
        node.put("kind", ok ? t.kind().id() : null);
        node.put("namespace", ok ? t.kubernetes().namespace() : null);
        node.put("serviceAccount", ok ? t.kubernetes().serviceAccountName() : null);
        node.put("issuedAt", ok ? t.times().issuedAt() : null);
        node.put("notBefore", ok ? t.times().notBefore() : null);
        node.put("expiresAt", ok ? t.times().expiresAt() : null);
        node.put("warnAfter", ok ? t.times().warnAfter() : null);
        node.put("status", ok ? t.status().id() : null);
        node.put("signature", t.signature() != null ? t.signature().id() : null);
        findings(node.putArray("findings"), t.findings());
        node.put("verifiedBy", t.verifiedBy());
        node.put("revokedBy", t.revokedBy());
        node.set("timeline", ok ? timeline(t.timeline()) : null);
        return node;
    }

    private static ObjectNode timeline(TokenTimeline t) {
        ObjectNode node = Json.nodes().objectNode();
        node.put("now", t.now().getEpochSecond());
        node.put("effectiveExpiry", epoch(t.effectiveExpiry()));
        node.put("refreshAt", epoch(t.refreshAt()));
        node.put("extended", t.extended());
        node.put("leewaySeconds", t.leeway().getSeconds());
        node.put("phase", t.phase().id());
        ArrayNode phases = node.putArray("phases");
        for (PhaseSpan span : t.phases()) {
            ObjectNode p = phases.addObject();
            p.put("phase", span.phase().id());
            p.put("from", epoch(span.from()));
            p.put("until", epoch(span.until()));
        }
        node.put("summary", t.summary(ZoneOffset.UTC));
        ArrayNode missing = node.putArray("missing");
        t.missing().forEach(missing::add);
        return node;
    }

    private static Long epoch(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        for (Finding finding : findings) {
            ObjectNode f = array.addObject();
            f.put("severity", finding.severity().id());
            f.put("code", finding.code());
            f.put("message", finding.message());
        }
    }
}
