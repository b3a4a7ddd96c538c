package dev.tokenexplorer.ui.audit;

import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.AuditSummary;
import dev.tokenexplorer.core.kube.Origin;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.ui.support.PseudoClasses;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

import java.util.Locale;

/**
 * The audit's summary as cards; a card with a finding filters the table by it, and the card of the
 * finding filter in force is highlighted, however the filter was set (card, list, a new audit).
 */
final class AuditCards extends FlowPane {

    private final AuditViewModel model;

    AuditCards(AuditViewModel model) {
        super(10, 10);
        this.model = model;
        setId("audit-summary");
        model.resultProperty().addListener((obs, old, result) -> show(result));
        model.findingFilterProperty().addListener((obs, old, finding) -> highlight());
        show(model.resultProperty().get()); // the page is built on first visit, perhaps after an audit
    }

    private void show(AuditResult result) {
        getChildren().clear();
        if (result == null) {
            return;
        }
        AuditSummary s = result.summary();
        getChildren().addAll(
                card("Token Secrets", s.secrets(), null, null),
                card("Marked invalid", s.count(FindingCode.INVALIDATED), Severity.ERROR, FindingCode.INVALIDATED),
                card(result.rbacKnown() ? "Privileged, never expire" : "Privileged (no RBAC read)", s.count(FindingCode.PRIVILEGED_LONG_LIVED),
                        Severity.ERROR, FindingCode.PRIVILEGED_LONG_LIVED),
                card("Never used (legacy tokens)", s.count(FindingCode.NEVER_USED), Severity.WARNING, FindingCode.NEVER_USED),
                card("Unused > " + model.unusedDaysProperty().get() + " days", s.count(FindingCode.UNUSED), Severity.WARNING, FindingCode.UNUSED),
                card("Clean-up candidates", s.count(FindingCode.CLEANUP_CANDIDATE), Severity.WARNING, FindingCode.CLEANUP_CANDIDATE),
                card(result.pods() == 0 ? "Used by workloads (no Pods read)" : "Used by workloads", s.count(FindingCode.USED_BY_WORKLOAD), null,
                        FindingCode.USED_BY_WORKLOAD),
                card(result.serviceAccounts() == 0 ? "Auto-generated (no SAs read)" : "Auto-generated", s.count(Origin.AUTO_GENERATED), null, null),
                card(s.bySignature().isEmpty() ? "Signatures (no key)" : "Signatures verified",
                        s.bySignature().getOrDefault(SignatureStatus.VERIFIED, 0), null, null));
        highlight();
    }

    private void highlight() {
        FindingCode filter = model.findingFilterProperty().get();
        getChildren().forEach(card -> card.pseudoClassStateChanged(PseudoClasses.SELECTED, filter != null && filter == card.getUserData()));
    }

    /** A compact card, number and words on one line, so the cards leave the table most of a small window. */
    private HBox card(String title, int count, Severity severity, FindingCode finding) {
        Label number = new Label(String.format(Locale.ROOT, "%,d", count));
        number.getStyleClass().add("card-number");
        Label label = new Label(title);
        label.getStyleClass().add("card-label");
        HBox card = new HBox(6, number, label);
        card.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        card.getStyleClass().add("audit-card");
        card.setUserData(finding);
        if (severity != null && count > 0) {
            PseudoClasses.severity(card, severity);
        }
        if (finding != null) {
            card.setId("card-" + finding.id());
            card.setOnMouseClicked(e -> model.findingFilterProperty().set(model.findingFilterProperty().get() == finding ? null : finding));
            Tooltip.install(card, new Tooltip("Show only these (click again for all)"));
            card.getStyleClass().add("clickable");
        }
        return card;
    }
}
