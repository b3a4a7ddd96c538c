package dev.tokenexplorer.core.manifest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestValidationTest {

    private static List<FieldError> errors(String sa, String ns, String secret, String uid, String labels) {
        return new SecretRequest(sa, ns, secret, uid, SecretRequest.parseLabels(labels), false).validate();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            upper-case name            | Builder   | ci        | ''        | ''        | ''         | serviceAccount | a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters
            leading dash               | -builder  | ci        | ''        | ''        | ''         | serviceAccount | must start and end with an alphanumeric character
            dots in a namespace        | builder   | team.a    | ''        | ''        | ''         | namespace      | a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'
            namespace too long         | builder   | LONG64    | ''        | ''        | ''         | namespace      | must be no more than 63 characters
            secret name too long       | builder   | ci        | LONG254   | ''        | ''         | secretName     | must be no more than 253 characters
            underscore in secret name  | builder   | ci        | my_token  | ''        | ''         | secretName     | a lowercase RFC 1123 subdomain
            bad uid                    | builder   | ci        | ''        | 1234      | ''         | uid            | must be a UUID
            missing service account    | ''        | ci        | ''        | ''        | ''         | serviceAccount | Required value
            missing namespace          | builder   | ''        | ''        | ''        | ''         | namespace      | Required value
            bad label key              | builder   | ci        | ''        | ''        | a b=c      | labels         | metadata.labels: Invalid value: "a b": name part must consist of alphanumeric characters
            bad label value            | builder   | ci        | ''        | ''        | team=-x    | labels         | metadata.labels: Invalid value: "-x": a valid label must be an empty string
            """)
    void invalidValuesGetTheApiServersMessage(String name, String sa, String ns, String secret, String uid, String labels, String field, String message) {
        List<FieldError> errors = errors(sa, expand(ns), expand(secret), uid, labels);

        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.field()).isEqualTo(field));
        assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains(message));
    }

    @ParameterizedTest(name = "valid: {0}/{1}")
    @CsvSource(textBlock = """
            builder,            ci
            build.robot-1,      kube-system
            a,                  x
            """)
    void validValuesPass(String sa, String ns) {
        assertThat(errors(sa, ns, "", "8208ff56-0a67-47bb-8175-a198423dacf8", "app.kubernetes.io/name=builder, tier=")).isEmpty();
    }

    @ParameterizedTest(name = "duration {0}")
    @CsvSource(delimiter = '|', textBlock = """
            5m      | may not specify a duration less than 10 minutes
            599s    | may not specify a duration less than 10 minutes
            1.5s    | --duration must be a whole number of seconds
            10 min  | invalid duration "10 min"
            5000000h| may not specify a duration larger than 2^32 seconds
            """)
    void tokenRequestDurationsAreCheckedAsTheApiDoes(String duration, String message) {
        List<FieldError> errors = new TokenRequestOptions(duration, List.of(), "", "", "").validate();

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("duration");
            assertThat(e.message()).contains(message);
        });
    }

    @ParameterizedTest(name = "duration {0} is fine")
    @CsvSource(textBlock = """
            10m
            1h30m
            3600s
            ''
            """)
    void validDurationsPass(String duration) {
        assertThat(new TokenRequestOptions(duration, List.of("api"), "Secret", "s", "").validate()).isEmpty();
    }

    @ParameterizedTest(name = "bound object: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            kind without name | Pod  | ''  | --bound-object-name is required if --bound-object-kind is provided
            unknown kind      | Job  | j   | supported --bound-object-kind values are Pod, Secret, Node
            name without kind | ''   | p   | can only be set if --bound-object-kind is provided
            """)
    void boundObjectsAreChecked(String name, String kind, String object, String message) {
        assertThat(new TokenRequestOptions("", List.of(), kind, object, "").validate())
                .anySatisfy(e -> assertThat(e.message()).contains(message));
    }

    private static String expand(String value) {
        return switch (value) {
            case "LONG64" -> "a".repeat(64);
            case "LONG254" -> "a".repeat(254);
            default -> value;
        };
    }

}
