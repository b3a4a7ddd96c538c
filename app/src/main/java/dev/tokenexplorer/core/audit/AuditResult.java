package dev.tokenexplorer.core.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * What an audit found.
 *
 * @param secrets         every service-account-token Secret, in the order read
 * @param summary         counts over them
 * @param problems        inputs that could not be read, each "file: what was wrong and where"
 * @param serviceAccounts how many ServiceAccounts were read (0: auto-generated and manual cannot be told apart)
 * @param trackingSince   when legacy-token tracking began, from the kube-system ConfigMap, or null
 * @param pods            how many Pods were read (0: who uses each Secret is unknown)
 * @param rbacKnown       whether RBAC objects were read (false: what each token may do is unknown)
 */
public record AuditResult(List<AuditedSecret> secrets, AuditSummary summary, List<String> problems,
                          int serviceAccounts, LocalDate trackingSince, int pods, boolean rbacKnown) {
    public AuditResult {
        secrets = List.copyOf(secrets);
        problems = List.copyOf(problems);
    }

    /** Each audit is its own result (see {@link AuditedSecret#equals}); by value, a property change compared every row. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
