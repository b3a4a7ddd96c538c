package dev.tokenexplorer.cli;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.input.InputType;
import dev.tokenexplorer.core.report.JsonReport;
import dev.tokenexplorer.core.report.TextReport;
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
import java.util.List;
import java.util.concurrent.Callable;

/** {@code token-explorer inspect}: decode and explain tokens and what holds them. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Decodes and explains the tokens in each input: a JWT, a Secret or list of them, a kubeconfig, "
                + "a JWKS, a PEM key or certificate. Reads standard input when no file is given.",
        footer = {"", "Exit status: 0 when every input was read; 2 when an input could not be read or recognised, or on a usage error."})
public final class InspectCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--now", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Judge the tokens at this instant instead of now: ISO-8601 (2022-08-19T14:00:00Z) or epoch seconds.")
    Instant now;

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
        Analyzer analyzer = new Analyzer(at);
        List<String> inputs = files.isEmpty() ? List.of("-") : files;
        List<SourceReport> reports = new ArrayList<>();
        for (String input : inputs) {
            reports.add(input.equals("-") ? readStdin(analyzer) : analyzer.analyzeFile(Path.of(input)));
        }
        var out = spec.commandLine().getOut();
        out.print(format == Format.json ? JsonReport.write(reports) + "\n" : TextReport.write(reports, at.instant()));
        out.flush();
        return reports.stream().allMatch(SourceReport::readable) ? ExitCodes.OK : ExitCodes.UNREADABLE;
    }

    private SourceReport readStdin(Analyzer analyzer) {
        try {
            InputFiles.Read read = InputFiles.decode("standard input", stdin.readNBytes((int) InputFiles.MAX_FILE_BYTES + 1));
            if (read.error() != null) {
                return new SourceReport("-", InputType.UNKNOWN, read.error(), List.of(), List.of());
            }
            return analyzer.analyzeText("-", read.text());
        } catch (IOException e) {
            return new SourceReport("-", InputType.UNKNOWN, "standard input cannot be read: " + e.getMessage(), List.of(), List.of());
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
