package dev.tokenexplorer.core.finding;

import java.util.Locale;

/** How much a finding matters: errors mean the API server would reject the token. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name used in JSON and text output. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
