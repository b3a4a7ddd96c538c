package dev.tokenexplorer.core;

import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.input.InputRecognizer;
import dev.tokenexplorer.core.input.InputType;
import dev.tokenexplorer.core.input.RecognizedInput;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TokenReport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
        Instant now = clock.instant();
        return report(recognizer.recognize(source, text, now), now, settings);
    }

    public SourceReport analyzeFile(Path path, VerificationSettings settings) {
        InputFiles.Read read = InputFiles.read(path);
        if (read.error() != null) {
            return new SourceReport(path.toString(), InputType.UNKNOWN, read.error(), List.of(), List.of());
        }
        return analyzeText(path.toString(), read.text(), settings);
    }

    private SourceReport report(RecognizedInput input, Instant now, VerificationSettings settings) {
        List<TokenReport> reports = input.tokens().stream()
                .map(t -> tokens.analyze(t.location(), t.compact(), now, t.context(), settings))
                .toList();
        return new SourceReport(input.source(), input.type(), input.error(), reports, input.notes());
    }
}
