package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.support.Badge;
import dev.tokenexplorer.ui.support.PseudoClasses;

/** A token's kind, status and signature as three badges, wherever tokens are listed. */
final class TokenBadges {

    private TokenBadges() {
    }

    static void show(TokenReport t, Badge kind, Badge status, Badge signature) {
        PseudoClasses.severity(kind, null);
        if (t.decoded()) {
            kind.show(t.kind().id(), t.kind().title());
            status.show(t.status().id(), t.status().title());
            PseudoClasses.kind(kind, t.kind());
            PseudoClasses.status(status, t.status());
        } else {
            kind.show("malformed", t.error());
            status.show(null, null);
            PseudoClasses.severity(kind, Severity.ERROR);
        }
        signature.show(t.signature() == null ? null : t.signature().id(), t.signature() == null ? null : t.signature().title());
        if (t.signature() != null) {
            PseudoClasses.signature(signature, t.signature());
        }
    }
}
