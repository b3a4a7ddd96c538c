package dev.tokenexplorer.core.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The token's instants in epoch seconds, null where absent: iat, nbf, exp, and the nested
 * {@code kubernetes.io.warnafter} that web debuggers leave as a raw number.
 *
 * @param problems claims that are present but not NumericDates, named for the user
 */
public record TimeClaims(Long issuedAt, Long notBefore, Long expiresAt, Long warnAfter, List<String> problems) {

    public TimeClaims {
        problems = List.copyOf(problems);
    }

    public static TimeClaims of(ObjectNode claims) {
        List<String> problems = new ArrayList<>();
        Long iat = numericDate(claims.get("iat"), "iat", problems);
        Long nbf = numericDate(claims.get("nbf"), "nbf", problems);
        Long exp = numericDate(claims.get("exp"), "exp", problems);
        JsonNode k8s = claims.get("kubernetes.io");
        Long warnAfter = k8s != null && k8s.isObject()
                ? numericDate(k8s.get("warnafter"), "kubernetes.io.warnafter", problems) : null;
        return new TimeClaims(iat, nbf, exp, warnAfter, problems);
    }

    /** A NumericDate: seconds since the epoch; fractions are dropped as the API server does. */
    private static Long numericDate(JsonNode node, String name, List<String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber() && node.canConvertToLong()) {
            return node.decimalValue().longValue();
        }
        problems.add(name + " is " + (node.isNumber() ? "out of range" : "not a number")
                + " (" + abbreviate(node.toString()) + "): a date claim must be seconds since 1970");
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    public static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
