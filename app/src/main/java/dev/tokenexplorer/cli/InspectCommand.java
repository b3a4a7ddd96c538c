package dev.tokenexplorer.cli;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.report.JsonReport;
import dev.tokenexplorer.core.report.TextReport;
import dev.tokenexplorer.core.token.TokenReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code token-explorer inspect}: decode and explain tokens and what holds them. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
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
        keyFiles.forEach(file -> KeyFiles.load(file, keys, keyErrors));
        if (hmacSecretFile != null) {
            loadSecret(hmacSecretFile, keys, keyErrors);
        }
        if (!keyErrors.isEmpty()) {
            keyErrors.forEach(e -> spec.commandLine().getErr().println("token-explorer: " + e));
            return ExitCodes.UNREADABLE;
        }
        VerificationSettings settings = new VerificationSettings(keys, Set.copyOf(audiences), Set.copyOf(issuers));
        Analyzer analyzer = new Analyzer(at);
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        List<SourceReport> reports = new ArrayList<>();
        for (String input : inputs) {
            reports.add(input.equals("-") ? readStdin(analyzer, settings) : analyzer.analyzeFile(Path.of(input), settings));
        }
        var out = spec.commandLine().getOut();
        out.print(format == Format.json ? JsonReport.write(reports, keys) + "\n" : TextReport.write(reports, keys, at.instant()));
        out.flush();
        if (!reports.stream().allMatch(SourceReport::readable)) {
            return ExitCodes.UNREADABLE;
        }
        return strict && reports.stream().flatMap(r -> r.tokens().stream()).anyMatch(InspectCommand::failsStrict)
                ? ExitCodes.STRICT_FAILURE : ExitCodes.OK;
    }

    private static boolean failsStrict(TokenReport token) {
        if (token.error() != null) {
            return true;
        }
        return switch (token.status()) {
            case EXPIRED, NOT_YET_VALID -> true;
            default -> switch (token.signature()) {
                case UNSIGNED, INVALID, NO_MATCHING_KEY -> true;
                default -> false;
            };
        };
    }

    private static void loadSecret(Path file, List<LoadedKey> keys, List<String> errors) {
        try {
            byte[] secret = Files.readAllBytes(file);
            int end = secret.length;
            while (end > 0 && (secret[end - 1] == '\n' || secret[end - 1] == '\r')) {
                end--; // the line break an editor or echo adds is not part of the secret
            }
            if (end == 0) {
                errors.add("the HMAC secret file " + file + " is empty");
                return;
            }
            keys.add(KeyReader.hmacSecret(file.getFileName().toString(), Arrays.copyOf(secret, end)));
        } catch (IOException e) {
            errors.add("cannot read the HMAC secret file " + file + ": " + e.getMessage());
        }
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
            if (value.matches("\\d{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not an instant: use ISO-8601 such as 2022-08-19T14:00:00Z, or epoch seconds");
            }
        }
    }
}
