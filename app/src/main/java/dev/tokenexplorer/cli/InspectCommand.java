package dev.tokenexplorer.cli;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.report.JsonReport;
import dev.tokenexplorer.core.report.TextReport;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.token.TimeClaims;
import dev.tokenexplorer.core.token.TokenReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import dev.tokenexplorer.core.text.Printable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code token-explorer inspect}: decode and explain tokens and what holds them. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        versionProvider = TokenExplorerCommand.Version.class,
        description = "Decodes and explains the tokens in each input: a JWT, a Secret or list of them, a kubeconfig, "
                + "a JWKS, a PEM key or certificate. Reads standard input when no file is given.",
        footer = {"", "Exit status: 0 when every input was read; 1 with --strict when a token fails (see --strict); "
                + "2 when an input or key could not be read or recognised, or on a usage error."})
public final class InspectCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--now", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Judge the tokens at this instant instead of now: ISO-8601 (2022-08-19T14:00:00Z) or epoch seconds.")
    Instant now;

    @Option(names = "--key", paramLabel = "FILE", description = "A key to verify signatures with: PEM public key(s) "
            + "(sa.pub), certificate, private key (its public half is used) or JWKS. Repeatable.")
    List<Path> keyFiles = new ArrayList<>();

    @Option(names = "--audience", paramLabel = "AUD", description = "An audience the API server accepts (--api-audiences). Repeatable.")
    List<String> audiences = new ArrayList<>();

    @Option(names = "--issuer", paramLabel = "ISS", description = "An issuer the API server accepts (--service-account-issuer). Repeatable.")
    List<String> issuers = new ArrayList<>();

    @Option(names = "--hmac-secret-file", paramLabel = "FILE", description = "A shared secret for HS256/384/512 tokens. "
            + "Public keys are never used as HMAC secrets.")
    Path hmacSecretFile;

    @Option(names = "--strict", description = "Exit 1 when a token is expired, not yet valid, unsigned, malformed, or fails verification.")
    boolean strict;

    @Parameters(paramLabel = "FILE", description = "Files to read; - for standard input.")
    List<String> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream stdin;
    private final Clock clock;

    InspectCommand(InputStream stdin, Clock clock) {
        this.stdin = stdin;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Clock at = now == null ? clock : Clock.fixed(now, ZoneOffset.UTC);
        List<LoadedKey> keys = new ArrayList<>();
        List<String> keyErrors = new ArrayList<>();
        List<String> keyWarnings = new ArrayList<>();
        keyFiles.forEach(file -> KeyFiles.load(file, keys, keyErrors, keyWarnings));
        keyWarnings.forEach(w -> spec.commandLine().getErr().println("token-explorer: warning: " + w));
        if (hmacSecretFile != null) {
            loadSecret(hmacSecretFile, keys, keyErrors);
        }
        if (!keyErrors.isEmpty()) {
            keyErrors.forEach(e -> spec.commandLine().getErr().println("token-explorer: " + e));
            printKeyErrors(keyErrors);
            return ExitCodes.UNREADABLE;
        }
        VerificationSettings settings = new VerificationSettings(keys, Set.copyOf(audiences), Set.copyOf(issuers));
        Analyzer analyzer = new Analyzer(at);
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        List<SourceReport> reports = new ArrayList<>();
        for (String input : inputs) {
            reports.add(analyze(analyzer, input, settings));
        }
        var out = spec.commandLine().getOut();
        out.print(render(reports, keys, at.instant()));
        out.flush();
        if (!reports.stream().allMatch(SourceReport::readable)) {
            return ExitCodes.UNREADABLE;
        }
        return strict && reports.stream().flatMap(r -> r.tokens().stream()).anyMatch(TokenReport::failsStrict)
                ? ExitCodes.STRICT_FAILURE : ExitCodes.OK;
    }

    private SourceReport analyze(Analyzer analyzer, String input, VerificationSettings settings) {
        try {
            return input.equals("-") ? readStdin(analyzer, settings) : analyzer.analyzeFile(Path.of(input), settings);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // The analyzer turns bugs into a report itself; this catches the path and memory.
            return SourceReport.unreadable(input, Analyzer.internalError(input, e));
        }
    }

    /**
     * Each input is written on its own: should writing one fail (a bug), that input becomes an
     * error naming it, in place, and the reports around it are still printed. The list is updated
     * so the exit status says so.
     */
    private String render(List<SourceReport> reports, List<LoadedKey> keys, Instant now) {
        if (format == Format.json) {
            ObjectNode root = Json.nodes().objectNode();
            ArrayNode inputs = root.putArray("inputs");
            for (int i = 0; i < reports.size(); i++) {
                try {
                    inputs.add(JsonReport.input(reports.get(i)));
                } catch (RuntimeException | StackOverflowError e) {
                    reports.set(i, SourceReport.unreadable(reports.get(i).source(), Analyzer.internalError(reports.get(i).source(), e)));
                    inputs.add(JsonReport.input(reports.get(i)));
                }
            }
            root.set("keys", JsonReport.tree(List.of(), keys).get("keys"));
            return Json.pretty(root) + "\n";
        }
        StringBuilder text = new StringBuilder(TextReport.keys(keys));
        for (int i = 0; i < reports.size(); i++) {
            if (text.length() > 0) {
                text.append('\n');
            }
            try {
                text.append(TextReport.source(reports.get(i), now));
            } catch (RuntimeException | StackOverflowError e) {
                reports.set(i, SourceReport.unreadable(reports.get(i).source(), Analyzer.internalError(reports.get(i).source(), e)));
                text.append(TextReport.source(reports.get(i), now));
            }
        }
        return text.toString();
    }

    /**
     * A key that cannot be used stops the command before any input is judged (a verdict without the
     * key asked for would mislead); the reason is in the output too, where a script reading it looks.
     */
    private void printKeyErrors(List<String> keyErrors) {
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectNode root = Json.nodes().objectNode();
            root.putArray("inputs");
            ArrayNode errors = root.putArray("errors");
            keyErrors.forEach(errors::add);
            out.print(Json.pretty(root) + "\n");
        } else {
            keyErrors.forEach(e -> out.println("error: " + Printable.escape(e)));
        }
        out.flush();
    }

    /**
     * The shared secret, read by the one file reader (regular files only, size capped). Public key
     * bytes given as an HMAC secret are the algorithm-confusion attack: used as asked, but warned of.
     */
    private void loadSecret(Path file, List<LoadedKey> keys, List<String> errors) {
        InputFiles.Bytes read = InputFiles.readBytes(file, InputFiles.MAX_SECRET_BYTES);
        if (read.error() != null) {
            errors.add("cannot read the HMAC secret file: " + read.error());
            return;
        }
        byte[] secret = read.bytes();
        int end = secret.length;
        while (end > 0 && (secret[end - 1] == '\n' || secret[end - 1] == '\r')) {
            end--; // the line break an editor or echo adds is not part of the secret
        }
        if (end == 0) {
            errors.add("the HMAC secret file " + file + " is empty");
            return;
        }
        byte[] bytes = Arrays.copyOf(secret, end);
        keys.add(KeyReader.hmacSecret(file.getFileName().toString(), bytes));
        KeyReader.publicKeyAsSecret(file.getFileName().toString(), bytes)
                .ifPresent(warning -> spec.commandLine().getErr().println("token-explorer: warning: " + warning.message()));
    }

    private SourceReport readStdin(Analyzer analyzer, VerificationSettings settings) {
        try {
            InputFiles.Read read = InputFiles.decode("standard input", stdin.readNBytes((int) InputFiles.MAX_FILE_BYTES + 1));
            if (read.error() != null) {
                return SourceReport.unreadable("-", read.error());
            }
            return analyzer.analyzeText("-", read.text(), settings);
        } catch (IOException e) {
            return SourceReport.unreadable("-", "standard input cannot be read: " + e.getMessage());
        }
    }

    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            Instant instant;
            if (value.matches("\\d{1,12}")) {
                instant = Instant.ofEpochSecond(Long.parseLong(value));
            } else {
                try {
                    instant = Instant.parse(value);
                } catch (DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException("'" + value
                            + "' is not an instant: use ISO-8601 such as 2022-08-19T14:00:00Z, or epoch seconds");
                }
            }
            long seconds = instant.getEpochSecond();
            if (seconds < TimeClaims.MIN_EPOCH_SECONDS || seconds > TimeClaims.MAX_EPOCH_SECONDS) {
                throw new CommandLine.TypeConversionException("'" + value + "' is outside the years 1970 to 9999");
            }
            return instant;
        }
    }
}
