package dev.tokenexplorer.core;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.input.FoundToken;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.input.InputRecognizer;
import dev.tokenexplorer.core.input.RecognizedInput;
import dev.tokenexplorer.core.input.ServiceAccountRef;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.kube.SecretVerdict;
import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TokenReport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's front door, shared by the command line and the window: text or a file in, a
 * {@link SourceReport} out, judged at the clock's instant. Never throws for bad input.
 */
public final class Analyzer {

    private final Clock clock;
    private final InputRecognizer recognizer = new InputRecognizer();
    private final TokenAnalyzer tokens = new TokenAnalyzer();

    public Analyzer(Clock clock) {
        this.clock = clock;
    }

    public SourceReport analyzeText(String source, String text) {
        return analyzeText(source, text, VerificationSettings.NONE);
    }

    /** Analyses text, checking signatures, audiences and issuers against the given settings. */
    public SourceReport analyzeText(String source, String text, VerificationSettings settings) {
        return guarded(source, () -> {
            Instant now = clock.instant();
            return report(recognizer.recognize(source, text, now), now, settings);
        });
    }

    /** Reads and analyses a file; paths inside it (a kubeconfig's tokenFile) are resolved from its folder. */
    public SourceReport analyzeFile(Path path, VerificationSettings settings) {
        return guarded(path.toString(), () -> {
            InputFiles.Read read = InputFiles.read(path);
            if (read.error() != null) {
                return SourceReport.refused(path, read.error());
            }
            return analyzeFileText(path, read.text(), settings);
        });
    }

    /** Analyses text that was read from a file, again (the clock moved, or the keys changed). */
    public SourceReport analyzeFileText(Path path, String text, VerificationSettings settings) {
        return guarded(path.toString(), () -> {
            Instant now = clock.instant();
            return report(recognizer.recognize(path.toString(), text, now, path.toAbsolutePath().getParent()), now, settings);
        });
    }

    /**
     * One token taken out of an audited dump (Enter on an Audit row), with its Secret's verdict as
     * the Audit gave it: the dump is not read again, and the Explore page says what the row says.
     * The verdict stays with the token when it is judged again.
     */
    public SourceReport analyzeAuditedToken(String location, String compact, List<Finding> verdict, VerificationSettings settings) {
        return guarded(location, () -> {
            Instant now = clock.instant();
            RecognizedInput read = recognizer.recognize(location, compact, now);
            List<FoundToken> found = read.tokens().stream().map(t -> new FoundToken(location, t.compact(), verdict)).toList();
            return report(new RecognizedInput(read.source(), read.type(), read.error(), found, read.notes(), read.serviceAccounts(),
                    read.nodes(), read.accounts()), now, settings);
        });
    }

    /**
     * Judges a report again at the clock's instant and with these settings, from what was read:
     * the input is not read again (a 10 MB paste costs its tokens' decoding, not its YAML).
     */
    public SourceReport rejudge(SourceReport report, VerificationSettings settings) {
        return report.recognized() == null ? report : guarded(report.source(), () -> report(report.recognized(), clock.instant(), settings));
    }

    /**
     * A bug met while reading one input becomes that input's error, naming it, so the other
     * inputs of the same run are still reported; nothing is thrown past this point.
     */
    private static SourceReport guarded(String source, java.util.function.Supplier<SourceReport> work) {
        try {
            return work.get();
        } catch (RuntimeException | StackOverflowError e) {
            return SourceReport.unreadable(source, internalError(source, e));
        }
    }

    /** The message for a bug: what failed, on which input, and that it is Token Explorer's fault. */
    public static String internalError(String what, Throwable e) {
        return INTERNAL_ERROR + " while reading " + what + " (" + e.getClass().getSimpleName().replace("Exception", "")
                + "): this is a bug in Token Explorer, not a problem with the input. The other inputs were still read.";
    }

    /** How every internal-error message starts, so tests and fuzz targets can tell a bug from bad input. */
    public static final String INTERNAL_ERROR = "Internal error";

    private SourceReport report(RecognizedInput input, Instant now, VerificationSettings settings) {
        SecretVerdict.Judging judging = SecretVerdict.Judging.at(now);
        List<String> failures = new java.util.ArrayList<>();
        List<TokenReport> reports = input.tokens().stream()
                .map(t -> {
                    try {
                        // What the surroundings say joins what the token says; the token's own finding wins a shared code.
                        return withVerdict(t, tokens.analyze(t.location(), t.compact(), now, List.of(), settings).withFindings(t.context()),
                                input, judging);
                    } catch (RuntimeException | StackOverflowError e) {
                        String message = internalError(t.location(), e);
                        failures.add(message);
                        return TokenReport.malformed(t.location(), message);
                    }
                })
                .toList();
        Map<String, ServiceAccountRef> accounts = new LinkedHashMap<>();
        for (TokenReport t : reports) {
            if (t.decoded() && t.kubernetes().serviceAccountName() != null) {
                add(accounts, new ServiceAccountRef(t.kubernetes().namespace(), t.kubernetes().serviceAccountName(), t.kubernetes().serviceAccountUid()));
            }
        }
        input.serviceAccounts().forEach(a -> add(accounts, a));
        String error = input.error() != null || failures.isEmpty() ? input.error() : String.join(" ", failures);
        return new SourceReport(input.source(), input.type(), error, reports, input.notes(), List.copyOf(accounts.values()),
                input.nodes(), input);
    }

    /** A token from a token Secret says its Secret's verdict too: the same findings as the Audit's row. */
    private static TokenReport withVerdict(FoundToken found, TokenReport report, RecognizedInput input, SecretVerdict.Judging judging) {
        if (found.secret() == null) {
            return report;
        }
        // The signature was judged in the report itself, with the same verifier: its findings are already there.
        SecretVerdict.TokenCheck check = new SecretVerdict.TokenCheck(report.error(), report.kubernetes(), report.times(), null);
        return report.withFindings(SecretVerdict.judge(found.secret(), check, input.accounts(), judging));
    }

    /** One entry per namespace/name; a later sighting fills in a UID the first one lacked. */
    private static void add(Map<String, ServiceAccountRef> accounts, ServiceAccountRef ref) {
        accounts.merge(ref.label(), ref, (a, b) -> a.uid() != null ? a : b);
    }
}
