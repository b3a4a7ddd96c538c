package dev.tokenexplorer.core.token;

import dev.tokenexplorer.core.jwt.DecodedJwt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;

import java.util.Map;

/**
 * The token made safe to paste into a ticket: header and claims with every UID and the token id
 * masked, and no signature, so what is shared cannot be replayed and names no live object.
 */
public final class Redactor {

    public static final String MASK = "<redacted>";

    private Redactor() {
    }

    public static String redact(DecodedJwt jwt) {
        ObjectNode header = jwt.header().deepCopy();
        ObjectNode claims = jwt.claims().deepCopy();
        mask(header);
        mask(claims);
        return "header: " + Json.pretty(header) + "\nclaims: " + Json.pretty(claims) + "\nsignature: " + MASK + "\n";
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (var it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                if (key.equals("uid") || key.endsWith(".uid") || key.equals("jti") || key.equals("x5c") || key.equals("jwk")) {
                    entry.setValue(Json.nodes().textNode(MASK));
                } else {
                    mask(entry.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Redactor::mask);
        }
    }
}
