package dev.tokenexplorer.core;

import dev.tokenexplorer.core.input.DumpSniffer;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.input.InputType;
import dev.tokenexplorer.core.input.RecognizedInput;
import dev.tokenexplorer.core.input.ServiceAccountRef;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.core.tree.SourceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One input (a paste, a file, standard input) understood at one instant: what it is, the tokens in
 * it and what else it holds. This is what the CLI prints and the window shows.
 *
 * @param serviceAccounts every service account it names (tokens, Secrets, ServiceAccount objects), without repeats
 * @param nodes what it holds, organised as the input is: a kubeconfig's contexts, clusters and users, a list's Secrets
 * @param recognized what was read, kept so that the report can be judged again at another instant or with other keys
 *                   without reading the input again ({@link Analyzer#rejudge}); null when nothing could be read
 */
public record SourceReport(String source, InputType type, String error, List<TokenReport> tokens, List<Finding> notes,
                           List<ServiceAccountRef> serviceAccounts, List<SourceNode> nodes, RecognizedInput recognized) {
    public SourceReport {
        tokens = List.copyOf(tokens);
        notes = List.copyOf(notes);
        serviceAccounts = List.copyOf(serviceAccounts);
        nodes = List.copyOf(nodes);
    }

    /** A report for an input that could not be read at all. */
    public static SourceReport unreadable(String source, String error) {
        return new SourceReport(source, InputType.UNKNOWN, error, List.of(), List.of(), List.of(), List.of(), null);
    }

    /**
     * A file the Explore page refused: when it is over the size cap and looks like a dump, the
     * report says so and carries the offer to audit it; otherwise the refusal as it was.
     */
    public static SourceReport refused(Path file, String error) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException | RuntimeException e) {
            return unreadable(file.toString(), error);
        }
        if (size <= InputFiles.MAX_FILE_BYTES || !Files.isRegularFile(file) || !DumpSniffer.looksLikeDump(file)) {
            return unreadable(file.toString(), error);
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new SourceReport(file.toString(), InputType.UNKNOWN, name + " is " + InputFiles.over(size, InputFiles.MAX_FILE_BYTES)
                + " for one input.", List.of(), List.of(DumpSniffer.auditInstead(name)), List.of(), List.of(), null);
    }

    /** Whether the input was read and recognised (its tokens may still be malformed). */
    public boolean readable() {
        return error == null;
    }
}
