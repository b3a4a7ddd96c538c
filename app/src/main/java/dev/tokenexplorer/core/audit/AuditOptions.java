package dev.tokenexplorer.core.audit;

import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.kube.SecretVerdict;

import java.time.Instant;
import java.util.List;

/**
 * How to audit.
 *
 * @param now        the instant the audit judges by (dates of labels are compared in UTC, as the API server writes them)
 * @param unusedDays a token last used longer ago than this is reported as unused
 * @param keys       keys to verify the tokens with; none means signatures are not checked
 * @param threads    threads that check tokens while the reading thread reads; a window leaves one core to itself
 */
public record AuditOptions(Instant now, int unusedDays, List<LoadedKey> keys, int threads) {

    public static final int DEFAULT_UNUSED_DAYS = SecretVerdict.DEFAULT_UNUSED_DAYS;

    public AuditOptions {
        keys = List.copyOf(keys);
        threads = Math.max(1, threads);
        if (unusedDays < 0) {
            throw new IllegalArgumentException("unusedDays must not be negative");
        }
    }

    public static AuditOptions at(Instant now) {
        return new AuditOptions(now, DEFAULT_UNUSED_DAYS, List.of(), Runtime.getRuntime().availableProcessors());
    }

    public AuditOptions withKeys(List<LoadedKey> keys) {
        return new AuditOptions(now, unusedDays, keys, threads);
    }
}
