package dev.tokenexplorer.core.report;

import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.TimeClaims;
import dev.tokenexplorer.core.token.TokenReport;

import dev.tokenexplorer.core.token.TokenTimeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The command line's readable summary: the same facts as the JSON, for people. */
public final class TextReport {

    private TextReport() {
    }

    public static String write(List<SourceReport> sources, List<LoadedKey> keys, Instant now) {
        StringBuilder out = new StringBuilder(keys(keys));
        for (SourceReport source : sources) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(source(source, now));
        }
        return out.toString();
    }

    /** The keys that were loaded, or nothing when there are none. */
    public static String keys(List<LoadedKey> keys) {
        StringBuilder out = new StringBuilder();
        if (!keys.isEmpty()) {
            out.append("== keys\n");
            keys.forEach(key -> finding(out, KeyReader.describe(key.source(), key), "  "));
        }
        return out.toString();
    }

    /**
     * One input's section. Every value that came from the input (claims, names, messages quoting
     * them) is passed through {@link Printable#escape}, so a claim can never forge a line or hide one.
     */
    public static String source(SourceReport source, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("== ").append(Printable.escape(source.source())).append(" (").append(source.type().title()).append(")\n");
        if (source.error() != null) {
            out.append("error: ").append(Printable.escape(source.error())).append('\n');
        }
        for (TokenReport token : source.tokens()) {
            token(out, token, now);
        }
        if (!source.notes().isEmpty()) {
            out.append("notes:\n");
            source.notes().forEach(n -> finding(out, n, "  "));
        }
        return out.toString();
    }

    private static void token(StringBuilder out, TokenReport t, Instant now) {
        out.append("\n").append(Printable.escape(t.location())).append('\n');
        if (t.error() != null) {
            line(out, "error", t.error());
        }
        if (!t.decoded()) {
            if (t.signature() != null) {
                line(out, "signature", t.signature().id() + (t.verifiedBy() == null ? "" : " by " + t.verifiedBy()));
            }
            return;
        }
        line(out, "kind", t.kind().id() + " — " + t.kind().title());
        line(out, "service account", t.kubernetes().serviceAccountLabel() == null ? "(none)" : t.kubernetes().serviceAccountLabel());
        if (t.kubernetes().boundDescription() != null) {
            line(out, "bound to", t.kubernetes().boundDescription());
        }
        t.jwt().claimText("iss").ifPresent(iss -> line(out, "issuer", iss));
        if (t.jwt().claims().has("aud")) {
            line(out, "audiences", Json.compact(t.jwt().claims().get("aud")));
        }
        line(out, "status", t.status().id());
        line(out, "signature", (t.signature() == null ? "not checked" : t.signature().id()) + (t.verifiedBy() == null ? "" : " by " + t.verifiedBy())
                + t.jwt().algorithm().map(a -> " (" + a + t.jwt().keyId().map(k -> ", kid " + k).orElse("") + ")").orElse(""));
        if (t.revokedBy() != null) {
            line(out, "revoked by", t.revokedBy());
        }
        date(out, "issued at", t.times().issuedAt(), now);
        date(out, "not before", t.times().notBefore(), now);
        date(out, "expires at", t.times().expiresAt(), now);
        date(out, "warn after", t.times().warnAfter(), now);
        TokenTimeline timeline = t.timeline();
        if (timeline.refreshAt() != null) {
            date(out, "kubelet refresh", timeline.refreshAt().getEpochSecond(), now);
            line(out, "", TokenTimeline.REFRESH_RULE.strip());
        }
        if (timeline.effectiveExpiry() != null && timeline.extended()) {
            date(out, "effective expiry", timeline.effectiveExpiry().getEpochSecond(), now);
            line(out, "", timeline.effectiveExpiryRule().strip());
        }
        line(out, "phase now", timeline.phase().title());
        line(out, "timeline", timeline.summary(ZoneOffset.UTC));
        timeline.missing().forEach(m -> line(out, "", m));
        claims(out, t);
        if (!t.findings().isEmpty()) {
            out.append("  findings:\n");
            t.findings().forEach(f -> finding(out, f, "    "));
        }
    }

    /** Every claim with what it means: "/kubernetes.io/pod/name = web-0: The bound Pod's name." */
    private static void claims(StringBuilder out, TokenReport t) {
        out.append("  claims:\n");
        t.claimNotes().forEach((pointer, note) -> {
            var value = t.jwt().claims().at(pointer);
            out.append("    ").append(Printable.escape(pointer));
            if (value.isValueNode()) {
                out.append(" = ").append(Printable.escape(value.isTextual() ? value.asText() : Json.compact(value)));
            }
            out.append("\n      ").append(note).append('\n');
        });
    }

    private static void date(StringBuilder out, String label, Long epoch, Instant now) {
        if (epoch != null) {
            Instant at = TimeClaims.instant(epoch);
            line(out, label, TimeText.utc(at) + " (" + TimeText.relative(at, now) + ")");
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-17s %s%n", label.isEmpty() ? "" : label + ":", Printable.escape(value)));
    }

    private static void finding(StringBuilder out, Finding f, String indent) {
        out.append(indent).append(String.format(Locale.ROOT, "%-7s", f.severity().id())).append(" [")
                .append(f.code()).append("] ").append(Printable.escape(f.message())).append('\n');
    }
}
