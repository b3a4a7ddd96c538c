package dev.tokenexplorer.core.audit;

import dev.tokenexplorer.core.keys.SignatureVerifier;
import dev.tokenexplorer.core.time.TimeText;
import dev.tokenexplorer.core.token.DecodedJwt;
import dev.tokenexplorer.core.token.JwtDecoder;
import dev.tokenexplorer.core.token.KubernetesClaims;
import dev.tokenexplorer.core.token.SignatureStatus;
import dev.tokenexplorer.core.token.TokenKind;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Audits every service-account-token Secret in cluster dumps: reads them streaming, then judges
 * each Secret (token kind, last use, invalidation, origin, signature) in parallel.
 */
public final class Auditor {

    /** Larger than any cluster's Secrets dump; the dump is streamed, so this bounds time, not memory. */
    public static final long MAX_DUMP_BYTES = 1024L * 1024 * 1024;
    /** How deep folders of manifests are searched. */
    public static final int MAX_FOLDER_DEPTH = 8;

    /** Where an audit is: reading (bytes) or checking (Secrets). Called from the auditing thread. */
    public interface Progress {
        void update(String phase, long done, long total);

        Progress NONE = (phase, done, total) -> {
        };
    }

    private final AuditOptions options;
    private final Progress progress;
    private final BooleanSupplier cancelled;
    private final Inventory inventory = new Inventory();
    private final List<String> problems = new ArrayList<>();
    /** Checks tokens while the dump is still being read, on every core. */
    private final ForkJoinPool pool;
    /** One per Secret read, in order; null when it holds no token. */
    private final List<CompletableFuture<TokenCheck>> checks = new ArrayList<>();

