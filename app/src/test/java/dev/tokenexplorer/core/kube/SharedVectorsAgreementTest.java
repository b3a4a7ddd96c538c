package dev.tokenexplorer.core.kube;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-world vectors and public fixtures that sit beside the project (they are never copied
 * into it): for every Secret of every YAML or JSON file, {@code inspect} and the Audit say the same.
 * Skipped where the folder is absent; {@code -Dshared.dir=...} points elsewhere.
 */
class SharedVectorsAgreementTest {

    @TestFactory
    Stream<DynamicTest> everySecretOfEverySharedFileGetsTheSameFindings() throws IOException {
        Path shared = Path.of(System.getProperty("shared.dir", "../../shared"));
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("vectors")), "no shared vectors at " + shared.toAbsolutePath());
        return Stream.of("vectors", "fixtures").flatMap(folder -> files(shared.resolve(folder)))
                .map(file -> DynamicTest.dynamicTest(shared.relativize(file).toString(), () -> {
                    String text = Files.readString(file);
                    var audit = OnePipelineTest.audit(text);
                    var inspect = OnePipelineTest.inspect(text);
                    if (!audit.problems().isEmpty()) { // refused: refused by both, for the same reason
                        assertThat(inspect.error()).isNotNull();
                        assertThat(audit.problems().get(0)).contains(inspect.error().replaceFirst("^The input (is not valid YAML|looks like JSON but is not valid): ", "")
                                .replaceFirst("\\.$", ""));
                    } else {
                        assertThat(OnePipelineTest.bySecret(inspect)).isEqualTo(OnePipelineTest.rows(audit));
                    }
                }));
    }

    private static Stream<Path> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
