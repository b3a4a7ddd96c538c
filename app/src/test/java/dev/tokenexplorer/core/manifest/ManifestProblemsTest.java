package dev.tokenexplorer.core.manifest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages lead with what is wrong in words and keep the API server's wording after it. */
class ManifestProblemsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            serviceAccount | BuilderNode | uppercase letters are not allowed: B, N            | a lowercase RFC 1123 subdomain must consist of lower case
            serviceAccount | my_sa       | not allowed: '_' (only lowercase letters, digits, '-' and '.') | regex used for validation is
            serviceAccount | -builder    | must start with a letter or digit, not '-'          | must start and end with an alphanumeric character
            serviceAccount | builder-    | must end with a letter or digit, not '-'            | must start and end with an alphanumeric character
            serviceAccount | a..b        | each part between dots must start and end with a letter or digit: '..' | a lowercase RFC 1123 subdomain
            namespace      | team.a      | not allowed: '.' (only lowercase letters, digits and '-') | a lowercase RFC 1123 label
            namespace      | my ns       | not allowed: space (only lowercase letters, digits and '-') | a lowercase RFC 1123 label
            secretName     | Tok_en      | uppercase letters are not allowed: T; not allowed: '_' (only lowercase letters, digits, '-' and '.') | a lowercase RFC 1123 subdomain
            labels         | =x          | label key "": a label needs a key before the '='    | metadata.labels: Invalid value: "": name part must be non-empty
            labels         | a b=c       | label key "a b": not allowed: space (only letters, digits, '-', '_' and '.') | metadata.labels: Invalid value: "a b": name part must consist
            labels         | team=-x     | label team="-x": must start with a letter or digit, not '-' | metadata.labels: Invalid value: "-x": a valid label must be an empty string
            labels         | Ex.com/a=b  | label key "Ex.com/a": the prefix uppercase letters are not allowed: E | prefix part a lowercase RFC 1123 subdomain
            """)
    void problemInWordsThenTheApiServersWording(String field, String value, String problem, String apiWording) {
        SecretRequest request = switch (field) {
            case "serviceAccount" -> new SecretRequest(value, "ci", "", "", java.util.Map.of(), false);
            case "namespace" -> new SecretRequest("builder", value, "", "", java.util.Map.of(), false);
            case "secretName" -> new SecretRequest("builder", "ci", value, "", java.util.Map.of(), false);
            default -> new SecretRequest("builder", "ci", "", "", SecretRequest.parseLabels(value), false);
        };

        assertThat(request.validate()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.apiMessage()).contains(apiWording);
            assertThat(e.message()).startsWith(problem + ". The API server says: ").contains(apiWording);
        });
    }

    @ParameterizedTest(name = "duration {0}")
    @CsvSource(delimiter = '|', textBlock = """
            2d   | "2d" is not a duration: a number with h, m or s, such as 1h, 90m or 48h (no d for days) | invalid duration "2d"
            5m   | too short: 300 seconds, at least 10 minutes | may not specify a duration less than 10 minutes
            """)
    void durationsInWords(String duration, String problem, String apiWording) {
        assertThat(new TokenRequestOptions(duration, List.of(), "", "", "").validate()).singleElement().satisfies(e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.apiMessage()).contains(apiWording);
        });
    }

    @org.junit.jupiter.api.Test
    void everyLabelErrorIsListed() {
        List<FieldError> errors = new SecretRequest("builder", "ci", "", "", SecretRequest.parseLabels("A B=c, d=-e, =x"), false).validate();

        assertThat(errors).extracting(FieldError::problem).containsExactly(
                "label key \"A B\": not allowed: space (only letters, digits, '-', '_' and '.')",
                "label d=\"-e\": must start with a letter or digit, not '-'",
                "label key \"\": a label needs a key before the '='");
    }

    @org.junit.jupiter.api.Test
    void theMustAlreadyExistLineGoesWhileTheServiceAccountIsCreatedToo() {
        assertThat(Guidance.secret(false)).anyMatch(l -> l.contains("must already exist"));
        assertThat(Guidance.secret(true)).noneMatch(l -> l.contains("must already exist")).hasSize(Guidance.SECRET.size() - 1);
    }
}
