package dev.tokenexplorer.cli;

import dev.tokenexplorer.support.ClusterDump;
import dev.tokenexplorer.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TokenExplorerCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err), Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theUsageListsEverySubcommandThoughACommandBuildsOnlyItsOwn() {
        Run help = run("", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("  inspect ", "  audit ", "  manifest ", "  help ");
        Run audit = run("", "audit", "--help");
        assertThat(audit.exit()).isZero();
        assertThat(audit.out()).startsWith("Usage: token-explorer audit ");
        Run helpAudit = run("", "help", "audit");
        assertThat(helpAudit.out()).isEqualTo(audit.out());
    }

    @Test
    void auditsADumpWithAKeyAsATable(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("secrets.yaml");
        Files.writeString(dump, ClusterDump.mix(20, LocalDate.parse("2026-11-28")).yaml());
        Run run = run("", "audit", "--key", Fixtures.path("kubernetes-test-keys/rsa_public.pem").toString(), dump.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("20 service-account-token Secrets in 20 namespaces: 1 with errors, 11 with warnings only.\n"
                + "Kinds: legacy 20.\nOrigin: 5 auto-generated, 15 manual (20 ServiceAccounts read).\n"
                + "Findings: invalidated 1, cleanup-candidate 2, never-used 4, unused 7.\n");
        assertThat(run.out()).contains("Signatures: verified 20.");
        assertThat(run.out()).contains("\nteam-7     app-7-token         app-7            legacy  manual          2026-05-12  2026-10-29     verified   invalidated\n");
    }

    @Test
    void strictFailsOnErrorsAndFormatsAreChosen(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("secrets.json");
        Files.writeString(dump, ClusterDump.mix(10, LocalDate.parse("2026-11-28")).json());

        assertThat(run("", "audit", "--strict", dump.toString()).exit()).isEqualTo(ExitCodes.STRICT_FAILURE);
        assertThat(run("", "audit", "--format", "csv", dump.toString()).out()).startsWith("namespace,secret,service_account,");
        assertThat(run("", "audit", "--format", "markdown", dump.toString()).out()).startsWith("# Service account token audit");
        assertThat(run("", "audit", "--format", "json", "--unused-days", "5", dump.toString()).out())
                .contains("\"unused\": 5");
        assertThat(run(Files.readString(dump), "audit", "--format", "json", "-").out()).contains("\"secrets\": 10,");
    }

    @Test
    void anUnreadableInputExits2AndSaysWhy(@TempDir Path dir) {
        Run run = run("", "audit", dir.resolve("missing.yaml").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).isEqualTo("token-explorer: " + dir.resolve("missing.yaml") + ": the file does not exist.\n");
    }
}
