package dev.tokenexplorer.core.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileExpanderTest {

    @Test
    void aFolderOpensTheFilesDirectlyInsideItInNameOrder(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("secrets"));
        Path b = Files.writeString(folder.resolve("b.yaml"), "b");
        Path a = Files.writeString(folder.resolve("a.jwt"), "a");
        Files.writeString(folder.resolve(".hidden"), "h");
        Files.createDirectory(folder.resolve("nested"));
        Files.writeString(folder.resolve("nested").resolve("deep.yaml"), "d");

        assertThat(FileExpander.expand(List.of(folder))).containsExactly(a, b);
    }

    @Test
    void filesStayInTheOrderGivenAndOpenOnce(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one"), "1");
        Path two = Files.writeString(dir.resolve("two"), "2");

        assertThat(FileExpander.expand(List.of(two, one, two))).containsExactly(two, one);
    }
}
