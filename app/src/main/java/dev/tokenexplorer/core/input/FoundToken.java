package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.kube.TokenSecret;
import dev.tokenexplorer.core.finding.Finding;

import java.util.List;

/**
 * A token found in an input, not yet decoded.
 *
 * @param location where it stands, e.g. "Secret default/explicit-sa-token data.token"
 * @param context  what its surroundings say about it (the contexts using a kubeconfig user's token)
 * @param secret   the token Secret holding it, whose verdict joins the token's findings; null elsewhere
 */
public record FoundToken(String location, String compact, List<Finding> context, TokenSecret secret) {
    public FoundToken {
        context = List.copyOf(context);
    }

    public FoundToken(String location, String compact, List<Finding> context) {
        this(location, compact, context, null);
    }
}
