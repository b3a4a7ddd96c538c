package dev.tokenexplorer.core.keys;

import java.util.List;
import java.util.Set;

/**
 * What a user gave to check tokens against: keys, and the audiences and issuers their API server
 * accepts ({@code --api-audiences}, {@code --service-account-issuer}). Empty means "not given".
 */
public record VerificationSettings(List<LoadedKey> keys, Set<String> audiences, Set<String> issuers) {

    public static final VerificationSettings NONE = new VerificationSettings(List.of(), Set.of(), Set.of());

    public VerificationSettings {
        keys = List.copyOf(keys);
        audiences = Set.copyOf(audiences);
        issuers = Set.copyOf(issuers);
    }
}
