package dev.tokenexplorer.bench;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A benchmark command (not a test): throughput of the core paths a user waits on, after warm-up,
 * median of five rounds. Run with
 * {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tokenexplorer.bench.CoreBenchmark}.
 */
public final class CoreBenchmark {

    private CoreBenchmark() {
    }

    public static void main(String[] args) {
        Analyzer analyzer = new Analyzer(Clock.systemUTC());
        String projected = Fixtures.text(Fixtures.PROJECTED);
        String secret = Fixtures.text(Fixtures.EXPLICIT_SECRET);
        String minted = TestTokens.rs256("{\"iss\":\"kubernetes/serviceaccount\",\"sub\":\"system:serviceaccount:default:a\","
                + "\"kubernetes.io/serviceaccount/namespace\":\"default\",\"kubernetes.io/serviceaccount/secret.name\":\"s\","
                + "\"kubernetes.io/serviceaccount/service-account.name\":\"a\",\"kubernetes.io/serviceaccount/service-account.uid\":\"u\"}");
        List<LoadedKey> keys = KeyReader.read("rsa", Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys();
        VerificationSettings verify = new VerificationSettings(keys, Set.of(), Set.of());
        StringBuilder big = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        while (big.length() < 10 * 1024 * 1024) {
            big.append(secret.replaceAll("(?m)^", "  ").replaceFirst("  apiVersion", "- apiVersion")).append('\n');
        }
        String tenMegabytes = big.toString();

        report("decode and explain the projected token", () -> analyzer.analyzeText("b", projected));
        report("read the Secret YAML and explain its token", () -> analyzer.analyzeText("b", secret));
        report("decode, explain and verify an RS256 token", () -> analyzer.analyzeText("b", minted, verify));
        report("read a 10 MB SecretList (" + tenMegabytes.length() / 1024 + " KB)", () -> analyzer.analyzeText("b", tenMegabytes));
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "heap in use after the runs: %d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }

    private static void report(String name, Supplier<?> work) {
        long budget = 2_000_000_000L;
        run(work, budget / 2); // warm-up
        double[] rates = new double[5];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = run(work, budget / 4);
        }
        java.util.Arrays.sort(rates);
        double rate = rates[2];
        System.out.printf(Locale.ROOT, "%-55s %12.1f ops/s  %10.3f ms/op%n", name, rate, 1000 / rate);
    }

    private static double run(Supplier<?> work, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        Object sink = null;
        while (System.nanoTime() - start < nanos || count == 0) {
            sink = work.get();
            count++;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        return count * 1e9 / (System.nanoTime() - start);
    }
}
