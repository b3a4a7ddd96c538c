package dev.tokenexplorer.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Nodes;
import dev.tokenexplorer.core.input.ObjectReader;
import dev.tokenexplorer.core.input.Projection;
import dev.tokenexplorer.core.kube.Access;
import dev.tokenexplorer.core.kube.ClusterObjects;
import dev.tokenexplorer.core.kube.KubeNames;
import dev.tokenexplorer.core.kube.MigrationPlanner;
import dev.tokenexplorer.core.kube.SecretVerdict;
import dev.tokenexplorer.core.kube.SecretVerdict.TokenCheck;
import dev.tokenexplorer.core.kube.TokenSecret;
import dev.tokenexplorer.core.kube.Usage;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.token.TokenKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Audits every service-account-token Secret in cluster dumps: reads them streaming with the one
 * {@link ObjectReader}, checks their tokens on every core while the dump is still read, then judges
 * each Secret with the one {@link SecretVerdict}, as the Explore page does.
 */
public final class Auditor {

    /** Larger than any cluster's Secrets dump; the dump is streamed, so this bounds time, not memory. */
    public static final long MAX_DUMP_BYTES = DumpFiles.MAX_DUMP_BYTES;

    /** Where an audit is: reading (bytes) or checking (Secrets). Called from the auditing thread. */
    public interface Progress {
        void update(String phase, long done, long total);

        Progress NONE = (phase, done, total) -> {
        };
    }

    private final AuditOptions options;
    private final Progress progress;
    private final BooleanSupplier cancelled;
    /**
     * What an audit reads of each object; every other field is skipped unbuilt (kubectl's
     * managedFields, last-applied copies). Annotations and labels are checked to be strings.
     */
    static final Projection FIELDS = Projection.fields(Map.ofEntries(
            Map.entry("kind", Projection.ALL),
            Map.entry("type", Projection.ALL),
            Map.entry("metadata", Projection.fields(Map.of("namespace", Projection.ALL, "name", Projection.ALL, "uid", Projection.ALL,
                    "creationTimestamp", Projection.ALL, "ownerReferences", Projection.ALL, "labels", Projection.ALL,
                    "annotations", Projection.stringMap(Set.of(KubeNames.SA_NAME_ANNOTATION, KubeNames.SA_UID_ANNOTATION))))),
            Map.entry("data", Projection.ALL),
            Map.entry("stringData", Projection.ALL),
            Map.entry("secrets", Projection.fields(Map.of("name", Projection.ALL))),
            Map.entry("spec", Projection.ALL),
            Map.entry("rules", Projection.ALL),
            Map.entry("roleRef", Projection.ALL),
            Map.entry("subjects", Projection.ALL),
            Map.entry("aggregationRule", Projection.ALL)));

    private record Entry(TokenSecret secret, String source) {
    }

    private final List<Entry> secrets = new ArrayList<>();
    private final ClusterObjects cluster = new ClusterObjects();
    private int otherSecrets;
    private int otherObjects;
    private final List<String> problems = new ArrayList<>();
    /** Checks tokens while the dump is still being read, on every core. */
    private final ForkJoinPool pool;
    /** One per Secret read, in order; null when it holds no token. */
    private final List<CompletableFuture<TokenCheck>> checks = new ArrayList<>();

    private Auditor(AuditOptions options, Progress progress, BooleanSupplier cancelled) {
        this.options = options;
        this.progress = progress;
        this.cancelled = cancelled;
        this.pool = new ForkJoinPool(options.threads());
    }

    /**
     * Audits files and folders (searched for .yaml, .yml and .json files).
     *
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static AuditResult audit(List<Path> inputs, AuditOptions options, Progress progress, BooleanSupplier cancelled) {
        Auditor auditor = new Auditor(options, progress, cancelled);
        return auditor.run(() -> {
            List<Path> files = DumpFiles.expand(inputs, auditor.problems);
            long total = files.stream().mapToLong(DumpFiles::size).sum();
            long before = 0;
            for (Path file : files) {
                long offset = before;
                auditor.readFile(file, read -> progress.update("Reading", offset + read, total));
                before += DumpFiles.size(file);
            }
        });
    }

    /** Audits one text, such as standard input or a test's dump. */
    public static AuditResult audit(String name, String text, AuditOptions options) {
        return audit(name, text, options, Progress.NONE, () -> false);
    }

