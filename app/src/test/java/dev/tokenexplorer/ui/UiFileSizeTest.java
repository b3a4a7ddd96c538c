package dev.tokenexplorer.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Views and view models stay small enough to read in one sitting: no file in ui/ over 300 lines. */
class UiFileSizeTest {

    @Test
    void noUiFileIsOverThreeHundredLines() throws IOException {
        Path ui = Path.of("src/main/java/dev/tokenexplorer/ui");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(ui)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> lines(f) > 300)
                    .map(f -> ui.relativize(f) + " (" + lines(f) + " lines)").toList();
        }
        assertThat(tooLong).as("split these by feature or by concern").isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
