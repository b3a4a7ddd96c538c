package dev.tokenexplorer.cli;

import dev.tokenexplorer.core.audit.AuditExport;
import dev.tokenexplorer.core.audit.AuditOptions;
import dev.tokenexplorer.core.audit.AuditResult;
import dev.tokenexplorer.core.audit.Auditor;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.finding.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code token-explorer audit}: every service-account-token Secret in cluster dumps, judged. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        versionProvider = TokenExplorerCommand.Version.class,
        description = "Audits the service-account-token Secrets in cluster dumps (kubectl get secrets -A -o yaml|json, "
                + "multi-document YAML, folders of manifests): legacy, never or long unused, marked invalid, auto-generated "
                + "or manual (give the ServiceAccounts too: kubectl get serviceaccounts -A -o yaml). Tokens are never printed.",
        footer = {"", "Exit status: 0 when every input was read; 1 with --strict when a Secret has an error finding; "
                + "2 when an input or key could not be read, or on a usage error."})
public final class AuditCommand implements Callable<Integer> {

    enum Format { table, csv, json, markdown, plan }

    @Option(names = "--format", defaultValue = "table", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--key", paramLabel = "FILE", description = "A key to verify the tokens with (sa.pub, certificate, private key or JWKS). Repeatable.")
    List<Path> keyFiles = new ArrayList<>();

    @Option(names = "--unused-days", paramLabel = "DAYS", defaultValue = "" + AuditOptions.DEFAULT_UNUSED_DAYS,
            description = "Report tokens last used more than this many days ago (default: ${DEFAULT-VALUE}).")
    int unusedDays;

    @Option(names = "--now", paramLabel = "INSTANT", converter = InspectCommand.InstantConverter.class,
            description = "Judge at this instant instead of now: ISO-8601 or epoch seconds.")
    Instant now;

    @Option(names = "--patches", paramLabel = "DIR", description = "Write one strategic-merge patch file per workload and Secret "
            + "into DIR, for kubectl patch --type strategic --patch-file (the plan says which command applies each).")
    Path patches;

    @Option(names = "--strict", description = "Exit 1 when any Secret has an error finding (marked invalid, no token, bad signature...).")
    boolean strict;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dumps, manifests or folders to read; - for standard input.")
    List<String> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream stdin;
    private final Clock clock;

    AuditCommand(InputStream stdin, Clock clock) {
        this.stdin = stdin;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (unusedDays < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--unused-days must not be negative");
        }
        List<LoadedKey> keys = new ArrayList<>();
        List<String> keyErrors = new ArrayList<>();
        List<String> keyWarnings = new ArrayList<>();
        keyFiles.forEach(file -> KeyFiles.load(file, keys, keyErrors, keyWarnings));
        keyWarnings.forEach(w -> spec.commandLine().getErr().println("token-explorer: warning: " + w));
        if (!keyErrors.isEmpty()) {
            keyErrors.forEach(e -> spec.commandLine().getErr().println("token-explorer: " + e));
            return ExitCodes.UNREADABLE;
        }
        AuditOptions options = new AuditOptions(now == null ? clock.instant() : now, unusedDays, keys,
                Runtime.getRuntime().availableProcessors());
        AuditResult result = files.equals(List.of("-"))
                ? Auditor.audit("-", stdin, options)
                : Auditor.audit(files.stream().map(Path::of).toList(), options, Auditor.Progress.NONE, () -> false);
        var out = spec.commandLine().getOut();
        out.print(AuditExport.write(result, AuditExport.Format.valueOf(format.name().toUpperCase(java.util.Locale.ROOT))));
        out.flush();
        result.problems().forEach(p -> spec.commandLine().getErr().println("token-explorer: " + p));
        if (patches != null) {
            try {
                int written = writePatches(result, patches);
                spec.commandLine().getErr().println("token-explorer: " + written + " patch file(s) written to " + patches);
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println("token-explorer: cannot write the patches to " + patches + ": " + e.getMessage());
                return ExitCodes.UNREADABLE;
            }
        }
        if (!result.problems().isEmpty()) {
            return ExitCodes.UNREADABLE;
        }
        return strict && result.secrets().stream().anyMatch(s -> s.worst() == Severity.ERROR) ? ExitCodes.STRICT_FAILURE : ExitCodes.OK;
    }

    /** One file per workload and Secret; the plan names the command that applies each. */
    private static int writePatches(AuditResult result, Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        int written = 0;
        for (var secret : result.secrets()) {
            for (var patch : secret.plan().patches()) {
                if (patch.patch() != null) {
                    java.nio.file.Files.writeString(dir.resolve(patch.fileName()), patch.patch() + "\n");
                    written++;
                }
            }
        }
        return written;
    }
}
