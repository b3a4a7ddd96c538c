package dev.tokenexplorer.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.input.InputType;
import dev.tokenexplorer.support.Objects;
import dev.tokenexplorer.core.input.ServiceAccountRef;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestWriterTest {

    private static final SecretRequest SEED = new SecretRequest("sa-token-demo", "default", "explicit-sa-token", "", Map.of(), false);

    @Test
    void seedRequestIsTheArticlesManifestPlusTheNamespace() throws Exception {
        JsonNode written = Objects.read(ManifestWriter.yaml(SEED)).get(0);
        ObjectNode expected = (ObjectNode) Objects.read(Fixtures.text("seed-explicit-secret-request.yaml")).get(0);
        ((ObjectNode) expected.get("metadata")).put("namespace", "default");

        assertThat(written).isEqualTo(expected);
    }

    @Test
    void yamlKeepsTheConventionalKeyOrderInBlockStyle() {
        assertThat(ManifestWriter.yaml(SEED)).isEqualTo("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: explicit-sa-token
                  namespace: default
                  annotations:
                    kubernetes.io/service-account.name: sa-token-demo
                type: kubernetes.io/service-account-token
                """);
    }

    @Test
    void theAppRecognisesItsOwnManifest() {
        SourceReport report = new Analyzer(Clock.systemUTC()).analyzeText("manifest", ManifestWriter.yaml(SEED));

        assertThat(report.type()).isEqualTo(InputType.SECRET);
        assertThat(report.error()).isNull();
        assertThat(report.notes()).extracting(Finding::code).contains("token-missing").doesNotContain("missing-service-account-annotation");
        assertThat(report.serviceAccounts()).containsExactly(new ServiceAccountRef("default", "sa-token-demo", null));
    }

    @Test
    void serviceAccountComesFirstAndUidAndLabelsAreWritten() throws Exception {
        SecretRequest request = new SecretRequest("builder", "ci", "", "8208ff56-0a67-47bb-8175-a198423dacf8",
                Map.of("team", "platform"), true);

        List<JsonNode> documents = Objects.read(ManifestWriter.yaml(request));

        assertThat(ManifestWriter.yaml(request)).contains("\n---\n");
        assertThat(documents).extracting(d -> d.get("kind").asText()).containsExactly("ServiceAccount", "Secret");
        assertThat(documents.get(1).at("/metadata/name").asText()).isEqualTo("builder-token");
        assertThat(documents.get(1).at("/metadata/annotations/kubernetes.io~1service-account.uid").asText()).isEqualTo("8208ff56-0a67-47bb-8175-a198423dacf8");
        assertThat(documents.get(1).at("/metadata/labels/team").asText()).isEqualTo("platform");
        JsonNode json = Json.parse(ManifestWriter.json(request));
        assertThat(json.get("kind").asText()).isEqualTo("List");
        assertThat(json.at("/items/1/type").asText()).isEqualTo("kubernetes.io/service-account-token");
    }

    @Test
    void commandsApplyReadBackAndTheShortLivedAlternative() {
        assertThat(ManifestWriter.applyCommand(SEED)).startsWith("kubectl apply -f - <<'EOF'\napiVersion: v1\n").endsWith("service-account-token\nEOF");
        assertThat(ManifestWriter.readTokenCommand(SEED)).isEqualTo("kubectl get secret explicit-sa-token -n default -o jsonpath='{.data.token}' | base64 -d");
        TokenRequestOptions options = new TokenRequestOptions("2h", List.of("vault", "https://kubernetes.default.svc"), "Pod", "web-0", "");
        assertThat(options.command("sa-token-demo", "default")).isEqualTo(
                "kubectl create token sa-token-demo -n default --duration 2h --audience vault --audience https://kubernetes.default.svc "
                        + "--bound-object-kind Pod --bound-object-name web-0");
    }
}
