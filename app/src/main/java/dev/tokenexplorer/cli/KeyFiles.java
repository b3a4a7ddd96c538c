package dev.tokenexplorer.cli;

import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;

import java.nio.file.Path;
import java.util.List;

/** Loads {@code --key} files for the subcommands that verify. */
final class KeyFiles {

    private KeyFiles() {
    }

    static void load(Path file, List<LoadedKey> keys, List<String> errors) {
        InputFiles.Read read = InputFiles.read(file);
        if (read.error() != null) {
            errors.add("cannot use key " + file + ": " + read.error());
            return;
        }
        KeyReader.KeyLoad load = KeyReader.read(file.getFileName().toString(), read.text());
        if (load.error() != null) {
            errors.add("cannot use key " + file + ": " + load.error());
        }
        keys.addAll(load.keys());
    }
}
