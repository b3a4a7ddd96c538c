package dev.tokenexplorer.core.audit;

import dev.tokenexplorer.core.kube.Origin;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.jwt.SignatureStatus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over an audit's Secrets: per token kind, origin, finding, signature result and namespace.
 *
 * @param byKind      keyed by {@link dev.tokenexplorer.core.token.TokenKind#id()}, or "none" for Secrets without a readable token
 * @param byNamespace in name order
 * @param otherSecrets Secrets of other types, skipped
 * @param otherObjects objects of other kinds, skipped
 */
public record AuditSummary(int secrets,
                           Map<String, Integer> byKind,
                           Map<Origin, Integer> byOrigin,
                           Map<FindingCode, Integer> byFinding,
                           Map<SignatureStatus, Integer> bySignature,
                           Map<String, Namespace> byNamespace,
                           int withErrors,
                           int withWarnings,
                           int otherSecrets,
                           int otherObjects) {

    /** One namespace's Secrets, and how many have an error or a warning. */
    public record Namespace(int secrets, int withErrors, int withWarnings) {
    }

    public static AuditSummary of(List<AuditedSecret> secrets, int otherSecrets, int otherObjects) {
        Map<String, Integer> byKind = new TreeMap<>();
        Map<Origin, Integer> byOrigin = new EnumMap<>(Origin.class);
        Map<FindingCode, Integer> byFinding = new EnumMap<>(FindingCode.class);
        Map<SignatureStatus, Integer> bySignature = new EnumMap<>(SignatureStatus.class);
        Map<String, int[]> namespaces = new TreeMap<>();
        int errors = 0;
        int warnings = 0;
        for (AuditedSecret secret : secrets) {
            byKind.merge(secret.kind() == null ? "none" : secret.kind().id(), 1, Integer::sum);
            byOrigin.merge(secret.origin(), 1, Integer::sum);
            if (secret.signature() != null) {
                bySignature.merge(secret.signature(), 1, Integer::sum);
            }
            List<Finding> findings = secret.findings();
            for (int i = 0; i < findings.size(); i++) {
                if (secret.firstOfItsKind(i)) {
                    byFinding.merge(findings.get(i).type(), 1, Integer::sum);
                }
            }
            Severity worst = secret.worst();
            int[] ns = namespaces.computeIfAbsent(secret.namespace(), n -> new int[3]);
            ns[0]++;
            if (worst == Severity.ERROR) {
                errors++;
                ns[1]++;
            } else if (worst == Severity.WARNING) {
                warnings++;
                ns[2]++;
            }
        }
        Map<String, Namespace> byNamespace = new TreeMap<>();
        namespaces.forEach((name, n) -> byNamespace.put(name, new Namespace(n[0], n[1], n[2])));
        return new AuditSummary(secrets.size(), Collections.unmodifiableMap(byKind), Collections.unmodifiableMap(byOrigin),
                Collections.unmodifiableMap(byFinding), Collections.unmodifiableMap(bySignature),
                Collections.unmodifiableMap(byNamespace), errors, warnings, otherSecrets, otherObjects);
    }

    public int count(FindingCode finding) {
        return byFinding.getOrDefault(finding, 0);
    }

    public int count(Origin origin) {
        return byOrigin.getOrDefault(origin, 0);
    }
}
