package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.token.Finding;

import java.util.List;

/**
 * A token found in an input, not yet decoded.
 *
 * @param location where it stands, e.g. "Secret default/explicit-sa-token data.token"
 * @param context  what its surroundings say about it (a Secret's labels, the contexts using it)
 */
public record FoundToken(String location, String compact, List<Finding> context) {
    public FoundToken {
        context = List.copyOf(context);
    }
}
