package dev.tokenexplorer.ui.input;

import dev.tokenexplorer.ui.support.TaskExecutor;
import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's state without a toolkit: background work runs in place. */
class InputViewModelTest {

    private static final String TOKEN = TestTokens.rs256("{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":1660920000,\"iat\":1660900000,"
            + "\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"ci\","
            + "\"serviceaccount\":{\"name\":\"deployer\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"}},"
            + "\"nbf\":1660900000,\"sub\":\"system:serviceaccount:ci:deployer\"}");

    private final InputViewModel model = new InputViewModel(new Analyzer(Clock.fixed(Instant.parse("2022-08-19T12:00:00Z"), ZoneOffset.UTC)),
            TaskExecutor.sameThread());

    @Test
    void pastedGarbageShowsItsErrorAndWhatTheInputIs() {
        model.paste("this is not a token: {");

        assertThat(model.paste().errorProperty().get()).contains("not valid YAML");
        assertThat(model.selection().tokenProperty().get()).isNull();
        assertThat(model.selection().detailProperty().get().title()).isEqualTo("Pasted text");

        model.paste().inputTextProperty().set("this is not a token: {x"); // typing on

        assertThat(model.paste().errorProperty().get()).contains("not valid YAML");
        assertThat(model.paste().inputTextProperty().get()).isEqualTo("this is not a token: {x");
    }

    @Test
    void filesOpenedWhileATokenIsShownShowTheFirstOfThem(@TempDir Path dir) throws Exception {
        model.paste(TOKEN);
        Path first = Files.writeString(dir.resolve("a.jwt"), Fixtures.text(Fixtures.PROJECTED).strip());
        Path second = Files.writeString(dir.resolve("b.jwt"), TOKEN);

        model.openFiles(List.of(first, second));

        assertThat(model.items()).extracting(SourceItem::label).containsExactly("Pasted text", "a.jwt", "b.jwt");
        assertThat(model.selection().tokenProperty().get()).isSameAs(model.items().get(1).report().tokens().get(0));
    }

    @Test
    void aFileOfKeysOnlyShowsWhatItIs(@TempDir Path dir) throws Exception {
        Path key = Files.copy(Fixtures.path("kubernetes-test-keys/rsa_public.pem"), dir.resolve("sa.pub"));

        model.openFiles(List.of(key));

        assertThat(model.selection().tokenProperty().get()).isNull();
        assertThat(model.selection().detailProperty().get().title()).isEqualTo("sa.pub");
    }

    @Test
    void aFileTokenShownFollowsTheVerdictWhenKeysAreAddedAndRemoved(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token.jwt"), TOKEN);
        model.openFiles(List.of(file));
        assertThat(model.selection().tokenProperty().get().signature()).isEqualTo(SignatureStatus.UNVERIFIED);

        var keys = KeyReader.read("other.pem", Fixtures.text("kubernetes-test-keys/other_rsa_public.pem")).keys();
        model.settingsProperty().set(new VerificationSettings(keys, Set.of(), Set.of()));
        assertThat(model.selection().tokenProperty().get().signature()).isNotEqualTo(SignatureStatus.UNVERIFIED);
        assertThat(model.selection().tokenProperty().get()).isSameAs(model.items().get(0).report().tokens().get(0));

        model.settingsProperty().set(VerificationSettings.NONE);
        assertThat(model.selection().tokenProperty().get().signature()).isEqualTo(SignatureStatus.UNVERIFIED);
    }

    @Test
    void clearingThePasteLeavesAFileTokenShown(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token.jwt"), TOKEN);
        model.openFiles(List.of(file));
        model.paste(Fixtures.text(Fixtures.PROJECTED).strip());
        assertThat(model.selection().tokenProperty().get()).isSameAs(model.items().get(0).report().tokens().get(0));

        model.clear();

        assertThat(model.items()).extracting(SourceItem::label).containsExactly("token.jwt");
        assertThat(model.selection().tokenProperty().get()).isSameAs(model.items().get(0).report().tokens().get(0));
    }

    @Test
    void theInputBoxShowsTheSourceOfWhatIsShown(@TempDir Path dir) throws Exception {
        model.paste(TOKEN);
        assertThat(model.inputSourceProperty().get()).as("the paste is in the editor").isNull();

        Path file = Files.writeString(dir.resolve("pod.token"), Fixtures.text(Fixtures.PROJECTED).strip());
        model.openFiles(List.of(file));
        assertThat(model.inputSourceProperty().get().label()).isEqualTo("pod.token");
        assertThat(model.inputSourceProperty().get().text()).isEqualTo(Fixtures.text(Fixtures.PROJECTED).strip());

        model.editPaste(); // "Paste instead": the editor is back, the file's token stays shown
        assertThat(model.inputSourceProperty().get()).isNull();
        assertThat(model.selection().sourceProperty().get().label()).isEqualTo("pod.token");

        SourceItem paste = model.items().get(0);
        model.selection().select(paste, null); // selecting the paste in the sidebar
        assertThat(model.inputSourceProperty().get()).isNull();
        model.selection().select(model.items().get(1), null); // and the file again
        assertThat(model.inputSourceProperty().get().label()).isEqualTo("pod.token");

        // Enter on an audited Secret: the token, with what the Audit said of its Secret, kept when judged again
        var invalidated = dev.tokenexplorer.core.finding.Finding.of(dev.tokenexplorer.core.finding.FindingCode.INVALIDATED,
                "Marked invalid since 2025-01-02: the API server rejects the token.");
        model.openToken(file, "ci/deployer-token", TOKEN, List.of(invalidated));
        assertThat(model.inputSourceProperty().get().label()).isEqualTo("ci/deployer-token");
        assertThat(model.inputSourceProperty().get().text()).isEqualTo(TOKEN);
        assertThat(model.selection().tokenProperty().get().location()).isEqualTo("Secret ci/deployer-token data.token");
        assertThat(model.selection().tokenProperty().get().findings()).contains(invalidated);
        model.settingsProperty().set(new VerificationSettings(KeyReader.read("sa.pub",
                Fixtures.text("kubernetes-test-keys/rsa_public.pem")).keys(), Set.of(), Set.of()));
        assertThat(model.selection().tokenProperty().get().signature()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(model.selection().tokenProperty().get().findings()).contains(invalidated);

        model.paste(Fixtures.text(Fixtures.PROJECTED).strip()); // a new paste is shown, in the editor
        assertThat(model.inputSourceProperty().get()).isNull();
        assertThat(model.selection().sourceProperty().get().id()).isEqualTo(SourceItem.PASTE_ID);
    }

    @Test
    void closingTheSourceShownShowsTheNextToken(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("a.jwt"), TOKEN);
        Path second = Files.writeString(dir.resolve("b.jwt"), Fixtures.text(Fixtures.PROJECTED).strip());
        model.openFiles(List.of(first, second));
        assertThat(model.selection().sourceProperty().get().label()).isEqualTo("a.jwt");

        model.close(model.items().get(0));

        assertThat(model.selection().sourceProperty().get().label()).isEqualTo("b.jwt");
        assertThat(model.selection().tokenProperty().get()).isSameAs(model.items().get(0).report().tokens().get(0));
        assertThat(model.inputSourceProperty().get().label()).isEqualTo("b.jwt");
    }

    @Test
    void clearingThePasteWithOnlyAKeyFileLeftShowsTheKeyFileNotAnEmptyPane(@TempDir Path dir) throws Exception {
        Path key = Files.copy(Fixtures.path("kubernetes-test-keys/rsa_public.pem"), dir.resolve("sa.pub"));
        model.openFiles(List.of(key));
        model.paste(TOKEN);

        model.clear();

        assertThat(model.selection().tokenProperty().get()).isNull();
        assertThat(model.selection().detailProperty().get().title()).isEqualTo("sa.pub");
        assertThat(model.inputSourceProperty().get().label()).isEqualTo("sa.pub");
    }

    @Test
    void clearClosesTheFileTheInputBoxShowsAndOtherwiseClearsThePaste(@TempDir Path dir) throws Exception {
        model.paste(TOKEN);
        Path file = Files.writeString(dir.resolve("pod.token"), Fixtures.text(Fixtures.PROJECTED).strip());
        model.openFiles(List.of(file));

        model.clear(); // the box shows pod.token: it is closed, the paste is kept and shown again
        assertThat(model.items()).extracting(SourceItem::label).containsExactly("Pasted text");
        assertThat(model.paste().inputTextProperty().get()).isEqualTo(TOKEN);
        assertThat(model.inputSourceProperty().get()).isNull();

        model.clear(); // now the paste
        assertThat(model.items()).isEmpty();
        assertThat(model.paste().inputTextProperty().get()).isEmpty();
    }
}
