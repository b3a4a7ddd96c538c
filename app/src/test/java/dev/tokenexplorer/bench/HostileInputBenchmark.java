package dev.tokenexplorer.bench;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A benchmark command (not a test) for issue 18's resource attacks, at the 20 MB input cap:
 * PEM text with a BEGIN on every line and no END, through every door it reaches (paste, --key
 * file, a kubeconfig's certificate-authority-data, a Secret's ca.crt), and a JWKS of tens of
 * thousands of keys followed by tokens whose kid names none of them. Run with
 * {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tokenexplorer.bench.HostileInputBenchmark}.
 */
public final class HostileInputBenchmark {

    private HostileInputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Analyzer analyzer = new Analyzer(Clock.systemUTC());
        int cap = (int) InputFiles.MAX_FILE_BYTES;
        String line = "-----BEGIN A-----\n";
        String bomb = line.repeat(cap / line.length() - 1);
        String smallerBomb = line.repeat(19_900_000 / 4 * 3 / line.length()); // base64 of it: just under the 20,000,000-character JSON string limit
        String b64Bomb = Base64.getEncoder().encodeToString(smallerBomb.getBytes(StandardCharsets.US_ASCII));
        // JSON forms at the cap: the PEM scan is what is measured. (In YAML, snakeyaml's StreamReader
        // copies its window for every 1 KB of one long plain scalar, quadratic whatever the scalar
        // holds: that belongs to the YAML reader, so YAML is timed at 2 MB only, to show it.)
        String kubeconfig = "{\"apiVersion\":\"v1\",\"kind\":\"Config\",\"clusters\":[{\"name\":\"c\",\"cluster\":{\"server\":\"https://x\","
                + "\"certificate-authority-data\":\"" + b64Bomb + "\"}}]}";
        String secret = "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"type\":\"kubernetes.io/service-account-token\","
                + "\"metadata\":{\"name\":\"s\",\"namespace\":\"default\"},\"data\":{\"ca.crt\":\"" + b64Bomb + "\"}}";
        String yamlKubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://x\n"
                + "    certificate-authority-data: " + b64Bomb.substring(0, 2 * 1024 * 1024) + "\n";
        Path keyFile = Files.createTempFile("bomb", ".pem");
        Files.writeString(keyFile, bomb);

        System.out.printf(Locale.ROOT, "PEM bomb: %.1f MB of BEGIN lines with no END%n", bomb.length() / 1048576.0);
        time("  pasted", () -> analyzer.analyzeText("paste", bomb).error());
        time("  --key file", () -> KeyReader.read("bomb.pem", InputFiles.read(keyFile).text()).error());
        time(String.format(Locale.ROOT, "  JSON kubeconfig certificate-authority-data (%.1f MB)", kubeconfig.length() / 1048576.0),
                () -> analyzer.analyzeText("config", kubeconfig).notes().size() + " notes");
        time(String.format(Locale.ROOT, "  JSON Secret ca.crt (%.1f MB)", secret.length() / 1048576.0),
                () -> { SourceReport r = analyzer.analyzeText("secret", secret); return r.type().id() + ", " + (r.error() == null ? r.notes().size() + " notes" : r.error()); });
        time(String.format(Locale.ROOT, "  YAML kubeconfig certificate-authority-data (%.1f MB)", yamlKubeconfig.length() / 1048576.0),
                () -> analyzer.analyzeText("config", yamlKubeconfig).notes().size() + " notes");
        Files.delete(keyFile);

        PublicKey other = (PublicKey) KeyReader.read("k", Fixtures.text("kubernetes-test-keys/other_rsa_public.pem")).keys().get(0).key();
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(other);
        StringBuilder jwks = new StringBuilder("{\"keys\":[");
        int count = 0;
        while (jwks.length() < cap - 1024) {
            jwk.setKeyId("key-" + count);
            jwks.append(count++ == 0 ? "" : ",").append(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
        String keySet = jwks.append("]}").toString();
        System.out.printf(Locale.ROOT, "JWKS at the cap: %,d keys, %.1f MB%n", count, keySet.length() / 1048576.0);
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        List<LoadedKey> keys = new ArrayList<>();
        time("  read (capped)", () -> {
            KeyReader.KeyLoad load = KeyReader.read("jwks.json", keySet);
            keys.clear();
            keys.addAll(load.keys());
            return load.keys().size() + " keys kept; " + load.notes().get(0).message();
        });
        System.gc();
        System.out.printf(Locale.ROOT, "  heap held by the kept keys: %.1f MB%n", (runtime.totalMemory() - runtime.freeMemory() - before) / 1048576.0);
        VerificationSettings settings = new VerificationSettings(keys, Set.of(), Set.of());
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(TestTokens.sign("{\"sub\":\"system:serviceaccount:default:app-" + i + "\"}", "RS256", TestTokens.rsaPrivateKey(), "nobody-" + i));
        }
        time("  200 tokens whose kid names no key (each)", () -> {
            long start = System.nanoTime();
            for (String token : tokens) {
                SourceReport report = analyzer.analyzeText("t", token, settings);
                if (report.tokens().get(0).signature() == null) throw new IllegalStateException();
            }
            return String.format(Locale.ROOT, "%.2f ms a token", (System.nanoTime() - start) / 1e6 / tokens.size());
        });
    }

    private static void time(String what, Supplier<Object> work) {
        long start = System.nanoTime();
        Object result = work.get();
        long cold = System.nanoTime() - start;
        long[] warm = new long[3];
        for (int i = 0; i < warm.length; i++) {
            long s = System.nanoTime();
            work.get();
            warm[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(warm);
        String shown = String.valueOf(result);
        System.out.printf(Locale.ROOT, "%s: first %.2f s, then %.2f s (median of 3) -> %s%n", what, cold / 1e9, warm[1] / 1e9,
                shown.length() > 90 ? shown.substring(0, 90) + "…" : shown);
    }
}
