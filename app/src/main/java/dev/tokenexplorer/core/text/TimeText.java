package dev.tokenexplorer.core.text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates and durations as people read them: "19 Aug 2023 11:49:01 UTC", "in 42 minutes". */
public final class TimeText {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH);

    private TimeText() {
    }

    /** "19 Aug 2023 11:49:01 UTC". */
    public static String utc(Instant instant) {
        return DATE_TIME.format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** The instant in the given zone with its abbreviation, e.g. "19 Aug 2023 13:49:01 CEST". */
    public static String zoned(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone)) + " " + zoneName(instant, zone);
    }

    /** The instant in the given zone in a shorter pattern ("HH:mm", "d MMM HH:mm"), its zone named: "12:49 UTC". */
    public static String zoned(Instant instant, ZoneId zone, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(instant.atZone(zone)) + " " + zoneName(instant, zone);
    }

    /** The zone's abbreviation at that instant, "UTC", "EST", "EDT": every absolute time names its zone. */
    public static String zoneName(Instant instant, ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : ZONE_NAME.format(instant.atZone(zone));
    }

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    private static final Pattern UTC_TIME = Pattern.compile("\\b(\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2}) UTC\\b");

    /**
     * A sentence of core's with every time it wrote with {@link #utc} shown in the given zone
     * instead, naming that zone: core words a sentence once (in UTC, as the CLI prints it) and the
     * window asks for it in the zone its UTC toggle chose. Unchanged in UTC.
     */
    public static String inZone(String text, ZoneId zone) {
        if (text == null || zone.normalized().equals(ZoneOffset.UTC)) {
            return text;
        }
        Matcher m = UTC_TIME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Instant at = LocalDateTime.parse(m.group(1), DATE_TIME).toInstant(ZoneOffset.UTC);
            m.appendReplacement(out, Matcher.quoteReplacement(zoned(at, zone)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** ISO-8601 in UTC, for machines and the JSON output. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** "in 42 minutes", "3 days ago", "now". */
    public static String relative(Instant then, Instant now) {
        Duration d = Duration.between(now, then);
        if (d.abs().getSeconds() < 1) {
            return "now";
        }
        String span = duration(d.abs());
        return d.isNegative() ? span + " ago" : "in " + span;
    }

    /**
     * A duration at the precision people use: "45 seconds", "41 minutes", "2 hours 5 minutes",
     * "3 days", "11 months", "2 years".
     */
    public static String duration(Duration d) {
        long s = d.abs().getSeconds();
        if (s < 60) return plural(s, "second");
        long minutes = s / 60;
        if (minutes < 60) return plural(minutes, "minute");
        long hours = minutes / 60;
        if (hours < 24) {
            long rest = minutes % 60;
            return plural(hours, "hour") + (rest == 0 ? "" : " " + plural(rest, "minute"));
        }
        long days = hours / 24;
        if (days < 61) return plural(days, "day");
        if (days < 730) return plural(days / 30, "month");
        return plural(days / 365, "year");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