    /** What the token alone says: a decoding problem, or its claims and signature. */
    private record TokenCheck(String malformed, KubernetesClaims claims, String algorithm, SignatureVerifier.Verification verification) {
    }

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
            List<Path> files = auditor.expand(inputs);
            long total = files.stream().mapToLong(Auditor::size).sum();
            long before = 0;
            for (Path file : files) {
                long offset = before;
                auditor.readFile(file, read -> progress.update("Reading", offset + read, total));
                before += size(file);
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

    private List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> found = Files.walk(input, MAX_FOLDER_DEPTH)) {
                    found.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches("(?i)[^.].*\\.(ya?ml|json)"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | RuntimeException e) {
                    problems.add(input + ": the folder cannot be read: " + e.getMessage());
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void readFile(Path file, java.util.function.LongConsumer read) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_DUMP_BYTES) {
                problems.add(name + ": the file is " + size / (1024 * 1024) + " MB, more than the " + MAX_DUMP_BYTES / (1024 * 1024)
                        + " MB an audit reads.");
                return;
            }
            try (InputStream in = new Counting(new BufferedInputStream(dev.tokenexplorer.core.input.InputFiles.open(file, MAX_DUMP_BYTES), 1 << 16), read)) {
                in.mark(8192);
                byte[] head = in.readNBytes(8192);
                in.reset();
                for (byte b : head) {
                    if (b == 0) {
                        problems.add(name + ": a binary file (it holds NUL bytes), not a YAML or JSON dump.");
                        return;
                    }
                }
                read(name, in);
            }
        } catch (NoSuchFileException e) {
            problems.add(name + ": the file does not exist.");
        } catch (AccessDeniedException e) {
            problems.add(name + ": the file cannot be read: permission denied.");
        } catch (IOException e) {
            problems.add(name + ": the file cannot be read: " + e.getMessage());
        }
    }

    private void read(String name, InputStream in) {
        int before = inventory.secrets.size();
        try {
            ObjectStream.read(in, object -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                if (inventory.add(object, name)) {
                    String token = inventory.secrets.get(inventory.secrets.size() - 1).token();
                    checks.add(token == null ? null : CompletableFuture.supplyAsync(() -> check(token), pool));
                }
            });
        } catch (ObjectStream.StreamException e) {
            problems.add(name + ": " + e.getMessage() + readSoFar(before));
        } catch (CharacterCodingException e) {
            problems.add(name + ": not UTF-8 text, so not a YAML or JSON dump" + readSoFar(before));
        } catch (IOException e) {
            problems.add(name + ": the input cannot be read: " + e.getMessage() + readSoFar(before));
        }
    }

    private String readSoFar(int before) {
        int read = inventory.secrets.size() - before;
        return read == 0 ? "" : " (the " + read + " token Secrets before it are audited)";
    }

    // ---- judging -----------------------------------------------------------------------------

    private AuditResult judge() {
        List<Inventory.SecretEntry> entries = inventory.secrets;
        LocalDate trackingSince = date(inventory.trackingSince);
        LocalDate today = LocalDate.ofInstant(options.now(), ZoneOffset.UTC);
        AtomicInteger done = new AtomicInteger();
        int total = entries.size();
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
            judged[i] = judge(entries.get(i), check, trackingSince, today);
            int n = done.incrementAndGet();
            if (n % 256 == 0 || n == total) {
                progress.update("Checking", n, total);
            }
        })).join();
        List<AuditedSecret> secrets = List.of(judged);
        return new AuditResult(secrets, AuditSummary.of(secrets, inventory.otherSecrets, inventory.otherObjects), problems,
                inventory.serviceAccounts.size(), trackingSince);
    }

    private TokenCheck check(String token) {
        if (cancelled.getAsBoolean()) {
            return null;
        }
        JwtDecoder.Decoding decoding = new JwtDecoder().decode(token);
        if (decoding instanceof JwtDecoder.Malformed malformed) {
            return new TokenCheck(malformed.message(), null, null, null);
        }
        DecodedJwt jwt = ((JwtDecoder.Decoded) decoding).jwt();
        boolean unsigned = jwt.algorithm().map(a -> a.equalsIgnoreCase("none")).orElse(false);
        SignatureVerifier.Verification verification = !options.keys().isEmpty() || unsigned ? SignatureVerifier.verify(jwt, options.keys()) : null;
        return new TokenCheck(null, KubernetesClaims.of(jwt.claims()), jwt.algorithm().orElse("(no alg)"), verification);
    }

    private AuditedSecret judge(Inventory.SecretEntry entry, TokenCheck check, LocalDate trackingSince, LocalDate today) {
        List<AuditedSecret.Issue> issues = new ArrayList<>();
        Instant created = instant(entry.created());
        LocalDate lastUsed = date(entry.lastUsed());
        LocalDate invalidSince = date(entry.invalidSince());
        Long daysSinceUse = lastUsed == null ? null : Math.max(0, ChronoUnit.DAYS.between(lastUsed, today));

        Inventory.ServiceAccount account = inventory.serviceAccounts.get(Inventory.key(entry.namespace(), entry.serviceAccount()));
        Origin origin = Origin.UNKNOWN;
        if (!inventory.serviceAccounts.isEmpty()) {
            if (account == null) {
                issues.add(new AuditedSecret.Issue(AuditFinding.SERVICE_ACCOUNT_MISSING, "The service account "
                        + label(entry.namespace(), entry.serviceAccount()) + " is not in the dump. If it no longer exists, the API server "
                        + "rejects this token and the token controller deletes the Secret."));
            } else {
                origin = account.secrets().contains(entry.name()) ? Origin.AUTO_GENERATED : Origin.MANUAL;
            }
        }

        TokenKind kind = null;
        SignatureStatus signature = null;
        String verifiedBy = null;
        if (check == null) {
            issues.add(new AuditedSecret.Issue(entry.tokenProblem() != null ? AuditFinding.TOKEN_MALFORMED : AuditFinding.TOKEN_MISSING,
                    entry.tokenProblem() != null ? entry.tokenProblem()
                            : "The Secret has no data.token: the token controller fills it in only while the service account exists "
                            + "and the annotation " + Inventory.SA_NAME_ANNOTATION + " names it."));
        } else if (check.malformed() != null) {
            issues.add(new AuditedSecret.Issue(AuditFinding.TOKEN_MALFORMED, "data.token is not a JWT: " + check.malformed()));
        } else {
            kind = check.claims().kind();
            if (kind != TokenKind.LEGACY) {
                issues.add(new AuditedSecret.Issue(AuditFinding.NOT_LEGACY, "The Secret holds a token of another kind ("
                        + kind.title().toLowerCase(java.util.Locale.ROOT) + "), not the legacy token the token controller writes."));
            } else {
                compareWithSecret(entry, check.claims(), account, issues);
            }
            if (check.verification() != null) {
                signature = check.verification().status();
                verifiedBy = check.verification().verifiedBy();
                switch (signature) {
                    case UNSIGNED -> issues.add(new AuditedSecret.Issue(AuditFinding.UNSIGNED,
                            "The token is unsigned (alg: none): no API server accepts it, and anyone could have written it."));
                    case INVALID -> issues.add(new AuditedSecret.Issue(AuditFinding.SIGNATURE_INVALID,
                            "The signature does not verify with the loaded keys: signed by another cluster's key, or altered."));
                    case NO_MATCHING_KEY -> issues.add(new AuditedSecret.Issue(AuditFinding.NO_MATCHING_KEY,
                            "No loaded key can check a " + check.algorithm() + " signature."));
                    default -> {
                    }
                }
            }
        }

        if (invalidSince != null) {
            issues.add(new AuditedSecret.Issue(AuditFinding.INVALIDATED, "Marked invalid since " + invalidSince + " ("
                    + days(invalidSince, today) + "): the API server rejects the token. The clean-up controller deletes the Secret "
                    + "after another clean-up period (one year by default) unless the label " + Inventory.INVALID_SINCE_LABEL
                    + " is removed, which re-enables it."));
        } else if (entry.token() != null && kind == TokenKind.LEGACY) {
            if (lastUsed == null) {
                issues.add(new AuditedSecret.Issue(AuditFinding.NEVER_USED, "No " + Inventory.LAST_USED_LABEL + " label: not used since "
                        + (trackingSince != null ? "tracking began on " + trackingSince
                        : "the API server began tracking legacy tokens (Kubernetes 1.26 or later labels a token on use)")
                        + (created != null ? "; created " + TimeText.utc(created) : "") + "."));
            } else if (daysSinceUse > options.unusedDays()) {
                issues.add(new AuditedSecret.Issue(AuditFinding.UNUSED, "Last used on " + lastUsed + ", " + daysSinceUse
                        + " days ago (more than " + options.unusedDays() + ")."));
            }
            LocalDate since = lastUsed != null ? lastUsed : created == null ? null : LocalDate.ofInstant(created, ZoneOffset.UTC);
            if (origin == Origin.AUTO_GENERATED && since != null
                    && ChronoUnit.DAYS.between(since, today) >= AuditOptions.CLEAN_UP_PERIOD_DAYS) {
                issues.add(new AuditedSecret.Issue(AuditFinding.CLEANUP_CANDIDATE, "Auto-generated and unused since " + since
                        + " (" + days(since, today) + "): unless a Pod mounts it, the legacy token cleaner (Kubernetes 1.29+, "
                        + "one-year period by default) labels it invalid, then deletes it a period later."));
            }
        }
        return new AuditedSecret(entry.namespace(), entry.name(), entry.serviceAccount(), created, kind, lastUsed, daysSinceUse,
                invalidSince, origin, signature, verifiedBy, issues, entry.token(), entry.source());
    }

    private static void compareWithSecret(Inventory.SecretEntry entry, KubernetesClaims claims, Inventory.ServiceAccount account,
                                          List<AuditedSecret.Issue> issues) {
        boolean sameSecret = entry.name().equals(claims.legacySecretName())
                && (entry.namespace().isEmpty() || entry.namespace().equals(claims.namespace()));
        if (!sameSecret) {
            issues.add(new AuditedSecret.Issue(AuditFinding.NAMES_OTHER_SECRET, "The token names the Secret "
                    + label(claims.namespace(), claims.legacySecretName()) + ", not this one: the API server checks it against that "
                    + "Secret, so it stops working when that Secret goes, whatever happens to this copy."));
        }
        String uid = account != null && !account.uid().isEmpty() ? account.uid() : null;
        if (uid != null && claims.serviceAccountUid() != null && !uid.equals(claims.serviceAccountUid())) {
            issues.add(new AuditedSecret.Issue(AuditFinding.UID_MISMATCH, "The service account was deleted and re-created: "
                    + "the API server rejects the token (\"ServiceAccount UID (" + uid + ") does not match claim ("
                    + claims.serviceAccountUid() + ")\")."));
        }
    }

    private static String label(String namespace, String name) {
        String n = name == null || name.isEmpty() ? "(unnamed)" : name;
        return namespace == null || namespace.isEmpty() ? n : namespace + "/" + n;
    }

    private static String days(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days < 0 ? "in the future" : days + " days ago";
    }

    private static LocalDate date(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Counts the bytes read, for progress. */
    private static final class Counting extends FilterInputStream {
        private final java.util.function.LongConsumer read;
        private long count;
        private long mark;
        private long reported;

        Counting(InputStream in, java.util.function.LongConsumer read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            mark = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = mark;
        }

        private void advance(long n) {
            count += n;
            if (count - reported >= 256 * 1024) {
                reported = count;
                read.accept(count);
            }
        }
    }
}
