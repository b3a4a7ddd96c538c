package dev.tokenexplorer.ui.timeline;

import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.token.TokenTimeline;
import dev.tokenexplorer.core.token.TokenReport;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline of the selected token, kept current: {@link #tick()} moves "now" and recomputes the
 * phase and summary, while the markers only change with the token. Times show in the window's
 * zone (local or UTC).
 */
public final class TimelineViewModel {

    /**
     * A labelled instant on the axis; instants that coincide share one marker ("iat · nbf").
     *
     * @param date   the instant as short as it can be while still telling markers apart, zone named
     * @param detail the exact time, how far from now, and the epoch seconds
     */
    public record Marker(String label, Instant at, String date, String detail) {
    }

    private final Clock clock;
    private final ObjectProperty<TokenReport> token = new SimpleObjectProperty<>(this, "token");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());
    private final ReadOnlyObjectWrapper<TokenTimeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final ReadOnlyObjectWrapper<List<Marker>> markers = new ReadOnlyObjectWrapper<>(this, "markers", List.of());
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper(this, "facts", "");
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");

    public TimelineViewModel(Clock clock) {
        this.clock = clock;
        token.addListener((obs, old, t) -> rebuild());
        zone.addListener((obs, old, z) -> rebuild());
    }

    public ObjectProperty<TokenReport> tokenProperty() {
        return token;
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ReadOnlyObjectProperty<TokenTimeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** The instants to mark, in time order; they change with the token and the zone, not with time. */
    public ReadOnlyObjectProperty<List<Marker>> markersProperty() {
        return markers.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Every fact as text: copyable, and what a screen reader reads for the drawing. */
    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** The claims the token lacks and what that means: said, never guessed. Empty when none is missing. */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** Moves "now" to the clock's instant; called every second while the window shows. */
    public void tick() {
        TokenReport t = token.get();
        if (t == null || !t.decoded()) {
            return;
        }
        Instant instant = clock.instant();
        now.set(instant);
        TokenTimeline current = TokenTimeline.of(t.kubernetes(), t.times(), instant);
        timeline.set(current);
        summary.set(current.summary(zone.get()));
        facts.set(current.describe(zone.get()));
    }

    private void rebuild() {
        TokenReport t = token.get();
        if (t == null || !t.decoded()) {
            timeline.set(null);
            markers.set(List.of());
            summary.set("");
            facts.set("");
            missing.set("");
            return;
        }
        TokenTimeline current = TokenTimeline.of(t.kubernetes(), t.times(), clock.instant());
        timeline.set(current);
        now.set(current.now());
        missing.set(String.join(" ", current.missing()));
        markers.set(markersOf(current)); // the view redraws on this, so timeline and now are set first
        tick();
    }

    private List<Marker> markersOf(TokenTimeline t) {
        Map<Instant, List<String>> labels = new LinkedHashMap<>();
        add(labels, t.issuedAt(), "iat");
        add(labels, t.notBefore(), "nbf");
        add(labels, t.refreshAt(), "kubelet refresh");
        add(labels, t.warnAfter(), "warnafter");
        add(labels, t.expiresAt(), "exp");
        List<Instant> instants = labels.keySet().stream().sorted().toList();
        List<Marker> result = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            Instant at = instants.get(i);
            String date = shortDate(at, i == 0 ? null : instants.get(i - 1), t.now());
            result.add(new Marker(String.join(" · ", labels.get(at)), at, date, detail(at)));
        }
        return List.copyOf(result);
    }

    /**
     * The time of day for an instant that follows the previous marker within a day, else the day
     * (with the year when it is not this year's); the zone is always named.
     */
    private String shortDate(Instant at, Instant previous, Instant current) {
        ZoneId z = zone.get();
        boolean sameYear = at.atZone(z).getYear() == current.atZone(z).getYear();
        String pattern = previous != null && Duration.between(previous, at).toHours() < 24 ? "HH:mm"
                : sameYear ? "d MMM HH:mm" : "d MMM yyyy HH:mm";
        return TimeText.zoned(at, z, pattern);
    }

    /** Exact time in the window's one zone (named), and how far from now. */
    public String detail(Instant at) {
        return TimeText.zoned(at, zone.get())
                + "\n" + TimeText.relative(at, clock.instant()) + "\n" + at.getEpochSecond() + " (epoch seconds)";
    }

    private static void add(Map<Instant, List<String>> labels, Instant at, String name) {
        if (at != null) {
            labels.computeIfAbsent(at, k -> new ArrayList<>()).add(name);
        }
    }
}
