package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.kube.ClusterObjects;
import dev.tokenexplorer.core.kube.TokenSecret;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.tree.SourceNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the readers of one input gather, in the order they meet it: tokens, notes, the service
 * accounts named, and the tree of what the input holds. It also carries the reading context: the
 * instant ("last used 3 days ago") and, for a file, its folder (a kubeconfig's tokenFile is relative to it).
 */
final class Collected {
    final Instant now;
    final Path baseDir;
    final List<FoundToken> tokens = new ArrayList<>();
    final List<Finding> notes = new ArrayList<>();
    final List<ServiceAccountRef> serviceAccounts = new ArrayList<>();
    final List<SourceNode> nodes = new ArrayList<>();
    final ClusterObjects accounts = new ClusterObjects();
    /** Token Secrets without a token: their verdict is said on their node once every ServiceAccount is read. */
    final List<PendingSecret> tokenless = new ArrayList<>();

    record PendingSecret(int node, TokenSecret secret) {
    }

    Collected(Instant now, Path baseDir) {
        this.now = now;
        this.baseDir = baseDir;
    }

    /** Adds a token and returns the node that stands for it in the tree. */
    SourceNode token(String location, String compact, List<Finding> context, String title) {
        return token(new FoundToken(location, compact, context), title);
    }

    SourceNode token(FoundToken token, String title) {
        tokens.add(token);
        return SourceNode.token(title, tokens.size() - 1);
    }

    /**
     * The certificates in a PEM text, read once per input: a cluster dump repeats the same ca.crt in
     * every token Secret, and thousands of copies would cost time and memory for nothing.
     */
    List<SourceNode> certificates(String pem) {
        return certificateCache.computeIfAbsent(pem, text -> InputRecognizer.certificateNodes(text, now));
    }

    private final java.util.Map<String, List<SourceNode>> certificateCache = new java.util.HashMap<>();

    void serviceAccount(String namespace, String name, String uid) {
        if (name != null && !name.isEmpty()) {
            serviceAccounts.add(new ServiceAccountRef(namespace, name, uid));
        }
    }

    void note(Finding finding) {
        notes.add(finding);
    }
}
