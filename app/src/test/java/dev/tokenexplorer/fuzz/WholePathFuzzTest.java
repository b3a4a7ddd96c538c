package dev.tokenexplorer.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.audit.AuditExport;
import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.report.JsonReport;
import dev.tokenexplorer.core.report.TextReport;
import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.Redactor;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-path fuzz targets: bytes shaped like real tokens and dumps (a valid token's header and
 * claims as JSON, a Secret's fields, mutated by the fuzzer) go through the Analyzer or the Auditor
 * and out as text, JSON, table and Markdown. The oracle is the README's contract: no exception, a
 * report or a message for every input, no bug reported as an input's error, nothing a terminal
 * would act on in text output, JSON that parses, and Markdown with no live link or image.
 */
class WholePathFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Analyzer ANALYZER = new Analyzer(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final PrivateKey RSA = TestTokens.rsaPrivateKey();
    private static final PrivateKey EC = TestTokens.ecPrivateKey();
    private static final byte[] HMAC = "a shared secret that is long enough".getBytes(StandardCharsets.UTF_8);
    private static final List<LoadedKey> KEYS = keys();
    private static final VerificationSettings SETTINGS = new VerificationSettings(KEYS, Set.of("https://kubernetes.default.svc"),
            Set.of("https://kubernetes.default.svc", "kubernetes/serviceaccount"));

    private static final String[] ALGS = {"RS256", "RS384", "PS256", "ES256", "ES384", "ES512", "HS256", "none", "NONE", "EdDSA", ""};
    private static final String[] KIDS = {TestTokens.RSA_KID, TestTokens.EC_KID, "", "old-key", "../../etc/passwd"};
    private static final String[] NAMES = {"default", "kube-system", "app", "app-token-x7k2p", "web-0"};

    private static List<LoadedKey> keys() {
        List<LoadedKey> keys = new ArrayList<>(KeyReader.read("sa.pub", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys());
        keys.addAll(KeyReader.read("ec.pub", Fixtures.text("kubernetes-test-keys/ecdsa_p256_public.pem")).keys());
        keys.add(KeyReader.hmacSecret("secret", HMAC));
        return List.copyOf(keys);
    }

    // ---- bytes -> Analyzer -> report -> text and JSON -----------------------------------------

    @FuzzTest(maxDuration = "10m")
    void anyTokenThroughTheWholePathGivesAReportWrittenSafely(FuzzedDataProvider data) throws Exception {
        String token = token(data, 3);
        String text = wrap(data, token);

        SourceReport report = ANALYZER.analyzeText("fuzz", text, SETTINGS);

        assertReported(report);
        String out = TextReport.write(List.of(report), KEYS, NOW);
        assertNothingATerminalActsOn(out);
        String json = JsonReport.write(List.of(report), KEYS);
        assertNothingATerminalActsOn(json);
        PLAIN.readTree(json);
        for (TokenReport t : report.tokens()) {
            if (t.decoded()) {
                assertThat(t.timeline().describe(ZoneId.of("Pacific/Kiritimati"))).isNotBlank();
                assertThat(Redactor.redact(t.jwt())).isNotNull();
            }
        }
    }

    // ---- a generated dump with fuzzed fields -> audit -> every export --------------------------

    @FuzzTest(maxDuration = "10m")
    void anAuditOfADumpWithFuzzedFieldsIsReportedSafely(FuzzedDataProvider data) throws Exception {
        ObjectNode list = Json.nodes().objectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        ArrayNode items = list.putArray("items");
        int count = data.consumeInt(1, 5);
        for (int i = 0; i < count; i++) {
            items.add(secret(data));
            if (data.consumeBoolean()) {
                items.add(serviceAccount(data));
            }
        }
        if (data.consumeBoolean()) {
            ObjectNode tracking = items.addObject();
            tracking.put("apiVersion", "v1");
            tracking.put("kind", "ConfigMap");
            tracking.putObject("metadata").put("name", "kube-apiserver-legacy-service-account-token-tracking").put("namespace", "kube-system");
            tracking.putObject("data").put("since", date(data));
        }
        String dump = data.consumeBoolean() ? Json.pretty(list)
                : items.valueStream().map(item -> "---\n" + item.toString() + "\n").reduce("", String::concat);

        AuditResult result = Auditor.audit("dump", dump, new AuditOptions(NOW, 90, KEYS, 1));

        result.problems().forEach(WholePathFuzzTest::assertUserMessage);
        for (AuditExport.Format format : AuditExport.Format.values()) {
            String out = AuditExport.write(result, format);
            switch (format) {
                case TABLE -> assertNothingATerminalActsOn(out);
                case MARKDOWN -> {
                    assertNothingATerminalActsOn(out);
                    assertThat(out).doesNotContain("![", "](", "<");
                }
                case JSON -> {
                    assertNothingATerminalActsOn(out);
                    PLAIN.readTree(out);
                }
                case CSV -> assertThat(out).isNotNull();
            }
        }
    }

    // ---- structured generators ----------------------------------------------------------------

    /** A compact JWS whose header and claims are JSON objects built from the fuzzer's choices. */
    private static String token(FuzzedDataProvider data, int depth) throws Exception {
        ObjectNode header = Json.nodes().objectNode();
        String alg = data.consumeBoolean() ? data.pickValue(ALGS) : data.consumeString(8);
        header.put("alg", alg);
        if (data.consumeBoolean()) header.put("kid", data.consumeBoolean() ? data.pickValue(KIDS) : data.consumeString(48));
        if (data.consumeProbabilityFloat() < 0.2f) {
            ArrayNode crit = header.putArray("crit");
            for (int i = data.consumeInt(0, 2); i > 0; i--) crit.add(data.consumeBoolean() ? "b64" : data.consumeString(6));
        }
        if (data.consumeProbabilityFloat() < 0.2f) {
            if (data.consumeBoolean()) header.put("b64", data.consumeBoolean());
            else header.put("b64", data.consumeString(4));
        }
        if (data.consumeProbabilityFloat() < 0.1f) header.put(data.pickValue(new String[]{"jku", "x5u", "typ", "cty"}), data.consumeString(30));
        if (data.consumeProbabilityFloat() < 0.05f) header.putArray("x5c").add(data.consumeString(60));

        ObjectNode claims = Json.nodes().objectNode();
        if (data.consumeBoolean()) claims.put("iss", data.consumeBoolean() ? "https://kubernetes.default.svc" : data.consumeString(60));
        if (data.consumeBoolean()) claims.put("sub", data.consumeBoolean() ? "system:serviceaccount:" + name(data) + ":" + name(data) : data.consumeString(60));
        if (data.consumeBoolean()) {
            if (data.consumeBoolean()) claims.put("aud", data.consumeString(40));
            else claims.putArray("aud").add("https://kubernetes.default.svc").add(data.consumeString(20));
        }
        for (String time : new String[]{"exp", "iat", "nbf"}) {
            if (data.consumeBoolean()) claims.set(time, numericDate(data));
        }
        if (data.consumeBoolean()) {
            ObjectNode k8s = claims.putObject("kubernetes.io");
            if (data.consumeBoolean()) k8s.put("namespace", name(data));
            if (data.consumeBoolean()) k8s.putObject("serviceaccount").put("name", name(data)).put("uid", data.consumeString(36));
            if (data.consumeBoolean()) k8s.putObject(data.pickValue(new String[]{"pod", "secret", "node"})).put("name", name(data)).put("uid", data.consumeString(36));
            if (data.consumeBoolean()) k8s.set("warnafter", numericDate(data));
        } else if (data.consumeBoolean()) {
            for (String claim : new String[]{"namespace", "secret.name", "service-account.name", "service-account.uid"}) {
                if (data.consumeBoolean()) claims.put("kubernetes.io/serviceaccount/" + claim, name(data));
            }
        }
        if (data.consumeProbabilityFloat() < 0.2f) claims.put(data.consumeString(20), data.consumeString(40));
        if (depth > 0 && data.consumeProbabilityFloat() < 0.05f) claims.put("nested", token(data, depth - 1));

        String headerSegment = b64(PLAIN.writeValueAsBytes(header));
        String payloadSegment = data.consumeProbabilityFloat() < 0.05f ? b64(data.consumeBytes(40))
                : b64(PLAIN.writeValueAsBytes(claims));
        String input = headerSegment + "." + payloadSegment;
        String signature = switch (data.consumeInt(0, 4)) {
            case 0 -> sign("SHA256withRSA", RSA, input);
            case 1 -> sign("SHA256withECDSAinP1363Format", EC, input);
            case 2 -> hmac(input);
            case 3 -> "";
            default -> b64(data.consumeBytes(64));
        };
        return input + "." + signature;
    }

    /** The token as a user pastes it: raw, a Bearer header, base64, in a Secret or a kubeconfig. */
    private static String wrap(FuzzedDataProvider data, String token) {
        return switch (data.consumeInt(0, 5)) {
            case 0 -> token;
            case 1 -> "Authorization: Bearer " + token;
            case 2 -> Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII));
            case 3 -> "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/service-account-token\nmetadata:\n  name: " + quoted(name(data))
                    + "\n  namespace: " + quoted(name(data)) + "\ndata:\n  token: " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII)) + "\n";
            case 4 -> "apiVersion: v1\nkind: Config\nusers:\n- name: " + quoted(name(data)) + "\n  user:\n    token: " + token + "\n";
            default -> data.consumeRemainingAsString();
        };
    }

    private static ObjectNode secret(FuzzedDataProvider data) throws Exception {
        ObjectNode secret = Json.nodes().objectNode();
        secret.put("apiVersion", "v1");
        secret.put("kind", data.consumeProbabilityFloat() < 0.95f ? "Secret" : data.consumeString(10));
        secret.put("type", data.consumeProbabilityFloat() < 0.9f ? "kubernetes.io/service-account-token" : data.consumeString(30));
        ObjectNode metadata = secret.putObject("metadata");
        metadata.put("name", name(data));
        metadata.put("namespace", name(data));
        if (data.consumeBoolean()) metadata.put("creationTimestamp", date(data) + "T08:00:00Z");
        if (data.consumeBoolean()) metadata.put("uid", data.consumeString(36));
        ObjectNode annotations = metadata.putObject("annotations");
        annotations.put("kubernetes.io/service-account.name", name(data));
        if (data.consumeBoolean()) annotations.put("kubernetes.io/service-account.uid", data.consumeString(36));
        if (data.consumeBoolean()) {
            ObjectNode labels = metadata.putObject("labels");
            if (data.consumeBoolean()) labels.put("kubernetes.io/legacy-token-last-used", date(data));
            if (data.consumeBoolean()) labels.put("kubernetes.io/legacy-token-invalid-since", date(data));
        }
        ObjectNode body = secret.putObject("data");
        if (data.consumeProbabilityFloat() < 0.9f) {
            String token = data.consumeBoolean() ? token(data, 1) : data.consumeString(80);
            body.put("token", data.consumeProbabilityFloat() < 0.9f
                    ? Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)) : token);
        }
        if (data.consumeBoolean()) body.put("ca.crt", data.consumeBoolean() ? Fixtures.caCrtBase64() : data.consumeString(40));
        if (data.consumeBoolean()) body.put("namespace", Base64.getEncoder().encodeToString(name(data).getBytes(StandardCharsets.UTF_8)));
        return secret;
    }

    private static ObjectNode serviceAccount(FuzzedDataProvider data) {
        ObjectNode sa = Json.nodes().objectNode();
        sa.put("apiVersion", "v1");
        sa.put("kind", "ServiceAccount");
        sa.putObject("metadata").put("name", name(data)).put("namespace", name(data)).put("uid", data.consumeString(36));
        if (data.consumeBoolean()) sa.putArray("secrets").addObject().put("name", name(data));
        return sa;
    }

    private static String name(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(30);
    }

    private static String date(FuzzedDataProvider data) {
        return data.consumeBoolean() ? String.format("%04d-%02d-%02d", data.consumeInt(0, 9999), data.consumeInt(0, 13), data.consumeInt(0, 32))
                : data.consumeString(12);
    }

    /** A date claim as tokens carry it, or as an attacker writes it. */
    private static JsonNode numericDate(FuzzedDataProvider data) {
        var nodes = Json.nodes();
        return switch (data.consumeInt(0, 6)) {
            case 0 -> nodes.numberNode(data.consumeLong(1_500_000_000L, 1_900_000_000L));
            case 1 -> nodes.numberNode(data.consumeLong());
            case 2 -> nodes.numberNode(data.consumeDouble());
            case 3 -> nodes.numberNode(new BigDecimal(data.consumeLong()).scaleByPowerOfTen(data.consumeInt(-400, 400)));
            case 4 -> nodes.textNode(data.consumeString(12));
            case 5 -> nodes.booleanNode(data.consumeBoolean());
            default -> nodes.arrayNode().add(data.consumeLong());
        };
    }

    private static String quoted(String text) {
        try {
            return PLAIN.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sign(String algorithm, PrivateKey key, String input) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return b64(signature.sign());
    }

    private static String hmac(String input) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(HMAC, "HmacSHA256"));
        return b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    // ---- the oracle ---------------------------------------------------------------------------

    private static void assertReported(SourceReport report) {
        assertThat(report).isNotNull();
        assertThat(report.error() != null || !report.tokens().isEmpty() || !report.nodes().isEmpty() || !report.notes().isEmpty())
                .as("a report or a message for every input").isTrue();
        if (report.error() != null) {
            assertUserMessage(report.error());
        }
        report.notes().stream().map(Finding::message).forEach(WholePathFuzzTest::assertUserMessage);
        for (TokenReport token : report.tokens()) {
            if (token.error() != null) {
                assertUserMessage(token.error());
            }
            token.findings().stream().map(Finding::message).forEach(WholePathFuzzTest::assertUserMessage);
        }
    }

    /** A message for people: no bug reported as the input's fault, no exception names or stack frames. */
    private static void assertUserMessage(String message) {
        assertThat(message).isNotBlank()
                .doesNotStartWith(Analyzer.INTERNAL_ERROR)
                .doesNotContain("Exception", "java.lang", "java.util", "org.yaml", "com.fasterxml", "\tat ", "null pointer");
    }

    /** Only line breaks and printable characters: no ESC, CR, C1 control or bidi override reaches a terminal. */
    private static void assertNothingATerminalActsOn(String out) {
        for (int i = 0; i < out.length(); ) {
            int cp = out.codePointAt(i);
            if (cp != '\n' && !Printable.printable(cp)) {
                throw new AssertionError(String.format("U+%04X at %d in output:%n%s", cp, i, Printable.escape(out)));
            }
            i += Character.charCount(cp);
        }
    }
}
