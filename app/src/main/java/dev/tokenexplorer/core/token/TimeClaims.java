package dev.tokenexplorer.core.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The token's instants in epoch seconds, null where absent or unusable: iat, nbf, exp, and the
 * nested {@code kubernetes.io.warnafter} that web debuggers leave as a raw number.
 *
 * <p>Only NumericDates from 1970 to the end of year 9999 are used. Anything else ({@code "1"},
 * {@code 1e300}, {@code 10^18}, {@code Long.MIN_VALUE}) is named in {@code problems} and left out,
 * so no date arithmetic downstream (timeline, relative text, kubelet refresh point) can overflow.
 *
 * @param problems claims that are present but not usable NumericDates, named for the user
 * @param invalid  the names of those claims ("exp", "kubernetes.io.warnafter")
 */
public record TimeClaims(Long issuedAt, Long notBefore, Long expiresAt, Long warnAfter, List<String> problems, List<String> invalid) {

    /** The latest instant a date claim may name: 9999-12-31T23:59:59Z. */
    public static final long MAX_EPOCH_SECONDS = 253_402_300_799L;
    /** The earliest: the epoch itself; NumericDates are seconds since 1970. */
    public static final long MIN_EPOCH_SECONDS = 0L;

    public TimeClaims {
        problems = List.copyOf(problems);
        invalid = List.copyOf(invalid);
    }

    public TimeClaims(Long issuedAt, Long notBefore, Long expiresAt, Long warnAfter, List<String> problems) {
        this(issuedAt, notBefore, expiresAt, warnAfter, problems, List.of());
    }

    public static TimeClaims of(ObjectNode claims) {
        List<String> problems = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        Long iat = numericDate(claims.get("iat"), "iat", problems, invalid);
        Long nbf = numericDate(claims.get("nbf"), "nbf", problems, invalid);
        Long exp = numericDate(claims.get("exp"), "exp", problems, invalid);
        JsonNode k8s = claims.get("kubernetes.io");
        Long warnAfter = k8s != null && k8s.isObject()
                ? numericDate(k8s.get("warnafter"), "kubernetes.io.warnafter", problems, invalid) : null;
        return new TimeClaims(iat, nbf, exp, warnAfter, problems, invalid);
    }

    /** Whether the named claim is present but not a usable date. */
    public boolean isInvalid(String name) {
        return invalid.contains(name);
    }

    /**
     * A JSON value as a usable NumericDate (seconds since 1970, up to year 9999, fractions dropped
     * as the API server does), or empty: the one rule every reader of date claims follows.
     */
    public static Optional<Long> epochSeconds(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return Optional.empty();
        }
        BigDecimal value = node.decimalValue();
        if (value.compareTo(BigDecimal.valueOf(MIN_EPOCH_SECONDS)) < 0 || value.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECONDS + 1)) >= 0) {
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    /** {@link #epochSeconds} as an instant. */
    public static Optional<Instant> date(JsonNode node) {
        return epochSeconds(node).map(Instant::ofEpochSecond);
    }

    private static Long numericDate(JsonNode node, String name, List<String> problems, List<String> invalid) {
        if (node == null || node.isNull()) {
            return null;
        }
        Optional<Long> seconds = epochSeconds(node);
        if (seconds.isPresent()) {
            return seconds.get();
        }
        invalid.add(name);
        problems.add(node.isNumber()
                ? name + " is outside the dates a token can carry (" + abbreviate(Json.compact(node)) + "): a date claim is seconds"
                + " since 1970, up to the year 9999; no real token carries this, and it is ignored here"
                : name + " is not a number (" + abbreviate(Json.compact(node)) + "): a date claim is seconds since 1970;"
                + " the API server cannot read it and refuses the token, and it is ignored here");
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    public static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
