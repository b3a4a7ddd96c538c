package dev.tokenexplorer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenexplorer.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's command-line examples, run: the text output is printed exactly as shown, and the
 * JSON examples name only fields the command writes, with the values it writes (elisions "…"
 * aside). Change the output and this fails until the README says the same.
 */
class ReadmeExamplesTest {

    private static final String TEXT_EXAMPLE = "$ token-explorer inspect --now 2022-08-19T12:08:00Z projected-token.jwt";

    private static String readme() throws Exception {
        Path readme = Files.exists(Path.of("README.md")) ? Path.of("README.md") : Path.of("..", "README.md");
        return Files.readString(readme);
    }

    /** The fenced block that starts with this line, or that follows it (for a ```json block). */
    private static String block(String readme, String startsWith) {
        int at = readme.indexOf(startsWith);
        assertThat(at).as("the README shows %s", startsWith).isGreaterThanOrEqualTo(0);
        int end = readme.indexOf("\n```", at);
        return readme.substring(at, end + 1);
    }

    private static String inspect(String... args) {
        StringWriter out = new StringWriter();
        int exit = TokenExplorerCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(new StringWriter()),
                Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC));
        assertThat(exit).isZero();
        return out.toString();
    }

    @Test
    void theTextExampleIsWhatInspectPrints(@TempDir Path dir) throws Exception {
        Path token = Files.copy(Fixtures.path(Fixtures.PROJECTED), dir.resolve("projected-token.jwt"));
        String shown = block(readme(), TEXT_EXAMPLE);
        String[] command = shown.lines().findFirst().orElseThrow().substring("$ token-explorer ".length()).split(" ");
        command[command.length - 1] = token.toString();

        String printed = inspect(command).replace(token.toString(), "projected-token.jwt");

        assertThat(printed.strip()).isEqualTo(shown.substring(shown.indexOf('\n') + 1).strip());
    }

    @Test
    void theTimelineExampleIsTheSameTokenAtTheSameInstant() throws Exception {
        String readme = readme();
        int at = readme.indexOf("\"timeline\": {");
        String example = "{" + readme.substring(at, readme.indexOf("\n```", at)) + "}";

        JsonNode printed = new ObjectMapper().readTree(inspect("inspect", "--format", "json", "--now", "2022-08-19T12:08:00Z",
                Fixtures.path(Fixtures.PROJECTED).toString()));

        assertThat(printed.at("/inputs/0/tokens/0/timeline")).isEqualTo(new ObjectMapper().readTree(example).get("timeline"));
    }

    @Test
    void theJsonExampleNamesOnlyFieldsTheCommandWritesWithTheirValues(@TempDir Path dir) throws Exception {
        String readme = readme();
        int at = readme.indexOf("```json\n{\n  \"inputs\"");
        String example = readme.substring(readme.indexOf('\n', at) + 1, readme.indexOf("\n```", at + 7));
        Path secret = Files.copy(Fixtures.path("seed-v1.24-explicit-sa-token-secret.yaml"), dir.resolve("secret.yaml"));

        JsonNode printed = new ObjectMapper().readTree(inspect("inspect", "--format", "json", secret.toString()).replace(secret.toString(), "secret.yaml"));

        conforms(new ObjectMapper().readTree(example), printed, "");
    }

    /** Every field of the example is in the output at the same place with the same value; "…" stands for anything. */
    private static void conforms(JsonNode example, JsonNode actual, String where) {
        if (example.isTextual() && example.asText().equals("…")) {
            return;
        }
        if (example.isObject()) {
            assertThat(actual.isObject()).as(where).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("…")) {
                    assertThat(actual.has(field.getKey())).as("the output has %s/%s", where, field.getKey()).isTrue();
                    conforms(field.getValue(), actual.get(field.getKey()), where + "/" + field.getKey());
                }
            }
        } else if (example.isArray()) {
            assertThat(actual.isArray()).as(where).isTrue();
            for (int i = 0; i < example.size(); i++) {
                conforms(example.get(i), actual.get(i), where + "/" + i);
            }
        } else {
            assertThat(actual).as(where).isEqualTo(example);
        }
    }

    @Test
    void everyCommandTheReadmeShowsIsOneTheCommandKnows() throws Exception {
        for (String line : readme().lines().filter(l -> l.startsWith("token-explorer ") || l.startsWith("$ token-explorer ")).toList()) {
            String subcommand = line.replace("$ ", "").split(" ")[1];
            assertThat(Arrays.asList("inspect", "audit", "manifest", "--help", "--version")).as(line).contains(subcommand);
        }
    }
}
