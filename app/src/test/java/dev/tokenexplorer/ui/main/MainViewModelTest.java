package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.jwt.SignatureStatus;
import dev.tokenexplorer.core.keys.VerificationSettings;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import dev.tokenexplorer.ui.CurrentThreadTaskExecutor;
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
class MainViewModelTest {

    private static final String TOKEN = TestTokens.rs256("{\"aud\":[\"https://kubernetes.default.svc\"],\"exp\":1660920000,\"iat\":1660900000,"
            + "\"iss\":\"https://kubernetes.default.svc\",\"kubernetes.io\":{\"namespace\":\"ci\","
            + "\"serviceaccount\":{\"name\":\"deployer\",\"uid\":\"8208ff56-0a67-47bb-8175-a198423dacf8\"}},"
            + "\"nbf\":1660900000,\"sub\":\"system:serviceaccount:ci:deployer\"}");

    private final MainViewModel model = new MainViewModel(new Analyzer(Clock.fixed(Instant.parse("2022-08-19T12:00:00Z"), ZoneOffset.UTC)),
            new CurrentThreadTaskExecutor(), ZoneOffset.UTC);

    @Test
    void pastedGarbageShowsItsErrorAndWhatTheInputIs() {
        model.paste("this is not a token: {");

        assertThat(model.errorProperty().get()).contains("not valid YAML");
        assertThat(model.selectedTokenProperty().get()).isNull();
        assertThat(model.selectedDetailProperty().get().title()).isEqualTo("Pasted text");

        model.inputTextProperty().set("this is not a token: {x"); // typing on

        assertThat(model.errorProperty().get()).contains("not valid YAML");
        assertThat(model.inputTextProperty().get()).isEqualTo("this is not a token: {x");
    }

    @Test
    void filesOpenedWhileATokenIsShownShowTheFirstOfThem(@TempDir Path dir) throws Exception {
        model.paste(TOKEN);
        Path first = Files.writeString(dir.resolve("a.jwt"), Fixtures.text(Fixtures.PROJECTED).strip());
        Path second = Files.writeString(dir.resolve("b.jwt"), TOKEN);

        model.openFiles(List.of(first, second));

        assertThat(model.sources()).extracting(SourceItem::label).containsExactly("Pasted text", "a.jwt", "b.jwt");
        assertThat(model.selectedTokenProperty().get()).isSameAs(model.sources().get(1).report().tokens().get(0));
    }

    @Test
    void aFileOfKeysOnlyShowsWhatItIs(@TempDir Path dir) throws Exception {
        Path key = Files.copy(Fixtures.path("kubernetes-test-keys/rsa_public.pem"), dir.resolve("sa.pub"));

        model.openFiles(List.of(key));

        assertThat(model.selectedTokenProperty().get()).isNull();
        assertThat(model.selectedDetailProperty().get().title()).isEqualTo("sa.pub");
    }

    @Test
    void aFileTokenShownFollowsTheVerdictWhenKeysAreAddedAndRemoved(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token.jwt"), TOKEN);
        model.openFiles(List.of(file));
        assertThat(model.selectedTokenProperty().get().signature()).isEqualTo(SignatureStatus.UNVERIFIED);

        var keys = KeyReader.read("other.pem", Fixtures.text("kubernetes-test-keys/other_rsa_public.pem")).keys();
        model.settingsProperty().set(new VerificationSettings(keys, Set.of(), Set.of()));
        assertThat(model.selectedTokenProperty().get().signature()).isNotEqualTo(SignatureStatus.UNVERIFIED);
        assertThat(model.selectedTokenProperty().get()).isSameAs(model.sources().get(0).report().tokens().get(0));

        model.settingsProperty().set(VerificationSettings.NONE);
        assertThat(model.selectedTokenProperty().get().signature()).isEqualTo(SignatureStatus.UNVERIFIED);
    }

    @Test
    void clearingThePasteLeavesAFileTokenShown(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("token.jwt"), TOKEN);
        model.openFiles(List.of(file));
        model.paste(Fixtures.text(Fixtures.PROJECTED).strip());
        assertThat(model.selectedTokenProperty().get()).isSameAs(model.sources().get(0).report().tokens().get(0));

        model.clear();

        assertThat(model.sources()).extracting(SourceItem::label).containsExactly("token.jwt");
        assertThat(model.selectedTokenProperty().get()).isSameAs(model.sources().get(0).report().tokens().get(0));
    }
}
