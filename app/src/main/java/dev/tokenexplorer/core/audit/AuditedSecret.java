package dev.tokenexplorer.core.audit;

import dev.tokenexplorer.core.kube.Access;
import dev.tokenexplorer.core.kube.Origin;
import dev.tokenexplorer.core.kube.Plan;
import dev.tokenexplorer.core.kube.Usage;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.token.TokenKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One service-account-token Secret as the audit sees it.
 *
 * @param findings       what its verdict says ({@link dev.tokenexplorer.core.kube.SecretVerdict}), the same as the Explore page
 * @param kind           the kind of the token it holds, null when it holds none that decodes
 * @param daysSinceUse   whole days from the last-used label to the audit's date, null when never used
 * @param signature      null when no key was loaded
 * @param usedBy         the workloads and Pods that reference it (empty when none, or when the input holds no Pods)
 * @param access         what its ServiceAccount may do
 * @param plan           what replaces it
 * @param token          the token itself, to open it in the token views; never exported or printed
 * @param source         the file it was read from
 */
public record AuditedSecret(String namespace,
                            String name,
                            String serviceAccount,
                            Instant created,
                            TokenKind kind,
                            LocalDate lastUsed,
                            Long daysSinceUse,
                            LocalDate invalidSince,
                            Origin origin,
                            SignatureStatus signature,
                            String verifiedBy,
                            List<Finding> findings,
                            List<Usage> usedBy,
                            Access access,
                            Plan plan,
                            String token,
                            String source) {

    public AuditedSecret {
        findings = List.copyOf(findings);
        usedBy = List.copyOf(usedBy);
    }

    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.type() == code);
    }

    /**
     * Whether the finding at {@code index} is the first of its kind: a Secret counts once per kind
     * (the summary's counts, the CSV's codes), in the order its findings came.
     */
    public boolean firstOfItsKind(int index) {
        FindingCode type = findings.get(index).type();
        for (int i = 0; i < index; i++) {
            if (findings.get(i).type() == type) {
                return false;
            }
        }
        return true;
    }

    /** The most severe finding's severity, null when there is none. */
    public Severity worst() {
        Severity worst = null;
        for (Finding finding : findings) {
            if (worst == null || finding.severity().compareTo(worst) < 0) {
                worst = finding.severity();
            }
        }
        return worst;
    }

    /**
     * Its Last used cell: the label's date and the days since, "never" for a legacy token without
     * the label, "not tracked" for any other Secret, as the API server labels only legacy tokens on
     * use. So the cell, the never-used finding (and its card) and the plan say the same thing.
     */
    public String lastUsedText() {
        if (lastUsed != null) {
            return lastUsed + "  (" + daysSinceUse + " d)";
        }
        return kind == TokenKind.LEGACY ? "never" : "not tracked";
    }

    /** "namespace/name". */
    public String label() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    @Override
    public String toString() {
        return "AuditedSecret[" + label() + ", " + findings.size() + " findings]"; // never the token
    }

    /**
     * A row of one audit is itself, not its values: lists and tables compare rows often, and
     * comparing 10,000 rows field by field held the window for a tenth of a second.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
