package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.token.Finding;

import java.util.ArrayList;
import java.util.List;

/** What the readers of one input gather: tokens and notes, in the order they are met. */
final class Collected {
    final List<FoundToken> tokens = new ArrayList<>();
    final List<Finding> notes = new ArrayList<>();
    final List<ServiceAccountRef> serviceAccounts = new ArrayList<>();

    void token(String location, String compact, List<Finding> context) {
        tokens.add(new FoundToken(location, compact, context));
    }

    void serviceAccount(String namespace, String name, String uid) {
        if (name != null && !name.isEmpty()) {
            serviceAccounts.add(new ServiceAccountRef(namespace, name, uid));
        }
    }

    void note(Finding finding) {
        notes.add(finding);
    }
}
