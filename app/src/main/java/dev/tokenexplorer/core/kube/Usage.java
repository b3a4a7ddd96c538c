package dev.tokenexplorer.core.kube;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An object that references a Secret by name: a workload (its Pods counted under it, following
 * their owners) or a bare Pod.
 *
 * @param kind   Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod
 * @param via    how it references the Secret: volume, projected, env, envFrom, imagePullSecret, other
 * @param pods   the running Pods of the dump that reference it through this object
 * @param serviceAccount the ServiceAccount its Pods run as ("default" when unset)
 * @param volumes the names of its volumes that mount the Secret (secret or projected), for the plan's patch
 */
public record Usage(String kind, String namespace, String name, Set<String> via, int pods, String serviceAccount, List<String> volumes) {
    public Usage {
        // In the order the object names them: Set.copyOf's order changes from one JVM to the next,
        // and the finding, the CSV and the JSON would with it.
        via = Collections.unmodifiableSet(new LinkedHashSet<>(via));
        volumes = List.copyOf(volumes);
    }

    /** "Deployment web/api". */
    public String label() {
        return kind + " " + namespace + "/" + name;
    }
}
