package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.SourceReport;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.core.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A file too large for Explore that starts as a cluster dump is recognised, and offered to the Audit. */
class DumpSnifferTest {

    /** A dump of {@code megabytes}, padded with YAML comments after its start. */
    static Path bigDump(Path dir, String start, int megabytes) throws Exception {
        Path file = dir.resolve("secrets.yaml");
        String pad = "# " + "x".repeat(1021) + "\n";
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(start);
            for (int i = 0; i < megabytes * 1024; i++) {
                out.write(pad);
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "apiVersion: v1\nkind: List\nmetadata: {resourceVersion: \"\"}\n",
            "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Secret\n",
            "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n",
            "{\"kind\": \"List\", \"apiVersion\": \"v1\"}",
            "kind: 'List'\n"})
    void theStartOfAListOfObjectsLooksLikeADump(String start) {
        assertThat(DumpSniffer.looksLikeDump(start)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "apiVersion: v1\nkind: Secret\nmetadata: {name: items}\n",
            "eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
            "apiVersion: v1\nkind: Config\nclusters: []\n",
            "kind: ListOfThings\n"})
    void anythingElseDoesNot(String start) {
        assertThat(DumpSniffer.looksLikeDump(start)).isFalse();
    }

    @Test
    void aDumpOverTheCapIsOfferedToTheAuditInsteadOfAskedIfItIsTheRightFile(@TempDir Path dir) throws Exception {
        Path dump = bigDump(dir, "apiVersion: v1\nkind: List\nitems: []\n", 21);

        SourceReport report = new Analyzer(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC))
                .analyzeFile(dump, VerificationSettings.NONE);

        assertThat(report.error()).isEqualTo("secrets.yaml is 21 MB, more than the 20 MB limit for one input.").doesNotContain("right file");
        assertThat(report.notes()).extracting(Finding::code).containsExactly("looks-like-a-dump");
        assertThat(report.notes().get(0).message()).startsWith("secrets.yaml looks like a cluster dump").contains("Audit");
    }

    @Test
    void anotherLargeFileIsStillAskedAbout(@TempDir Path dir) throws Exception {
        Path other = bigDump(dir, "hello: world\n", 21);

        SourceReport report = SourceReport.refused(other, "the refusal");

        assertThat(report.error()).isEqualTo("the refusal");
        assertThat(report.notes()).isEmpty();
    }
}