    /** Audits one text held in memory (a pasted dump), with progress and cancellation. */
    public static AuditResult audit(String name, String text, AuditOptions options, Progress progress, BooleanSupplier cancelled) {
        Auditor auditor = new Auditor(options, progress, cancelled);
        return auditor.run(() -> auditor.read(name, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Audits a stream read to its end, such as standard input. */
    public static AuditResult audit(String name, InputStream in, AuditOptions options) {
        Auditor auditor = new Auditor(options, Progress.NONE, () -> false);
        return auditor.run(() -> auditor.read(name, in));
    }

    private AuditResult run(Runnable reading) {
        try {
            reading.run();
            return judge();
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    private void readFile(Path file, LongConsumer read) {
        try (InputStream in = DumpFiles.open(file, read, problems)) {
            if (in != null) {
                read(file.toString(), in);
            }
        } catch (IOException e) {
            problems.add(file + ": the file cannot be read: " + e.getMessage());
        }
    }

    private void read(String name, InputStream in) {
        int before = secrets.size();
        try {
            ObjectReader.read(in, ObjectReader.Limits.DEFAULT, FIELDS, item -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (item.role() != ObjectReader.Role.LIST_END && item.value().isObject()) {
                    add(item.value(), name);
                }
            });
        } catch (ObjectReader.ReadException e) {
            problems.add(name + ": " + e.getMessage() + readSoFar(before));
        } catch (CharacterCodingException e) {
            problems.add(name + ": not UTF-8 text, so not a YAML or JSON dump" + readSoFar(before));
        } catch (IOException e) {
            problems.add(name + ": the input cannot be read: " + e.getMessage() + readSoFar(before));
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug met in one dump is that dump's problem, named; the other dumps are still audited.
            problems.add(dev.tokenexplorer.core.Analyzer.internalError(name, e) + readSoFar(before));
        }
    }

    /** Keeps what matters of one object: a token Secret (its token checked at once), a ServiceAccount; counts the rest. */
    private void add(JsonNode object, String source) {
        String kind = Nodes.text(object, "kind");
        if (cluster.add(object)) {
            return;
        }
        if (("Secret".equals(kind) || kind == null) && KubeNames.SA_TOKEN_TYPE.equals(Nodes.text(object, "type"))) {
            TokenSecret secret = TokenSecret.forVerdict(object);
            secrets.add(new Entry(secret, source));
            String token = secret.token();
            checks.add(token == null ? null : CompletableFuture.supplyAsync(() -> check(token), pool));
        } else if ("Secret".equals(kind)) {
            otherSecrets++;
        } else {
            otherObjects++;
        }
    }

    private String readSoFar(int before) {
        int read = secrets.size() - before;
        return read == 0 ? "" : " (the " + read + " token Secrets before it are audited)";
    }

    // ---- judging -----------------------------------------------------------------------------

    private AuditResult judge() {
        cluster.finish();
        SecretVerdict.Judging judging = SecretVerdict.Judging.at(options.now(), options.unusedDays());
        AtomicInteger done = new AtomicInteger();
        int total = secrets.size();
        progress.update("Checking", 0, total);
        AuditedSecret[] judged = new AuditedSecret[total];
        pool.submit(() -> IntStream.range(0, total).parallel().forEach(i -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            CompletableFuture<TokenCheck> future = checks.get(i);
            TokenCheck check = future == null ? null : future.join();
            if (cancelled.getAsBoolean()) {
                throw new CancellationException(); // a check skipped for the cancel must not read as "no token"
            }
            judged[i] = row(secrets.get(i), check, judging);
            int n = done.incrementAndGet();
            if (n % 256 == 0 || n == total) {
                progress.update("Checking", n, total);
            }
        })).join();
        List<AuditedSecret> rows = List.of(judged);
        return new AuditResult(rows, AuditSummary.of(rows, otherSecrets, otherObjects), problems, cluster.size(), cluster.trackingSince(),
                cluster.workloads().pods(), cluster.rbac().known());
    }

    private TokenCheck check(String token) {
        return cancelled.getAsBoolean() ? null : TokenCheck.of(token, options.keys()).audited();
    }

    private AuditedSecret row(Entry entry, TokenCheck check, SecretVerdict.Judging judging) {
        TokenSecret secret = entry.secret();
        List<Finding> findings = SecretVerdict.judge(secret, check, cluster, judging);
        List<Usage> usedBy = cluster.workloads().of(secret.namespace(), secret.name());
        Access access = cluster.rbac().of(secret.namespace(), secret.serviceAccount() == null ? "" : secret.serviceAccount());
        LocalDate lastUsed = secret.lastUsed();
        TokenKind kind = check == null || check.claims() == null ? null : check.claims().kind();
        boolean verified = check != null && check.verification() != null && check.verification().status() != SignatureStatus.UNVERIFIED;
        return new AuditedSecret(secret.namespace(), secret.name(), secret.serviceAccount() == null ? "" : secret.serviceAccount(),
                secret.created(), kind, lastUsed, lastUsed == null ? null : Math.max(0, ChronoUnit.DAYS.between(lastUsed, judging.today())),
                secret.invalidSince(), cluster.origin(secret), verified ? check.verification().status() : null,
                verified ? check.verification().verifiedBy() : null, findings, usedBy, access,
                MigrationPlanner.plan(secret, findings, usedBy, cluster.workloads().known(), access), secret.token(), entry.source());
    }
}
