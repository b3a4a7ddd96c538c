package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.kube.ClusterObjects;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.tree.SourceNode;

import java.util.List;

/**
 * What one pasted text or file was found to hold.
 *
 * @param source "-" for standard input, a path, or "paste"
 * @param error  set when the input as a whole could not be read or recognised
 * @param notes  what else it holds that is worth saying (key types, exec plugins, Secret labels)
 * @param serviceAccounts service accounts named by Secrets and ServiceAccount objects in it
 * @param nodes  what it holds, organised as the input is (see {@link SourceNode})
 * @param accounts the ServiceAccount objects and tracking ConfigMap it holds, which its token Secrets are judged with
 */
public record RecognizedInput(String source, InputType type, String error, List<FoundToken> tokens, List<Finding> notes,
                              List<ServiceAccountRef> serviceAccounts, List<SourceNode> nodes, ClusterObjects accounts) {
    public RecognizedInput {
        tokens = List.copyOf(tokens);
        notes = List.copyOf(notes);
        serviceAccounts = List.copyOf(serviceAccounts);
        nodes = List.copyOf(nodes);
    }

    public RecognizedInput(String source, InputType type, String error, List<FoundToken> tokens, List<Finding> notes,
                           List<ServiceAccountRef> serviceAccounts, List<SourceNode> nodes) {
        this(source, type, error, tokens, notes, serviceAccounts, nodes, new ClusterObjects());
    }

    public RecognizedInput(String source, InputType type, String error, List<FoundToken> tokens, List<Finding> notes) {
        this(source, type, error, tokens, notes, List.of(), List.of());
    }

    public static RecognizedInput failed(String source, InputType type, String error) {
        return new RecognizedInput(source, type, error, List.of(), List.of());
    }
}
