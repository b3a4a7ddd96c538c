package dev.tokenexplorer.core;

import dev.tokenexplorer.core.input.InputType;
import dev.tokenexplorer.core.token.Finding;
import dev.tokenexplorer.core.token.TokenReport;

import java.util.List;

/**
 * One input (a paste, a file, standard input) understood at one instant: what it is, the tokens in
 * it and what else it holds. This is what the CLI prints and the window shows.
 */
public record SourceReport(String source, InputType type, String error, List<TokenReport> tokens, List<Finding> notes) {
    public SourceReport {
        tokens = List.copyOf(tokens);
        notes = List.copyOf(notes);
    }

    /** Whether the input was read and recognised (its tokens may still be malformed). */
    public boolean readable() {
        return error == null;
    }
}
