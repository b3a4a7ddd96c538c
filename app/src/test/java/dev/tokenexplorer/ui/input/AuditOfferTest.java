package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.ui.support.TaskExecutor;
import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.ui.audit.AuditViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A dump too large for Explore, opened or pasted, is offered to the Audit page, and taking the offer audits it. */
class AuditOfferTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Secret
              type: kubernetes.io/service-account-token
              metadata: {name: deployer-token, namespace: ci, annotations: {kubernetes.io/service-account.name: deployer}}
            """;

    private final InputViewModel model = new InputViewModel(new Analyzer(CLOCK), TaskExecutor.sameThread());
    private final AuditViewModel audit = new AuditViewModel(TaskExecutor.sameThread(), CLOCK, List::of);

    /** The Secret, then ConfigMaps of about 1 KB each up to the size asked. */
    private static String padded(int megabytes) {
        StringBuilder dump = new StringBuilder(SECRET);
        String data = "x".repeat(940);
        for (int i = 0; i < megabytes * 1024; i++) {
            dump.append("- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-").append(i).append(", namespace: ci}, data: {k: ").append(data).append("}}\n");
        }
        return dump.toString();
    }

    @Test
    void aDumpFileOverTheCapIsOfferedAndTakingItAuditsIt(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("secrets.yaml");
        try (BufferedWriter out = Files.newBufferedWriter(dump)) {
            out.write(padded(34));
        }

        model.openFiles(List.of(dump));

        AuditOffer.Offer offer = model.sources().auditOffer().offerProperty().get();
        assertThat(offer).isNotNull();
        assertThat(offer.file()).isEqualTo(dump);
        assertThat(offer.message()).startsWith("secrets.yaml looks like a cluster dump");
        assertThat(model.items().get(0).report().error()).doesNotContain("right file");

        model.sources().auditOffer().take(audit);

        assertThat(model.sources().auditOffer().offerProperty().get()).isNull();
        assertThat(audit.resultProperty().get()).isNotNull();
        assertThat(audit.resultProperty().get().secrets()).hasSize(1);
    }

    @Test
    void aLargePastedDumpGetsTheSameOfferAndANewPasteWithdrawsIt() {
        model.paste(padded(1));

        AuditOffer.Offer offer = model.sources().auditOffer().offerProperty().get();
        assertThat(offer).isNotNull();
        assertThat(offer.isFile()).isFalse();
        assertThat(offer.message()).startsWith("The pasted text looks like a cluster dump");

        model.sources().auditOffer().take(audit);
        assertThat(audit.resultProperty().get().secrets()).hasSize(1);

        model.paste(padded(1));
        model.paste("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThat(model.sources().auditOffer().offerProperty().get()).isNull();
    }

    @Test
    void aLargeFileThatIsNoDumpIsNotOffered(@TempDir Path dir) throws Exception {
        Path big = Files.writeString(dir.resolve("big.txt"), ("# " + "x".repeat(1021) + "\n").repeat(21 * 1024));

        model.openFiles(List.of(big));

        assertThat(model.sources().auditOffer().offerProperty().get()).isNull();
        assertThat(model.items().get(0).report().error()).contains("Is it the right file?");
    }
}
