package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.input.DumpSniffer;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import dev.tokenexplorer.ui.audit.AuditViewModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The offer to audit on the Audit page what the Explore page cannot take: a dump over the file
 * cap, or a large pasted one. Core decides what looks like a dump (a {@code looks-like-a-dump}
 * note); this holds the latest offer until it is taken, replaced or its source is gone.
 */
public final class AuditOffer {

    /** What to audit, a file or pasted text, with core's sentence saying why. */
    public record Offer(String message, Path file, String text) {
        public boolean isFile() {
            return file != null;
        }
    }

    private final ReadOnlyObjectWrapper<Offer> offer = new ReadOnlyObjectWrapper<>(this, "offer");

    /** The current offer; null when there is none. */
    public ReadOnlyObjectProperty<Offer> offerProperty() {
        return offer.getReadOnlyProperty();
    }

    static Optional<Finding> note(SourceReport report) {
        return report == null ? Optional.empty()
                : report.notes().stream().filter(n -> n.type() == FindingCode.LOOKS_LIKE_A_DUMP).findFirst();
    }

    /** A file just read: offered when core says it looks like a dump too large for Explore. */
    void considerFile(SourceItem item) {
        note(item.report()).ifPresent(n -> offer.set(new Offer(n.message(), item.path(), null)));
    }

    /** A paste too large for the editor: offered when core says it looks like a dump; a new paste replaces the offer. */
    void considerPaste(String text) {
        offer.set(DumpSniffer.looksLikeDump(text) ? new Offer(DumpSniffer.auditInstead("The pasted text").message(), null, text) : null);
    }

    /** Forgets the offer for this file (closed), or the pasted one ({@code file} null). */
    void withdraw(Path file) {
        if (offer.get() != null && java.util.Objects.equals(offer.get().file(), file)) {
            offer.set(null);
        }
    }

    /** Takes the offer: the Audit page's model audits the file or the pasted text; the offer is gone. */
    public void take(AuditViewModel audit) {
        Offer taken = offer.get();
        if (taken == null) {
            return;
        }
        offer.set(null);
        if (taken.isFile()) {
            audit.audit(List.of(taken.file()));
        } else {
            audit.auditText("Pasted text", taken.text());
        }
    }
}
