package dev.tokenexplorer.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Nodes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the other objects of an input say about its token Secrets: the ServiceAccounts (their uid
 * and the Secrets they list, which makes a Secret auto-generated) and the day the API server began
 * tracking legacy tokens. Filled while an input is read, then only read.
 */
public final class ClusterObjects {

    /** A ServiceAccount: its uid ("" when unknown) and the Secrets its {@code secrets} lists. */
    public record Account(String uid, Set<String> secrets) {
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private LocalDate trackingSince;
    private final Workloads workloads = new Workloads();
    private final Rbac rbac = new Rbac();

    /** Takes a ServiceAccount, the tracking ConfigMap, a Pod, a workload or an RBAC object; true when the object was one of them. */
    public boolean add(JsonNode object) {
        String kind = Nodes.text(object, "kind");
        if (workloads.add(object) || rbac.add(object)) {
            return true;
        }
        String namespace = Nodes.textOrEmpty(object, "metadata", "namespace");
        String name = Nodes.textOrEmpty(object, "metadata", "name");
        if ("ServiceAccount".equals(kind)) {
            Set<String> secrets = new HashSet<>();
            JsonNode listed = object.get("secrets");
            if (listed != null && listed.isArray()) {
                listed.forEach(ref -> secrets.add(Nodes.textOrEmpty(ref, "name")));
            }
            accounts.put(namespace + "/" + name, new Account(Nodes.textOrEmpty(object, "metadata", "uid"), Set.copyOf(secrets)));
            return true;
        }
        if ("ConfigMap".equals(kind) && name.equals(KubeNames.TRACKING_CONFIG_MAP) && namespace.equals(KubeNames.TRACKING_NAMESPACE)) {
            trackingSince = TokenSecret.date(Nodes.text(object, "data", "since"));
            return true;
        }
        return false;
    }

    /** Call once every object was added. */
    public void finish() {
        workloads.finish();
    }

    public Workloads workloads() {
        return workloads;
    }

    public Rbac rbac() {
        return rbac;
    }

    /** Whether any ServiceAccount was read: without them, origin and existence cannot be told. */
    public boolean known() {
        return !accounts.isEmpty();
    }

    public int size() {
        return accounts.size();
    }

    /** The Secret's ServiceAccount, or null when it was not read. */
    public Account accountOf(TokenSecret secret) {
        return accounts.get(secret.namespace() + "/" + (secret.serviceAccount() == null ? "" : secret.serviceAccount()));
    }

    /** Auto-generated when its ServiceAccount lists it, as the legacy-token cleaner decides. */
    public Origin origin(TokenSecret secret) {
        if (!known()) {
            return Origin.UNKNOWN;
        }
        Account account = accountOf(secret);
        return account == null ? Origin.UNKNOWN : account.secrets().contains(secret.name()) ? Origin.AUTO_GENERATED : Origin.MANUAL;
    }

    /** From the kube-system ConfigMap, or null. */
    public LocalDate trackingSince() {
        return trackingSince;
    }
}
