package dev.tokenexplorer.ui.manifest;

import dev.tokenexplorer.ui.support.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest form's model, without a toolkit. */
class ManifestViewModelTest {

    private final ManifestViewModel model = new ManifestViewModel(TaskExecutor.sameThread());

    @Test
    void noRequiredValueBeforeTheUserTypedAnything() {
        assertThat(model.errorProperty("serviceAccount").get()).isEmpty();
        assertThat(model.manifestValidProperty().get()).isFalse();

        model.serviceAccountProperty().set("b");
        model.serviceAccountProperty().set("");

        assertThat(model.errorProperty("serviceAccount").get()).startsWith("Required value");
    }

    @Test
    void anAttemptToCopyOrSaveShowsEveryMessage() {
        assertThat(model.attemptManifest()).isFalse();

        assertThat(model.errorProperty("serviceAccount").get()).startsWith("Required value");
        assertThat(model.statusProperty().get()).isEqualTo("Fix the fields marked in red first.");
        assertThat(model.statusFailedProperty().get()).isTrue();
    }

    @Test
    void messagesLeadWithWordsAndKeepTheApiServersWordingInTheDetail() {
        model.serviceAccountProperty().set("BuilderNode");

        assertThat(model.errorProperty("serviceAccount").get()).isEqualTo("uppercase letters are not allowed: B, N");
        assertThat(model.errorDetailProperty("serviceAccount").get()).startsWith("uppercase letters are not allowed: B, N. The API server says: ")
                .contains("regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void everyLabelErrorIsShownAndAnEmptyKeyNeverReachesThePreview() {
        model.serviceAccountProperty().set("builder");
        model.labelsProperty().set("=x, team=-y");

        assertThat(model.errorProperty("labels").get())
                .isEqualTo("label key \"\": a label needs a key before the '='; label team=\"-y\": must start with a letter or digit, not '-'");
        assertThat(model.previewProperty().get()).doesNotContain("? ''").startsWith("# To see the manifest, fix:\n")
                .contains("#   Labels: label key \"\": a label needs a key before the '='");
        assertThat(model.applyCommandProperty().get()).doesNotContain("kubectl");
    }

    @Test
    void aBareLabelWithoutEqualsIsFlaggedInWordsWhileKeyEqualsIsAnEmptyValue() {
        model.serviceAccountProperty().set("builder");
        model.labelsProperty().set("team=a, env");

        assertThat(model.errorProperty("labels").get()).isEqualTo("label \"env\" has no '=': write it as env=value (or env= for an empty value)");
        assertThat(model.manifestValidProperty().get()).isFalse();
        assertThat(model.previewProperty().get()).startsWith("# To see the manifest, fix:\n").doesNotContain("env: ");

        model.labelsProperty().set("team=a, tier=");

        assertThat(model.errorProperty("labels").get()).isEmpty();
        assertThat(model.previewProperty().get()).contains("tier: ''");
    }

    @Test
    void theSecretNamePlaceholderIsGenericWhileTheServiceAccountIsInvalid() {
        assertThat(model.secretNamePromptProperty().get()).isEqualTo("<service-account>-token");

        model.serviceAccountProperty().set("My_Robot.");
        assertThat(model.secretNamePromptProperty().get()).isEqualTo("<service-account>-token");

        model.serviceAccountProperty().set("my-robot");
        assertThat(model.secretNamePromptProperty().get()).isEqualTo("my-robot-token");
    }

    @Test
    void noCreateTokenCommandFromAnInvalidDuration() {
        model.serviceAccountProperty().set("builder");
        model.durationProperty().set("2d");

        assertThat(model.createTokenCommandProperty().get()).doesNotContain("kubectl").doesNotContain("--duration")
                .isEqualTo("# To see the command, fix:\n#   Duration: \"2d\" is not a duration: a number with h, m or s, such as 1h, 90m or 48h (no d for days)\n");
        assertThat(model.tokenCommandValidProperty().get()).isFalse();

        model.durationProperty().set("48h");
        assertThat(model.createTokenCommandProperty().get()).isEqualTo("kubectl create token builder -n default --duration 48h");
    }

    @Test
    void theMustAlreadyExistGuidanceGoesWhileTheServiceAccountIsCreatedToo() {
        assertThat(model.guidanceProperty().get()).anyMatch(l -> l.contains("must already exist"));

        model.includeServiceAccountProperty().set(true);
        assertThat(model.guidanceProperty().get()).noneMatch(l -> l.contains("must already exist"));

        model.includeServiceAccountProperty().set(false);
        assertThat(model.guidanceProperty().get()).anyMatch(l -> l.contains("must already exist"));
    }

    @Test
    void aFailedSaveIsShownAsAFailure(@TempDir Path dir) {
        model.serviceAccountProperty().set("builder");

        model.save(dir.resolve("missing-folder").resolve("secret.yaml"), saved -> { });

        assertThat(model.statusProperty().get()).startsWith("Could not save secret.yaml");
        assertThat(model.statusFailedProperty().get()).isTrue();

        model.save(dir.resolve("secret.yaml"), saved -> { });
        assertThat(model.statusProperty().get()).isEqualTo("Saved secret.yaml.");
        assertThat(model.statusFailedProperty().get()).isFalse();
    }
}
