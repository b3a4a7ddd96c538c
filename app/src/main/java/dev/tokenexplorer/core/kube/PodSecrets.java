package dev.tokenexplorer.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Nodes;

import java.util.List;
import java.util.Map;

/**
 * The Secret names a Pod spec references, and how: what the API server's
 * {@code podutil.VisitPodSecretNames} visits, which is what the legacy-token cleaner asks before it
 * invalidates a token ("still used by pods").
 */
final class PodSecrets {

    /** The volume plugins whose secret reference sits at {@code <plugin>.<field>.name} or {@code <plugin>.secretName}. */
    private static final Map<String, String> PLUGIN_REFS = Map.of(
            "azureFile", "secretName", "cephfs", "secretRef", "cinder", "secretRef", "flexVolume", "secretRef",
            "rbd", "secretRef", "iscsi", "secretRef", "scaleIO", "secretRef", "storageos", "secretRef", "csi", "nodePublishSecretRef");

    private PodSecrets() {
    }

    /** Calls {@code visit(secretName, via, volumeName)} for each reference; volumeName is null outside volumes. */
    static void visit(JsonNode spec, Visitor visitor) {
        if (spec == null || !spec.isObject()) {
            return;
        }
        Visitor visit = (name, via, volume) -> {
            if (name != null && !name.isEmpty()) {
                visitor.accept(name, via, volume);
            }
        };
        for (JsonNode ref : array(spec.get("imagePullSecrets"))) {
            visit.accept(Nodes.text(ref, "name"), "imagePullSecret", null);
        }
        for (String list : List.of("containers", "initContainers", "ephemeralContainers")) {
            for (JsonNode container : array(spec.get(list))) {
                for (JsonNode from : array(container.get("envFrom"))) {
                    visit.accept(Nodes.text(from, "secretRef", "name"), "envFrom", null);
                }
                for (JsonNode env : array(container.get("env"))) {
                    visit.accept(Nodes.text(env, "valueFrom", "secretKeyRef", "name"), "env", null);
                }
            }
        }
        for (JsonNode volume : array(spec.get("volumes"))) {
            String name = Nodes.text(volume, "name");
            visit.accept(Nodes.text(volume, "secret", "secretName"), "volume", name);
            for (JsonNode source : array(Nodes.at(volume, "projected", "sources"))) {
                visit.accept(Nodes.text(source, "secret", "name"), "projected", name);
            }
            PLUGIN_REFS.forEach((plugin, field) -> visit.accept(field.equals("secretName") ? Nodes.text(volume, plugin, field)
                    : Nodes.text(volume, plugin, field, "name"), "other", null));
        }
    }

    @FunctionalInterface
    interface Visitor {
        void accept(String secretName, String via, String volumeName);
    }

    private static Iterable<JsonNode> array(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }
}
