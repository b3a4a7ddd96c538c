package dev.tokenexplorer.core.kube;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.support.ClusterDump;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Explore page / {@code inspect} and the Audit read the same bytes with one reader and judge
 * each token Secret with one verdict: fed the same Secrets, they say the same findings.
 */
class OnePipelineTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");
    private static final Pattern SECRET = Pattern.compile("Secret (\\S+)( (data|stringData)\\.token)?$");

    private static final List<LoadedKey> KEYS = KeyReader.read("rsa_public.pem", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys();

    /** Secrets that break the rules in each way the API server or its controllers notice. */
    private static String oddSecrets() {
        String legacy = TestTokens.legacy("odd", "merged", "app", "u-1");
        return """
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata:
                  name: junk-base64
                  namespace: odd
                  annotations: {kubernetes.io/service-account.name: app}
                data:
                  token: %1$s!!not*base64
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata:
                  name: annotations-as-list
                  namespace: odd
                  annotations: [kubernetes.io/service-account.name, app]
                data: {token: %1$s}
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata:
                  name: odd-labels
                  namespace: odd
                  annotations: {kubernetes.io/service-account.name: app}
                  labels: {kubernetes.io/legacy-token-last-used: yesterday, replicas: 3}
                data: {token: %1$s}
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata: {name: no-annotation, namespace: odd}
                ---
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata: {name: opaque-token, namespace: odd, annotations: {kubernetes.io/service-account.name: app}}
                stringData: {token: not-a-jwt-at-all, namespace: elsewhere}
                ---
                base: &invalid
                  labels: {kubernetes.io/legacy-token-invalid-since: "2026-10-01"}
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata:
                  <<: *invalid
                  name: merged
                  namespace: odd
                  annotations: {kubernetes.io/service-account.name: app}
                data: {token: %2$s}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: app, namespace: odd, uid: u-2}
                secrets: [{name: merged}]
                """.formatted(b64(legacy), b64(legacy));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json", "yaml", "yaml+odd"})
    void inspectAndAuditSayTheSameAboutEverySecret(String form) {
        ClusterDump dump = ClusterDump.mix(40, TODAY);
        dump.secret("shared", "copied", "robot").tokenOf("original");
        dump.secret("shared", "unsigned", "robot").unsigned();
        String text = switch (form) {
            case "json" -> dump.json();
            case "yaml" -> dump.yaml();
            default -> dump.yaml() + oddSecrets();
        };

        Map<String, List<Finding>> audit = audited(text);
        Map<String, List<Finding>> inspect = inspected(text);

        assertThat(audit).hasSize(form.endsWith("odd") ? 48 : 42);
        assertThat(inspect).isEqualTo(audit);
    }

    @Test
    void theOddSecretsGetTheirFindingsInBothPaths() {
        Map<String, List<Finding>> audit = audited(oddSecrets());

        assertThat(codes(audit.get("odd/junk-base64"))).containsExactly("data-not-base64");
        assertThat(codes(audit.get("odd/annotations-as-list"))).contains("annotations-not-a-map", "missing-service-account-annotation");
        assertThat(codes(audit.get("odd/odd-labels"))).contains("labels-not-a-map", "label-not-a-date", "never-used");
        assertThat(codes(audit.get("odd/no-annotation"))).contains("missing-service-account-annotation", "token-missing");
        assertThat(codes(audit.get("odd/opaque-token"))).contains("namespace-mismatch", "token-malformed");
        assertThat(codes(audit.get("odd/merged"))).contains("invalidated", "uid-mismatch");
        assertThat(inspected(oddSecrets())).isEqualTo(audit);
    }

    @Test
    void aKeyRepeatedInOneMapIsRefusedByBothWithItsLineAndColumn() {
        String twice = """
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata:
                  name: twice
                  labels: {kubernetes.io/legacy-token-invalid-since: "2026-10-01"}
                  labels: {team: a}
                """;

        String expected = "the key \"labels\" appears twice in one map (line 7, column 3)";
        assertThat(analyzer().analyzeText("paste", twice).error()).contains(expected);
        assertThat(Auditor.audit("dump.yaml", twice, AuditOptions.at(NOW)).problems()).singleElement().asString().contains(expected);
    }

    @Test
    void aDuplicateKeyInJsonIsRefusedByBoth() {
        String twice = "{\"kind\":\"Secret\",\"type\":\"kubernetes.io/service-account-token\",\"metadata\":{\"name\":\"x\",\"labels\":{},\"labels\":{}}}";

        assertThat(analyzer().analyzeText("paste", twice).error()).contains("Duplicate field 'labels'");
        assertThat(Auditor.audit("dump.json", twice, AuditOptions.at(NOW)).problems()).singleElement().asString().contains("Duplicate field 'labels'");
    }

    @Test
    void anAliasChainIsRefusedByEveryEntryPointBeforeItGrows(@TempDir Path dir) throws Exception {
        String chain = TestTokens.aliasChain(24);
        Path file = dir.resolve("chain.yaml");
        Files.writeString(file, chain);
        String refused = "values, counting each alias as what it repeats (an alias bomb?)";

        assertThat(chain.length()).isLessThan(600);
        assertThat(analyzer().analyzeText("paste", chain).error()).contains(refused);
        assertThat(analyzer().analyzeFile(file, VerificationSettings.NONE).error()).contains(refused);
        assertThat(Auditor.audit(List.of(file), AuditOptions.at(NOW), Auditor.Progress.NONE, () -> false).problems())
                .singleElement().asString().contains(refused);
    }

    private static Analyzer analyzer() {
        return new Analyzer(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The audit's rows: findings by "namespace/name". */
    static Map<String, List<Finding>> audited(String text) {
        AuditResult result = audit(text);
        assertThat(result.problems()).isEmpty();
        return rows(result);
    }

    static AuditResult audit(String text) {
        return Auditor.audit("dump", text, AuditOptions.at(NOW).withKeys(KEYS));
    }

    static Map<String, List<Finding>> rows(AuditResult result) {
        return result.secrets().stream().collect(Collectors.toMap(AuditedSecret::label, s -> audited(s.findings()), (a, b) -> a, TreeMap::new));
    }

    /** What inspect says of each token Secret, narrowed to the findings the Audit reports. */
    static Map<String, List<Finding>> inspected(String text) {
        SourceReport report = inspect(text);
        assertThat(report.error()).isNull();
        return bySecret(report);
    }

    static SourceReport inspect(String text) {
        return analyzer().analyzeText("dump", text, new VerificationSettings(KEYS, Set.of(), Set.of()));
    }

    static Map<String, List<Finding>> bySecret(SourceReport report) {
        Map<String, List<Finding>> bySecret = new TreeMap<>();
        for (TokenReport token : report.tokens()) {
            Matcher secret = SECRET.matcher(token.location());
            if (secret.find() && secret.group(2) != null) {
                bySecret.put(secret.group(1), audited(token.findings()));
            }
        }
        for (SourceNode node : report.nodes()) {
            Matcher secret = SECRET.matcher(node.title());
            if (node.kind().equals("secret") && node.children().stream().noneMatch(SourceNode::isToken) && secret.find()
                    && node.subtitle().equals("service account token")) {
                bySecret.put(secret.group(1), audited(node.notes()));
            }
        }
        return bySecret;
    }

    /** In the verdict's order: the report sorts by severity, the verdict by kind of check; the set is what must agree. */
    private static List<Finding> audited(List<Finding> findings) {
        return findings.stream().filter(f -> f.type().audited())
                .sorted(java.util.Comparator.comparing(Finding::code).thenComparing(Finding::message)).toList();
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
