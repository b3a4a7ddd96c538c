package dev.tokenexplorer.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.jwt.JwtDecoder;
import dev.tokenexplorer.core.token.TokenReport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzz targets for everything that reads untrusted input. In {@code mvn verify}
 * they replay the seeds and every past finding under {@code src/test/resources/dev/tokenexplorer/fuzz/};
 * with {@code JAZZER_FUZZ=1} one target fuzzes for its maxDuration (see the README).
 * No input may throw, hang, or produce a message that is not written for a user.
 */
class InputFuzzTest {

    private static final Analyzer ANALYZER = new Analyzer(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));

    @FuzzTest(maxDuration = "10m")
    void recognisingAnyTextGivesAReportOrAMessage(FuzzedDataProvider data) {
        SourceReport report = ANALYZER.analyzeText("fuzz", data.consumeRemainingAsString());
        assertWrittenForUsers(report);
    }

    @FuzzTest(maxDuration = "10m")
    void decodingAnyTokenGivesATokenOrAMessage(FuzzedDataProvider data) {
        String token = data.consumeRemainingAsAsciiString();
        JwtDecoder.Decoding decoding = new JwtDecoder().decode(token);
        if (decoding instanceof JwtDecoder.Malformed malformed) {
            assertUserMessage(malformed.message());
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readingAnyYamlOrKubeconfigGivesAReportOrAMessage(FuzzedDataProvider data) {
        // YAML-shaped input: a kubeconfig or Secret skeleton with fuzzed values and structure.
        String body = data.consumeRemainingAsString();
        String text = (body.length() % 2 == 0 ? "apiVersion: v1\nkind: Config\n" : "apiVersion: v1\nkind: Secret\n") + body;
        assertWrittenForUsers(ANALYZER.analyzeText("fuzz", text));
    }

    @FuzzTest(maxDuration = "10m")
    void readingAnyKeyGivesKeysOrAMessage(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        KeyReader.KeyLoad load = KeyReader.read("fuzz", text);
        if (load.error() != null) {
            assertUserMessage(load.error());
        }
        load.notes().forEach(n -> assertUserMessage(n.message()));
    }

    @FuzzTest(maxDuration = "10m")
    void readingAnyFileBytesGivesTextOrAMessage(byte[] bytes) {
        InputFiles.Read read = InputFiles.decode("fuzz.bin", bytes);
        if (read.error() != null) {
            assertUserMessage(read.error());
        } else {
            assertWrittenForUsers(ANALYZER.analyzeText("fuzz", read.text()));
        }
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).isNotNull();
    }

    private static void assertWrittenForUsers(SourceReport report) {
        if (report.error() != null) {
            assertUserMessage(report.error());
        }
        report.notes().stream().map(Finding::message).forEach(InputFuzzTest::assertUserMessage);
        for (TokenReport token : report.tokens()) {
            if (token.error() != null) {
                assertUserMessage(token.error());
            }
            token.findings().stream().map(Finding::message).forEach(InputFuzzTest::assertUserMessage);
        }
    }

    /** A message for people: no exception class names, stack frames or Java internals. */
    private static void assertUserMessage(String message) {
        assertThat(message).isNotBlank()
                .doesNotContain("Exception", "java.lang", "java.util", "org.yaml", "com.fasterxml", "\tat ", "null pointer");
    }
}
