package dev.tokenexplorer.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Nodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who references each Secret: the Pods and workloads of an input. A Pod is counted under the
 * workload that owns it (Pod → ReplicaSet → Deployment, Pod → Job → CronJob), a workload's template
 * counts even when none of its Pods is in the dump. Filled while reading, then {@link #finish()}ed.
 */
public final class Workloads {

    /** The kinds whose Pod template references Secrets, and where the template's spec is. */
    private static final Map<String, String[]> TEMPLATES = Map.of(
            "Deployment", new String[]{"spec", "template", "spec"},
            "StatefulSet", new String[]{"spec", "template", "spec"},
            "DaemonSet", new String[]{"spec", "template", "spec"},
            "ReplicaSet", new String[]{"spec", "template", "spec"},
            "Job", new String[]{"spec", "template", "spec"},
            "CronJob", new String[]{"spec", "jobTemplate", "spec", "template", "spec"});

    private record Ref(String secret, String via, String volume) {
    }

    /** A Pod or workload as read: enough to follow its owner and list its references. */
    private record Seen(String kind, String namespace, String name, String ownerKind, String ownerName, String serviceAccount,
                        List<Ref> refs) {
    }

    private final List<Seen> pods = new ArrayList<>();
    private final Map<String, Seen> workloads = new HashMap<>();
    private Map<String, List<Usage>> bySecret = Map.of();

    /** Whether a kind is one this index reads. */
    public static boolean reads(String kind) {
        return kind != null && ("Pod".equals(kind) || TEMPLATES.containsKey(kind));
    }

    /** Takes a Pod or workload; true when the object was one. */
    public boolean add(JsonNode object) {
        String kind = Nodes.text(object, "kind");
        if (!reads(kind)) {
            return false;
        }
        JsonNode spec = "Pod".equals(kind) ? object.get("spec") : Nodes.at(object, TEMPLATES.get(kind));
        List<Ref> refs = new ArrayList<>();
        PodSecrets.visit(spec, (secret, via, volume) -> refs.add(new Ref(secret, via, volume)));
        String owner = null;
        String ownerName = null;
        JsonNode owners = Nodes.at(object, "metadata", "ownerReferences");
        if (owners != null && owners.isArray()) {
            for (JsonNode ref : owners) {
                if (ref.path("controller").asBoolean(false) || owner == null) {
                    owner = Nodes.text(ref, "kind");
                    ownerName = Nodes.text(ref, "name");
                }
            }
        }
        String sa = Nodes.text(spec, "serviceAccountName");
        Seen seen = new Seen(kind, Nodes.textOrEmpty(object, "metadata", "namespace"), Nodes.textOrEmpty(object, "metadata", "name"), owner, ownerName,
                sa == null || sa.isEmpty() ? "default" : sa, List.copyOf(refs));
        if ("Pod".equals(kind)) {
            pods.add(seen);
        } else {
            workloads.put(key(kind, seen.namespace(), seen.name()), seen);
        }
        return true;
    }

    /** Whether Pods were read: without them, who uses a Secret is unknown rather than nobody. */
    public boolean known() {
        return !pods.isEmpty();
    }

    public int pods() {
        return pods.size();
    }

    /** Indexes the references by Secret, owners resolved; call once every object was added. */
    public void finish() {
        Map<String, Map<String, Builder>> index = new HashMap<>();
        for (Seen workload : workloads.values()) {
            add(index, top(workload), workload, false);
        }
        for (Seen pod : pods) {
            add(index, top(pod), pod, true);
        }
        Map<String, List<Usage>> result = new HashMap<>();
        index.forEach((secret, users) -> result.put(secret, users.values().stream().map(Builder::build).toList()));
        bySecret = result;
    }

    /** Who references the Secret namespace/name, in the order first seen; empty when nobody does (or Pods are unknown). */
    public List<Usage> of(String namespace, String secret) {
        return bySecret.getOrDefault(namespace + "/" + secret, List.of());
    }

    /** The object a Pod or workload is reported under: its owner's owner, as far as the dump (or the owner reference) tells. */
    private Seen top(Seen seen) {
        Seen current = seen;
        for (int hops = 0; hops < 4 && current.ownerKind() != null; hops++) {
            Seen owner = workloads.get(key(current.ownerKind(), current.namespace(), current.ownerName()));
            if (owner == null) {
                if (!reads(current.ownerKind()) || "Pod".equals(current.ownerKind())) {
                    break; // owned by something that is no workload (a custom resource): report the object itself
                }
                return new Seen(current.ownerKind(), current.namespace(), current.ownerName(), null, null, current.serviceAccount(), List.of());
            }
            current = owner;
        }
        return current;
    }

    private static void add(Map<String, Map<String, Builder>> index, Seen top, Seen seen, boolean pod) {
        Map<String, Set<String>> podsCounted = new HashMap<>();
        for (Ref ref : seen.refs()) {
            Builder builder = index.computeIfAbsent(seen.namespace() + "/" + ref.secret(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(key(top.kind(), top.namespace(), top.name()), k -> new Builder(top));
            builder.via.add(ref.via());
            if (ref.volume() != null) {
                builder.volumes.add(ref.volume());
            }
            if (pod && podsCounted.computeIfAbsent(ref.secret(), s -> new HashSet<>()).add(seen.name())) {
                builder.pods++;
            }
            if (!pod || builder.serviceAccount == null) {
                builder.serviceAccount = seen.serviceAccount();
            }
        }
    }

    private static final class Builder {
        final Seen top;
        final Set<String> via = new LinkedHashSet<>();
        final Set<String> volumes = new LinkedHashSet<>();
        int pods;
        String serviceAccount;

        Builder(Seen top) {
            this.top = top;
        }

        Usage build() {
            return new Usage(top.kind(), top.namespace(), top.name(), via, pods, serviceAccount, List.copyOf(volumes));
        }
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }
}
