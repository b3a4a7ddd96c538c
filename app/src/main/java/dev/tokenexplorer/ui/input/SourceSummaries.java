package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.core.tree.SourceNode;

import java.util.ArrayList;
import java.util.List;

/** What the window says about a source as a whole: its one-line summary and its details node. */
final class SourceSummaries {

    private SourceSummaries() {
    }

    /** A source as a node of its own: where it came from, what it is, and what it says. */
    static SourceNode describe(SourceItem source) {
        SourceReport report = source.report();
        List<SourceNode.Detail> details = new ArrayList<>();
        details.add(SourceNode.Detail.of("From", source.isFile() ? source.path().toString() : "pasted text (kept in memory only)"));
        details.add(SourceNode.Detail.of("Recognised as", report.type().title()));
        details.add(SourceNode.Detail.of("Tokens", String.valueOf(report.tokens().size())));
        List<Finding> notes = new ArrayList<>();
        if (report.error() != null) {
            notes.add(Finding.of(FindingCode.UNREADABLE, report.error()));
        }
        notes.addAll(report.notes());
        return new SourceNode("source", source.label(), report.type().title(), details, notes, List.of(), -1);
    }

    static boolean verdictChanged(SourceReport shown, SourceReport result) {
        if (shown == null || shown.tokens().size() != result.tokens().size()) {
            return true;
        }
        for (int i = 0; i < shown.tokens().size(); i++) {
            TokenReport before = shown.tokens().get(i);
            TokenReport after = result.tokens().get(i);
            if (before.status() != after.status() || !before.findings().stream().map(Finding::code).toList()
                    .equals(after.findings().stream().map(Finding::code).toList())) {
                return true;
            }
        }
        return false;
    }

    /** "Secret: 1 token"; empty for an input that could not be read, whose error says it already. */
    static String summarize(SourceReport result) {
        if (result.error() != null) {
            return "";
        }
        int n = result.tokens().size();
        return result.type().title() + (n == 0 ? ": no token" : n == 1 ? ": 1 token" : ": " + n + " tokens");
    }
}
