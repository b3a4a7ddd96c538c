package dev.tokenexplorer.core.token;

import java.time.Instant;

/**
 * One phase and when it holds; {@code from} null means since forever, {@code until} null means
 * for ever. Bounds include the API server's 60 s leeway.
 */
public record PhaseSpan(Phase phase, Instant from, Instant until) {

    public boolean contains(Instant instant) {
        return (from == null || !instant.isBefore(from)) && (until == null || instant.isBefore(until));
    }
}
