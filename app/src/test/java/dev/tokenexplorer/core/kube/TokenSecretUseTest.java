package dev.tokenexplorer.core.kube;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API server labels only legacy tokens on use: a Secret holding any other token is "not
 * tracked", never "never used" and never "used recently"; the card, the column and the plan agree.
 */
class TokenSecretUseTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    static String bound(long exp) {
        long iat = exp - 3600;
        return TestTokens.rs256("{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":" + exp + ",\"iat\":" + iat
                + ",\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"default\","
                + "\"pod\":{\"name\":\"web-0\",\"uid\":\"0d3b5c43-6a56-4c43-b1a5-9d3c6c1f6f7e\"},"
                + "\"serviceaccount\":{\"name\":\"robot\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"}},\"nbf\":" + iat
                + ",\"sub\":\"system:serviceaccount:default:robot\"}");
    }

    static String secret(String name, String token) {
        return """
                - apiVersion: v1
                  kind: Secret
                  metadata:
                    name: %s
                    namespace: default
                    annotations:
                      kubernetes.io/service-account.name: robot
                  type: kubernetes.io/service-account-token
                  data:
                    token: %s
                """.formatted(name, Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }

    static final String DUMP = "apiVersion: v1\nkind: List\nitems:\n"
            + secret("expired-bound", bound(NOW.getEpochSecond() - 86_400))
            + secret("fresh-bound", bound(NOW.getEpochSecond() + 3_000))
            + secret("robot-token", TestTokens.legacy("default", "robot-token", "robot", "8208ff56-0a67-47bb-8175-a198423dacf8"));

    private static Map<String, AuditedSecret> rows(AuditResult result) {
        return result.secrets().stream().collect(Collectors.toMap(AuditedSecret::name, Function.identity()));
    }

    @Test
    void onlyLegacyTokensCountAsNeverUsedAndTheColumnSaysTheSame() {
        AuditResult result = Auditor.audit("dump.yaml", DUMP, AuditOptions.at(NOW));
        Map<String, AuditedSecret> rows = rows(result);

        assertThat(rows.get("robot-token").lastUsedText()).isEqualTo("never");
        assertThat(rows.get("fresh-bound").lastUsedText()).isEqualTo("not tracked");
        assertThat(rows.get("expired-bound").lastUsedText()).isEqualTo("not tracked");
        long neverInColumn = result.secrets().stream().filter(s -> s.lastUsedText().equals("never")).count();
        assertThat(result.summary().count(FindingCode.NEVER_USED)).isEqualTo(neverInColumn).isEqualTo(1);
    }

    @Test
    void aBoundTokensPlanNeverClaimsRecentUse() {
        AuditedSecret fresh = rows(Auditor.audit("dump.yaml", DUMP, AuditOptions.at(NOW))).get("fresh-bound");

        assertThat(fresh.findings()).filteredOn(f -> f.type() == FindingCode.NOT_LEGACY).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("only on legacy tokens", "not tracked"));
        assertThat(fresh.has(FindingCode.NEVER_USED)).isFalse();
        assertThat(fresh.has(FindingCode.EXPIRED)).isFalse();
        assertThat(fresh.plan().action()).isEqualTo("token-request");
        assertThat(fresh.plan().reason()).doesNotContain("Used recently").contains("not tracked");
        assertThat(fresh.plan().title()).isEqualTo("Replace with a short-lived token per run (kubectl create token)");
    }

    @Test
    void aSecretHoldingAnExpiredBoundTokenSaysItIsExpiredAndIsDeleted() {
        AuditedSecret expired = rows(Auditor.audit("dump.yaml", DUMP, AuditOptions.at(NOW))).get("expired-bound");

        assertThat(expired.findings()).extracting(Finding::type).contains(FindingCode.EXPIRED, FindingCode.NOT_LEGACY);
        assertThat(expired.findings()).filteredOn(f -> f.type() == FindingCode.EXPIRED).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("service account token has expired"));
        assertThat(expired.plan().action()).isEqualTo("delete");
        assertThat(expired.plan().title()).isEqualTo("Delete it");
        assertThat(expired.plan().reason()).doesNotContain("Used recently");
    }

    @Test
    void theExplorePageSaysExpiredOnceForTheSameSecret() {
        SourceReport report = new Analyzer(Clock.fixed(NOW, ZoneOffset.UTC)).analyzeText("secret.yaml",
                "apiVersion: v1\nkind: List\nitems:\n" + secret("expired-bound", bound(NOW.getEpochSecond() - 86_400)));

        assertThat(report.tokens()).singleElement().satisfies(t -> assertThat(t.findings())
                .filteredOn(f -> f.type() == FindingCode.EXPIRED).hasSize(1));
    }
}
