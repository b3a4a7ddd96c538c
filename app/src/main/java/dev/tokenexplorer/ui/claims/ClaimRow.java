package dev.tokenexplorer.ui.claims;

import java.util.List;

/**
 * One line of the claim tree: the claim's name, its value as shown (dates readable), its exact
 * JSON value, and what it means.
 *
 * @param when for dates, the relative phrase ("in 42 minutes"); otherwise null
 */
public record ClaimRow(String name, String value, String raw, String when, String meaning, List<ClaimRow> children) {
    public ClaimRow {
        children = List.copyOf(children);
    }
}
