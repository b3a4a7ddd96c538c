package dev.tokenexplorer.bench;

import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.SignatureVerifier;
import dev.tokenexplorer.core.jwt.DecodedJwt;
import dev.tokenexplorer.core.jwt.JwtDecoder;
import dev.tokenexplorer.support.ClusterDump;
import dev.tokenexplorer.support.Fixtures;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit benchmark (a command, not a test). Generates cluster dumps of 1,000 and 10,000
 * service-account-token Secrets (plus their ServiceAccounts) in JSON and YAML, with legacy tokens
 * signed by the Kubernetes test RSA key, into {@code app/target/audit-bench} (kept between runs),
 * then measures:
 * <ol>
 *   <li>the whole {@code token-explorer audit} command in a fresh JVM, JVM start included
 *       (median of 5), with and without {@code --key};</li>
 *   <li>the audit in this JVM after warm-up: Secrets per second, and peak heap (sum of the heap
 *       pools' peaks, an upper bound);</li>
 *   <li>RS256 verification alone, one thread and all cores, against {@code openssl speed rsa2048}.</li>
 * </ol>
 * Run with {@code mvn -q -pl app test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.tokenexplorer.bench.AuditBenchmark}; with {@code -Dexec.args=--peers}, it
 * times the command against PyJWT and node {@code jose} on the same dumps instead ({@link AuditPeers}).
 */
public final class AuditBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean peers = args.length > 0 && args[0].equals("--peers");
        Path dir = Path.of(args.length > 0 && !peers ? args[0] : Files.isDirectory(Path.of("app")) ? "app/target/audit-bench" : "target/audit-bench");
        Files.createDirectories(dir);
        if (peers) {
            AuditPeers.run(dir, Arrays.copyOfRange(args, 1, args.length), classPath());
            return;
        }
        Path key = Fixtures.path("kubernetes-test-keys/rsa_public.pem");
        List<LoadedKey> keys = KeyReader.read("rsa_public.pem", Files.readString(key)).keys();
        List<Path> dumps = new ArrayList<>();
        for (int count : new int[]{1_000, 10_000}) {
            dumps.add(dump(dir, count, "json"));
            dumps.add(dump(dir, count, "yaml"));
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s%n%n", Runtime.getRuntime().availableProcessors(), Runtime.version());

        System.out.println("whole command, fresh JVM, JVM start included (median of 5):");
        for (Path dump : dumps) {
            for (boolean verify : new boolean[]{false, true}) {
                System.out.printf(Locale.ROOT, "  %-28s %-16s %7.0f ms%n", dump.getFileName() + " (" + Files.size(dump) / (1024 * 1024) + " MB)",
                        verify ? "with --key" : "without key", commandMillis(dump, verify ? key : null));
            }
        }

        System.out.println("\nin this JVM after warm-up (median of 5):");
        for (Path dump : dumps) {
            for (List<LoadedKey> k : List.of(List.<LoadedKey>of(), keys)) {
                AuditOptions options = AuditOptions.at(NOW).withKeys(k);
                for (int i = 0; i < 2; i++) {
                    audit(dump, options);
                }
                double[] rates = new double[5];
                long peak = 0;
                for (int i = 0; i < rates.length; i++) {
                    System.gc();
                    resetPeaks();
                    long start = System.nanoTime();
                    int secrets = audit(dump, options).secrets().size();
                    rates[i] = secrets / ((System.nanoTime() - start) / 1e9);
                    peak = Math.max(peak, heapPeak());
                }
                Arrays.sort(rates);
                System.out.printf(Locale.ROOT, "  %-28s %-16s %9.0f Secrets/s   peak heap %4d MB%n", dump.getFileName(),
                        k.isEmpty() ? "without key" : "with key", rates[2], peak / (1024 * 1024));
            }
        }

        System.out.println("\nRS256 verification alone (10,000 tokens, median of 5):");
        AuditResult all = audit(dumps.get(2), AuditOptions.at(NOW));
        List<DecodedJwt> tokens = all.secrets().stream().filter(s -> s.token() != null)
                .map(s -> ((JwtDecoder.Decoded) new JwtDecoder().decode(s.token())).jwt()).toList();
        double one = verifyRate(tokens, keys, false);
        double every = verifyRate(tokens, keys, true);
        double openssl = opensslVerifyPerSecond();
        System.out.printf(Locale.ROOT, "  one thread   %9.0f verify/s%n  all cores    %9.0f verify/s%n", one, every);
        if (openssl > 0) {
            System.out.printf(Locale.ROOT, "  openssl speed rsa2048 (one core) %9.0f verify/s; half is %.0f%n", openssl, openssl / 2);
        }
    }

    private static Path dump(Path dir, int count, String format) throws IOException {
        Path file = dir.resolve("secrets-" + count + "." + format);
        if (!Files.exists(file)) {
            ClusterDump dump = ClusterDump.mix(count, ClusterDump.day(NOW));
            Files.writeString(file, format.equals("json") ? dump.json() : dump.yaml());
        }
        return file;
    }

    private static AuditResult audit(Path dump, AuditOptions options) {
        return Auditor.audit(List.of(dump), options, Auditor.Progress.NONE, () -> false);
    }

    private static double commandMillis(Path dump, Path key) throws Exception {
        // -Daudit.command=/opt/token-explorer/bin/token-explorer-cli times an installed command instead.
        String installed = System.getProperty("audit.command");
        List<String> command = new ArrayList<>(installed != null ? List.of(installed)
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath(), "dev.tokenexplorer.Launcher"));
        command.addAll(List.of("audit", "--format", "csv", "--now", NOW.toString()));
        if (key != null) {
            command.addAll(List.of("--key", key.toString()));
        }
        command.add(dump.toString());
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the audit command failed on " + dump);
            }
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[2];
    }

    /** The class path this benchmark runs with; under exec:java, that of Maven's class loader for it. */
    private static String classPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(url -> {
                try {
                    return Path.of(url.toURI()).toString();
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static double verifyRate(List<DecodedJwt> tokens, List<LoadedKey> keys, boolean parallel) {
        double[] rates = new double[6];
        for (int i = 0; i < rates.length; i++) {
            long start = System.nanoTime();
            long verified = (parallel ? tokens.parallelStream() : tokens.stream())
                    .filter(t -> SignatureVerifier.verify(t, keys).verifiedBy() != null).count();
            if (verified != tokens.size()) {
                throw new IllegalStateException("only " + verified + " of " + tokens.size() + " verified");
            }
            rates[i] = tokens.size() / ((System.nanoTime() - start) / 1e9);
        }
        double[] measured = Arrays.copyOfRange(rates, 1, rates.length); // the first round warms up
        Arrays.sort(measured);
        return measured[2];
    }

    private static double opensslVerifyPerSecond() {
        try {
            Process process = new ProcessBuilder("openssl", "speed", "-seconds", "3", "rsa2048").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            Matcher m = Pattern.compile("rsa\\s+2048 bits\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\S+)").matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return -1;
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
