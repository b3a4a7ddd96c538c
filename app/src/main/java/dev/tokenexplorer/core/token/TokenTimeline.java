package dev.tokenexplorer.core.token;

import dev.tokenexplorer.core.text.TimeText;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A token's life at a glance: its instants (iat, nbf, exp, warnafter), the instant the API server
 * stops accepting it without complaint (the effective expiry), the kubelet's refresh point for a
 * pod's token, and the phases in order with the one at {@code now}. Missing claims are said, never
 * guessed.
 *
 * @param effectiveExpiry warnafter for an extended token, exp otherwise, null when it never expires
 * @param refreshAt       when the kubelet replaces a pod's token: iat + min(80 % of the TTL, 24 h),
 *                        the TTL being the requested one (warnafter − iat) for an extended token
 * @param revocation      what makes it stop working (see {@link Revocation})
 * @param missing         sentences naming the claims that are absent and what that means
 */
public record TokenTimeline(Instant now,
                            Instant issuedAt,
                            Instant notBefore,
                            Instant expiresAt,
                            Instant warnAfter,
                            Instant effectiveExpiry,
                            Instant refreshAt,
                            Duration leeway,
                            List<PhaseSpan> phases,
                            Phase phase,
                            TokenKind kind,
                            String revocation,
                            List<String> missing) {

    /** The API server's leeway around nbf, iat and exp (go-jose DefaultLeeway). */
    public static final Duration LEEWAY = Duration.ofSeconds(60);
    /** The kubelet refreshes a token older than this, whatever its TTL. */
    public static final Duration MAX_REFRESH_AGE = Duration.ofHours(24);

    public TokenTimeline {
        phases = List.copyOf(phases);
        missing = List.copyOf(missing);
    }

    public static TokenTimeline of(KubernetesClaims k8s, TimeClaims times, Instant now) {
        Instant iat = TimeClaims.instant(times.issuedAt());
        Instant nbf = TimeClaims.instant(times.notBefore());
        Instant exp = TimeClaims.instant(times.expiresAt());
        Instant warn = TimeClaims.instant(times.warnAfter());
        boolean extended = warn != null && exp != null && warn.isBefore(exp);
        Instant effective = exp == null ? null : extended ? warn : exp;

        Instant refresh = null;
        if (k8s.kind() == TokenKind.BOUND_POD && iat != null && effective != null && effective.isAfter(iat)) {
            Duration ttl = Duration.between(iat, effective);
            Duration eighty = Duration.ofMillis(ttl.toMillis() * 8 / 10);
            refresh = iat.plus(eighty.compareTo(MAX_REFRESH_AGE) < 0 ? eighty : MAX_REFRESH_AGE);
        }

        List<PhaseSpan> phases = new ArrayList<>();
        Instant start = latest(iat, nbf);
        Instant validFrom = start == null ? null : start.minus(LEEWAY);
        Instant expiredFrom = exp == null ? null : exp.plus(LEEWAY).plusSeconds(1);
        if (validFrom != null) {
            phases.add(new PhaseSpan(Phase.NOT_YET_VALID, null, validFrom));
        }
        Instant validUntil = extended ? warn.plusSeconds(1) : expiredFrom;
        phases.add(new PhaseSpan(Phase.VALID, validFrom, validUntil));
        if (extended) {
            phases.add(new PhaseSpan(Phase.STALE, warn.plusSeconds(1), expiredFrom));
        }
        if (expiredFrom != null) {
            phases.add(new PhaseSpan(Phase.EXPIRED, expiredFrom, null));
        }
        Phase current = phases.stream().filter(p -> p.contains(now)).map(PhaseSpan::phase).findFirst().orElse(Phase.VALID);

        List<String> missing = new ArrayList<>();
        for (String name : times.invalid()) {
            missing.add(name + " is not a usable date (see the findings): the timeline leaves it out.");
        }
        if (iat == null && !times.isInvalid("iat")) missing.add("No iat: when it was issued is unknown" + (k8s.kind() == TokenKind.BOUND_POD ? ", so the kubelet's refresh point cannot be told." : "."));
        if (nbf == null && !times.isInvalid("nbf") && k8s.kind() != TokenKind.LEGACY) missing.add("No nbf: nothing says when it starts to be valid.");
        if (exp == null && !times.isInvalid("exp")) missing.add(k8s.kind() == TokenKind.LEGACY ? "No exp, as with every legacy token: it never expires." : "No exp: it never expires.");
        return new TokenTimeline(now, iat, nbf, exp, warn, effective, refresh, LEEWAY, phases, current, k8s.kind(), Revocation.describe(k8s, times), missing);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    /** Whether exp was stretched beyond the requested lifetime (warnafter before exp). */
    public boolean extended() {
        return warnAfter != null && expiresAt != null && warnAfter.isBefore(expiresAt);
    }

    /**
     * One or two sentences answering "how long does this work?", e.g. "Valid for 41 more minutes;
     * the kubelet replaces it in 29 minutes; after 13:49 it is stale: still accepted until
     * 19 Aug 2023, but flagged in the audit log."
     */
    public String summary(ZoneId zone) {
        StringBuilder s = new StringBuilder();
        switch (phase) {
            case NOT_YET_VALID -> {
                Instant from = latest(issuedAt, notBefore);
                s.append("Not valid yet: it becomes valid ").append(TimeText.relative(from, now)).append(" (").append(at(from, zone)).append(")");
                if (effectiveExpiry != null) {
                    s.append(" and then lasts ").append(TimeText.duration(Duration.between(from, effectiveExpiry)));
                }
                s.append('.');
            }
            case VALID -> {
                if (effectiveExpiry == null && missing.stream().anyMatch(m -> m.startsWith("exp is not a usable date"))) {
                    s.append("When it expires cannot be told: exp is not a usable date.");
                    if (revocation != null) s.append(' ').append(TimeText.inZone(revocation, zone));
                    return s.toString();
                }
                if (effectiveExpiry == null) {
                    s.append("Never expires.");
                    if (revocation != null) s.append(' ').append(TimeText.inZone(revocation, zone));
                    return s.toString();
                }
                s.append("Valid for another ").append(TimeText.duration(Duration.between(now, effectiveExpiry)));
                if (!extended()) s.append(" (until ").append(at(effectiveExpiry, zone)).append(')');
                refreshClause(s);
                if (extended()) {
                    s.append("; after ").append(at(warnAfter, zone)).append(" it is stale: still accepted until ")
                            .append(day(expiresAt, zone)).append(", but flagged in the audit log");
                }
                s.append('.');
            }
            case STALE -> {
                s.append("Stale for ").append(TimeText.duration(Duration.between(warnAfter, now)))
                        .append(": still accepted until ").append(day(expiresAt, zone)).append(" (")
                        .append(TimeText.relative(expiresAt, now)).append("), but every use is flagged in the audit log");
                if (refreshAt != null) {
                    s.append("; the kubelet would have replaced it ").append(TimeText.relative(refreshAt, now));
                }
                s.append('.');
            }
            case EXPIRED -> s.append("Expired ").append(TimeText.relative(expiresAt, now)).append(" (").append(at(expiresAt, zone)).append(").");
        }
        return s.toString();
    }

    private void refreshClause(StringBuilder s) {
        if (refreshAt == null) {
            return;
        }
        if (refreshAt.isAfter(now)) {
            s.append("; the kubelet replaces it ").append(TimeText.relative(refreshAt, now));
        } else {
            s.append("; the kubelet should have replaced it ").append(TimeText.relative(refreshAt, now));
        }
    }

    /** Which instant the kubelet refresh is (the kubelet's rule for a projected token). */
    public static final String REFRESH_RULE = " = iat + 80 % of the requested lifetime, at most 24 h.";

    /** Every fact of the timeline as lines of text, for copying and for screen readers. */
    public String describe(ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(summary(zone));
        fact(lines, "Issued (iat)", issuedAt, zone);
        fact(lines, "Not before (nbf)", notBefore, zone);
        if (refreshAt != null) {
            fact(lines, "Kubelet refresh", refreshAt, zone);
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + REFRESH_RULE);
        }
        fact(lines, "Warn after", warnAfter, zone);
        fact(lines, "Expires (exp)", expiresAt, zone);
        if (effectiveExpiry != null) {
            fact(lines, "Effective expiry", effectiveExpiry, zone);
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + effectiveExpiryRule());
        }
        fact(lines, "Now", now, zone);
        lines.add("Phase now: " + phase.title() + " (the API server allows " + leeway.getSeconds() + " s of clock skew around nbf and exp).");
        if (revocation != null) lines.add(TimeText.inZone(revocation, zone));
        lines.addAll(missing);
        return String.join("\n", lines);
    }

    /**
     * Which instant the effective expiry is: the warnafter time for an extended token (the end of
     * the lifetime the kubelet asked for, 3607 s for an injected token; the API server stretched
     * exp beyond it and flags every later use as stale), exp otherwise.
     */
    public String effectiveExpiryRule() {
        if (!extended()) {
            return " = exp.";
        }
        String requested = issuedAt == null ? "" : " (iat + " + Duration.between(issuedAt, warnAfter).getSeconds() + " s)";
        return " = warnafter" + requested + ": after it the token is stale, still accepted until exp but flagged in the audit log.";
    }

    private void fact(List<String> lines, String label, Instant at, ZoneId zone) {
        if (at != null) {
            lines.add(label + ": " + TimeText.zoned(at, zone) + " (" + TimeText.relative(at, now) + ")");
        }
    }

    private String at(Instant instant, ZoneId zone) {
        var here = instant.atZone(zone);
        boolean sameDay = here.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return TimeText.zoned(instant, zone, sameDay ? "HH:mm" : "d MMM yyyy HH:mm");
    }

    private static String day(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(instant.atZone(zone));
    }
}
