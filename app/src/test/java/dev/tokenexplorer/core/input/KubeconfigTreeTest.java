package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.TokenKind;
import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Kubeconfigs written for the purpose, opened as files, as the sidebar shows them. */
class KubeconfigTreeTest {

    private final Analyzer analyzer = new Analyzer(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SourceNode group(SourceReport report, String name) {
        return report.nodes().stream().filter(n -> n.title().equals(name)).findFirst().orElseThrow();
    }

    private static SourceNode child(SourceNode parent, String title) {
        return parent.children().stream().filter(n -> n.title().equals(title)).findFirst().orElseThrow();
    }

    private static String detail(SourceNode node, String label) {
        return node.details().stream().filter(d -> d.label().equals(label)).findFirst().orElseThrow().value();
    }

    private SourceReport open(Path dir) throws Exception {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters:
                - name: prod
                  cluster: {server: https://prod.example:6443, certificate-authority-data: %s}
                - name: lab
                  cluster: {server: https://lab.example:6443, insecure-skip-tls-verify: true}
                contexts:
                - name: prod
                  context: {cluster: prod, user: ci-bot, namespace: apps}
                - name: lab
                  context: {cluster: lab, user: rotating}
                - name: admin
                  context: {cluster: prod, user: admin-cert}
                users:
                - name: ci-bot
                  user: {token: %s}
                - name: rotating
                  user: {tokenFile: tokens/projected.token}
                - name: gone
                  user: {tokenFile: tokens/missing.token}
                - name: admin-cert
                  user: {client-certificate-data: %s, client-key-data: %s}
                - name: sso
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, args: [get-token], interactiveMode: Never,
                           env: [{name: SECRET_ENV, value: do-not-show}]}
                - name: gcp
                  user:
                    auth-provider: {name: gcp, config: {access-token: ya29.secret-value}}
                - name: basic
                  user: {username: admin, password: s3cret}
                """.formatted(Fixtures.caCrtBase64(), Fixtures.text(Fixtures.LEGACY_V120).strip(), Fixtures.caCrtBase64(),
                b64(Fixtures.text("kubernetes-test-keys/rsa_private.pem")));
        Files.createDirectories(dir.resolve("tokens"));
        Files.writeString(dir.resolve("tokens/projected.token"), Fixtures.text(Fixtures.PROJECTED));
        Path file = Files.writeString(dir.resolve("config"), kubeconfig);
        return analyzer.analyzeFile(file, VerificationSettings.NONE);
    }

    @Test
    void contextsClustersAndUsersAreOrganisedAsTheKubeconfigIs(@TempDir Path dir) throws Exception {
        SourceReport report = open(dir);

        assertThat(report.type()).isEqualTo(InputType.KUBECONFIG);
        assertThat(report.nodes()).extracting(SourceNode::title).containsExactly("Contexts", "Clusters", "Users");
        SourceNode contexts = group(report, "Contexts");
        assertThat(contexts.children()).extracting(SourceNode::title).containsExactly("prod (current)", "lab", "admin");
        assertThat(detail(contexts.children().get(0), "Namespace")).isEqualTo("apps");
        SourceNode prod = child(group(report, "Clusters"), "prod");
        assertThat(detail(prod, "Server")).isEqualTo("https://prod.example:6443");
        assertThat(prod.children()).singleElement().satisfies(ca -> {
            assertThat(ca.kind()).isEqualTo("certificate");
            assertThat(ca.title()).isEqualTo("kubernetes");
            assertThat(detail(ca, "Role")).isEqualTo("CA certificate");
            assertThat(detail(ca, "SHA-256 fingerprint")).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        });
        assertThat(detail(child(group(report, "Clusters"), "lab"), "Verify the server's certificate")).startsWith("no");
    }

    @Test
    void tokenFileIsReadRelativeToTheKubeconfigAndAMissingOneIsANote(@TempDir Path dir) throws Exception {
        SourceReport report = open(dir);

        assertThat(report.tokens()).extracting(t -> t.kind()).containsExactly(TokenKind.LEGACY, TokenKind.BOUND_POD);
        assertThat(report.tokens().get(1).location()).startsWith("kubeconfig user \"rotating\" tokenFile").endsWith("projected.token");
        SourceNode gone = child(group(report, "Users"), "gone");
        assertThat(gone.notes()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("token-file-missing");
            assertThat(n.message()).contains("tokens/missing.token").contains("does not exist");
        });
        assertThat(report.error()).isNull();
    }

    @Test
    void credentialsAreDescribedButSecretsNeverShown(@TempDir Path dir) throws Exception {
        SourceReport report = open(dir);
        SourceNode users = group(report, "Users");

        SourceNode admin = child(users, "admin-cert");
        assertThat(detail(admin, "Client key")).startsWith("private key, rsa private key (never shown)");
        assertThat(admin.children()).extracting(SourceNode::kind).containsExactly("certificate");
        assertThat(detail(child(users, "sso"), "Exec plugin")).isEqualTo("kubelogin get-token");
        assertThat(detail(child(users, "sso"), "Exec environment")).isEqualTo("SECRET_ENV (value not shown)");
        assertThat(detail(child(users, "gcp"), "Auth provider")).isEqualTo("gcp");
        assertThat(detail(child(users, "basic"), "Password")).isEqualTo("•••••• (not shown)");
        String everything = report.nodes().toString() + report.notes();
        assertThat(everything).doesNotContain("s3cret", "do-not-show", "ya29.secret-value", "MIIEowIBAAKCAQEA");
    }

    @Test
    void duplicateNamesUseClientGosMessage() {
        SourceReport report = analyzer.analyzeText("paste", """
                apiVersion: v1
                kind: Config
                users:
                - {name: u, user: {token: abc}}
                - {name: u, user: {token: def}}
                """);

        assertThat(report.error()).contains("duplicate name \"u\" in list users");
    }

    @Test
    void aPlainHttpServerHasNoCertificateToVerifyAndTheTokenTravelsInClearText() {
        SourceReport report = analyzer.analyzeText("paste", """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: lab, cluster: {server: http://lab.example:8080}}
                - {name: prod, cluster: {server: https://prod.example:6443}}
                """);

        SourceNode lab = child(group(report, "Clusters"), "lab");
        assertThat(detail(lab, "Verify the server's certificate")).isEqualTo("no (plain HTTP: no TLS, no certificate)");
        assertThat(lab.notes()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("plain-http-server");
            assertThat(f.severity()).isEqualTo(dev.tokenexplorer.core.finding.Severity.WARNING);
            assertThat(f.message()).contains("cluster \"lab\"").contains("clear text");
        });
        SourceNode prod = child(group(report, "Clusters"), "prod");
        assertThat(detail(prod, "Verify the server's certificate")).isEqualTo("yes");
        assertThat(prod.notes()).extracting(Finding::code).doesNotContain("plain-http-server");
    }

    @Test
    void anEmptyKubeconfigAndAnEmptyFileSaySo(@TempDir Path dir) throws Exception {
        SourceReport emptyConfig = analyzer.analyzeText("paste", "apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n");
        SourceReport emptyFile = analyzer.analyzeFile(Files.writeString(dir.resolve("config"), ""), VerificationSettings.NONE);

        assertThat(emptyConfig.notes()).extracting(Finding::code).contains("empty-kubeconfig");
        assertThat(emptyFile.error()).startsWith("The input is empty");
    }

    @Test
    void aSecretListOfThreeGivesThreeSecretsWithTheirDetails() {
        String list = """
                apiVersion: v1
                kind: SecretList
                items:
                - apiVersion: v1
                  kind: Secret
                  metadata: {name: robot-token, namespace: ci, annotations: {kubernetes.io/service-account.name: robot}}
                  type: kubernetes.io/service-account-token
                  data: {token: %s, ca.crt: %s, namespace: Y2k=}
                - apiVersion: v1
                  kind: Secret
                  metadata: {name: db-password, namespace: ci}
                  type: Opaque
                  data: {password: aHVudGVyMg==}
                - apiVersion: v1
                  kind: Secret
                  metadata:
                    name: build-robot-secret
                    namespace: default
                    labels: {kubernetes.io/legacy-token-last-used: 2026-11-20, kubernetes.io/legacy-token-invalid-since: 2026-11-25}
                    annotations: {kubernetes.io/service-account.name: build-robot}
                  type: kubernetes.io/service-account-token
                """.formatted(b64(Fixtures.text(Fixtures.LEGACY_V120).strip()), Fixtures.caCrtBase64());

        SourceReport report = analyzer.analyzeText("paste", list);

        assertThat(report.nodes()).extracting(SourceNode::title)
                .containsExactly("Secret ci/robot-token", "Secret ci/db-password", "Secret default/build-robot-secret");
        SourceNode robot = report.nodes().get(0);
        assertThat(robot.children()).extracting(SourceNode::kind).containsExactly("token", "certificate");
        assertThat(detail(robot, "data.namespace")).isEqualTo("ci");
        SourceNode opaque = report.nodes().get(1);
        assertThat(opaque.subtitle()).isEqualTo("Opaque: no service account token");
        assertThat(opaque.children()).isEmpty();
        SourceNode marked = report.nodes().get(2);
        assertThat(marked.details()).filteredOn(d -> d.label().equals("Label kubernetes.io/legacy-token-invalid-since")).singleElement()
                .satisfies(d -> assertThat(d.explanation()).contains("3 days ago").contains("Remove the label to re-enable it"));
        assertThat(marked.details()).filteredOn(d -> d.label().equals("Label kubernetes.io/legacy-token-last-used")).singleElement()
                .satisfies(d -> assertThat(d.explanation()).contains("8 days ago"));
        assertThat(marked.notes()).extracting(Finding::code).contains("invalidated", "token-missing").doesNotContain("token-not-filled");
        assertThat(List.of(robot, opaque, marked)).allSatisfy(n -> assertThat(n.kind()).isEqualTo("secret"));
    }
}
