package dev.tokenexplorer.ui.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.token.TimeClaims;
import dev.tokenexplorer.core.token.ClaimDictionary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the claim tree's rows from a JSON object, with meanings and readable dates. */
public final class ClaimRows {

    private ClaimRows() {
    }

    public static List<ClaimRow> claims(ObjectNode claims, Instant now, ZoneId zone) {
        return children(claims, List.of(), now, zone, false);
    }

    public static List<ClaimRow> header(ObjectNode header, Instant now, ZoneId zone) {
        return children(header, List.of(), now, zone, true);
    }

    private static List<ClaimRow> children(JsonNode node, List<String> path, Instant now, ZoneId zone, boolean header) {
        List<ClaimRow> rows = new ArrayList<>();
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                rows.add(row(e.getKey(), e.getValue(), append(path, e.getKey()), now, zone, header));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rows.add(row("[" + i + "]", node.get(i), append(path, "[]"), now, zone, header));
            }
        }
        return rows;
    }

    private static ClaimRow row(String name, JsonNode value, List<String> path, Instant now, ZoneId zone, boolean header) {
        String meaning = ClaimDictionary.meaning(path, header);
        // Names and values come from the token: shown with every non-printable character escaped.
        String raw = value.isContainerNode() ? "" : Printable.escape(Json.compact(value));
        String label = Printable.escape(name);
        if (value.isContainerNode()) {
            String summary = value.isArray() ? (value.size() == 1 && value.get(0).isValueNode() ? value.get(0).asText() : value.size() + " items")
                    : value.size() + " fields";
            return new ClaimRow(label, Printable.escape(summary), raw, null, meaning, children(value, path, now, zone, header));
        }
        var date = !header && ClaimDictionary.isDate(path) ? TimeClaims.date(value) : java.util.Optional.<Instant>empty();
        if (date.isPresent()) {
            Instant at = date.get();
            String shown = TimeText.zoned(at, zone);
            return new ClaimRow(label, shown, raw, TimeText.relative(at, now), meaning, List.of());
        }
        return new ClaimRow(label, Printable.escape(value.isTextual() ? value.asText() : Json.compact(value)), raw, null, meaning, List.of());
    }

    private static List<String> append(List<String> path, String key) {
        List<String> next = new ArrayList<>(path);
        next.add(key);
        return next;
    }
}
