package dev.tokenexplorer.core.kube;

import java.util.List;

/**
 * What a ServiceAccount may do, as the RBAC objects of an input say.
 *
 * @param known false when the input holds no RBAC objects: then nothing can be said
 * @param risks the dangerous permissions, each with where it applies and the binding that grants it
 */
public record Access(boolean known, List<Risk> risks) {

    public static final Access UNKNOWN = new Access(false, List.of());

    public Access {
        risks = List.copyOf(risks);
    }

    /**
     * One dangerous permission.
     *
     * @param risk      cluster-admin, read-secrets, create-tokens, impersonate, escalate-or-bind, create-pods or wildcard
     * @param scope     "cluster", or the namespace it applies in
     * @param grantedBy "ClusterRoleBinding ci-admin → ClusterRole cluster-admin", and the group that matched, if any
     */
    public record Risk(String risk, String scope, String grantedBy) {
        public boolean clusterWide() {
            return scope.equals("cluster");
        }
    }

    public boolean has(String risk) {
        return risks.stream().anyMatch(r -> r.risk().equals(risk));
    }

    /** The risks that make a never-expiring token a master key: what a thief could do with it anywhere. */
    public List<Risk> privileged() {
        return risks.stream().filter(r -> r.risk().equals("cluster-admin") || r.risk().equals("impersonate")
                || r.risk().equals("escalate-or-bind") || (r.risk().equals("read-secrets") && r.clusterWide())).toList();
    }
}
