package dev.tokenexplorer.core.kube;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a workload references a Secret reads in the order the workload names it, the same in every run. */
class UsageOrderTest {

    @Test
    void viaKeepsTheOrderItWasFoundIn() {
        for (List<String> order : List.of(List.of("volume", "envFrom", "env"), List.of("envFrom", "env", "volume"))) {
            Usage usage = new Usage("Deployment", "team-a", "api", new LinkedHashSet<>(order), 0, "default", List.of());
            assertThat(usage.via()).containsExactlyElementsOf(order);
            assertThat(SecretVerdict.describe(usage)).endsWith("via " + String.join(", ", order) + ")");
        }
    }
}
