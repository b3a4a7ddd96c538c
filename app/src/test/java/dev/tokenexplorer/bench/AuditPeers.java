package dev.tokenexplorer.bench;

import dev.tokenexplorer.support.ClusterDump;
import dev.tokenexplorer.support.Fixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code AuditBenchmark --peers}: the audit command against what a user would otherwise script,
 * PyJWT and node {@code jose} (their scripts and how to install them: {@code shared/bench/peers}),
 * each verifying every token of the same dump, as whole processes (JVM, Python and node start
 * included), runs taking turns, medians.
 *
 * <p>Dumps of 10,000 and 50,000 legacy RS256 Secrets with their ServiceAccounts, every Secret
 * holding a token (the peers' scripts read {@code data.token} of each without checking), are
 * written once into the benchmark's folder. For each: wall and CPU seconds (user + system, from
 * {@code /usr/bin/time} when present) per tool, the CPU per Secret, and our time over each peer's.
 * Our CPU per Secret between the two dumps (the 40,000 more Secrets' cost over their count) is the
 * steady-state cost with JVM start and warm-up taken out.
 *
 * <p>Options after {@code --peers}: {@code --runs N} (default 5), {@code --counts 10000,50000}.
 * Properties: {@code peers.dir} (default {@code ../shared/bench/peers} of the checkout, or above
 * it), {@code jose.dir} (default {@code ~/peers/jose/node_modules}), {@code audit.command} (an
 * installed command instead of {@code java -cp}), {@code audit.java} (another {@code java}),
 * {@code audit.classpath} (say {@code app/target/token-explorer.jar:app/target/lib/*}, the packaged
 * jar, instead of this benchmark's class path), {@code audit.before.classpath} (an earlier build's,
 * timed in the same turns as "before"), {@code audit.before.command} (an earlier installed command).
 */
final class AuditPeers {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private record Tool(String name, List<String> command, Map<String, String> env) {
    }

    /** One counted run: seconds of wall clock and of CPU (NaN when unknown). */
    private record Run(double wall, double cpu) {
    }

    private AuditPeers() {
    }

    static void run(Path dir, String[] args, String classPath) throws Exception {
        int runs = 5;
        int[] counts = {10_000, 50_000};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--counts" -> counts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> { }
            }
        }
        Path peers = peersDir();
        Path key = Fixtures.path("kubernetes-test-keys/rsa_public.pem");
        String jose = System.getProperty("jose.dir", Path.of(System.getProperty("user.home"), "peers", "jose", "node_modules").toString());
        boolean time = Files.isExecutable(Path.of("/usr/bin/time"));
        System.out.printf(Locale.ROOT, "machine: %d cores, load %s; ours: %s%n", Runtime.getRuntime().availableProcessors(), load(),
                System.getProperty("audit.command", "java -cp (" + javaCommand() + ")"));
        System.out.printf(Locale.ROOT, "whole processes, start included; %d counted runs each after one warm-up, tools taking turns; medians%n",
                runs);
        Map<String, Map<Integer, Double>> cpuByTool = new LinkedHashMap<>();
        for (int count : counts) {
            Path dump = dump(dir, count);
            List<Tool> tools = new ArrayList<>(List.of(
                    new Tool("token-explorer", ours(System.getProperty("audit.command"), System.getProperty("audit.classpath", classPath), key, dump),
                            Map.of()),
                    new Tool("PyJWT", List.of("/usr/bin/python3", peers.resolve("pyjwt_audit.py").toString(), dump.toString(), key.toString()),
                            Map.of()),
                    new Tool("node jose", List.of("node", peers.resolve("jose_audit.mjs").toString(), dump.toString(), key.toString()),
                            Map.of("JOSE_DIR", jose))));
            String before = System.getProperty("audit.before.classpath");
            String beforeCommand = System.getProperty("audit.before.command");
            if (before != null || beforeCommand != null) { // an earlier build, for a before/after in the same run
                tools.add(1, new Tool("before", ours(beforeCommand, before, key, dump), Map.of()));
            }
            if (count == counts[0]) {
                tools.forEach(t -> System.out.printf(Locale.ROOT, "  %-15s %s%n", t.name(), String.join(" ", t.command())));
            }
            Map<String, List<Run>> results = new LinkedHashMap<>();
            tools.forEach(t -> results.put(t.name(), new ArrayList<>()));
            for (int round = -1; round < runs; round++) {
                for (int t = 0; t < tools.size(); t++) {
                    Tool tool = tools.get(Math.floorMod(t + round, tools.size())); // a different tool starts each round
                    Run run = measure(tool, count, time);
                    if (round >= 0) {
                        results.get(tool.name()).add(run);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%n%,d Secrets (%s, %d MB):%n", count, dump.getFileName(), Files.size(dump) / (1024 * 1024));
            System.out.printf(Locale.ROOT, "  %-15s %8s %8s %14s %12s %12s%n", "", "wall s", "cpu s", "cpu µs/Secret", "wall ratio", "cpu ratio");
            Run mine = median(results.get("token-explorer"));
            for (Tool tool : tools) {
                Run m = median(results.get(tool.name()));
                cpuByTool.computeIfAbsent(tool.name(), n -> new LinkedHashMap<>()).put(count, m.cpu());
                System.out.printf(Locale.ROOT, "  %-15s %8.2f %8.2f %14.0f %12s %12s%n", tool.name(), m.wall(), m.cpu(), m.cpu() / count * 1e6,
                        tool.name().equals("token-explorer") ? "" : String.format(Locale.ROOT, "ours %.2fx", mine.wall() / m.wall()),
                        tool.name().equals("token-explorer") ? "" : String.format(Locale.ROOT, "ours %.2fx", mine.cpu() / m.cpu()));
            }
        }
        if (counts.length >= 2) {
            int small = counts[0];
            int large = counts[counts.length - 1];
            System.out.printf(Locale.ROOT, "%nCPU per Secret from %,d to %,d Secrets (start and warm-up taken out):%n", small, large);
            cpuByTool.forEach((tool, cpu) -> System.out.printf(Locale.ROOT, "  %-15s %6.0f µs%n", tool,
                    (cpu.get(large) - cpu.get(small)) / (large - small) * 1e6));
        }
        System.out.printf(Locale.ROOT, "load after: %s%n", load());
    }

    private static Path peersDir() {
        String given = System.getProperty("peers.dir");
        if (given != null) {
            return Path.of(given);
        }
        for (String candidate : List.of("../shared/bench/peers", "../../shared/bench/peers")) {
            if (Files.isRegularFile(Path.of(candidate, "pyjwt_audit.py"))) {
                return Path.of(candidate).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the peers' scripts are not found: give -Dpeers.dir=.../shared/bench/peers");
    }

    private static List<String> ours(String installed, String classPath, Path key, Path dump) {
        List<String> command = new ArrayList<>(installed != null ? List.of(installed)
                : List.of(javaCommand(), "-cp", classPath, "dev.tokenexplorer.Launcher"));
        command.addAll(List.of("audit", "--format", "csv", "--now", NOW.toString(), "--key", key.toString(), dump.toString()));
        return command;
    }

    private static String javaCommand() {
        return System.getProperty("audit.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Every Secret with a token: the peers' scripts fail on one without. */
    private static Path dump(Path dir, int count) throws IOException {
        Path file = dir.resolve("peers-secrets-" + count + ".json");
        if (!Files.exists(file)) {
            Files.writeString(file, ClusterDump.mix(count, ClusterDump.day(NOW), true).json());
        }
        return file;
    }

    private static Run measure(Tool tool, int count, boolean time) throws IOException, InterruptedException {
        Path times = Files.createTempFile("audit-peers", ".time");
        try {
            List<String> command = new ArrayList<>();
            if (time) {
                command.addAll(List.of("/usr/bin/time", "-q", "-f", "%U %S", "-o", times.toString()));
            }
            command.addAll(tool.command());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(tool.env());
            long start = System.nanoTime();
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            int exit = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            String text = new String(out, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException(tool.name() + " failed (exit " + exit + ")");
            }
            boolean ours = tool.command().contains("--now");
            if (!ours && !text.strip().equals(count + "/" + count)) {
                throw new IllegalStateException(tool.name() + " verified " + text.strip() + ", not all " + count);
            }
            if (ours && text.lines().filter(l -> l.contains(",verified,")).count() != count) {
                throw new IllegalStateException("token-explorer did not verify all " + count + " tokens");
            }
            double cpu = Double.NaN;
            if (time) {
                String[] parts = Files.readString(times).strip().split("\\s+");
                cpu = Double.parseDouble(parts[parts.length - 2]) + Double.parseDouble(parts[parts.length - 1]);
            }
            return new Run(wall, cpu);
        } finally {
            Files.deleteIfExists(times);
        }
    }

    private static Run median(List<Run> runs) {
        double[] wall = runs.stream().mapToDouble(Run::wall).sorted().toArray();
        double[] cpu = runs.stream().mapToDouble(Run::cpu).sorted().toArray();
        return new Run(median(wall), median(cpu));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
