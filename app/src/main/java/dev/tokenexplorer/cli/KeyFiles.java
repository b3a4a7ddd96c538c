package dev.tokenexplorer.cli;

import dev.tokenexplorer.core.input.InputFiles;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.finding.Severity;

import java.nio.file.Path;
import java.util.List;

/** Loads {@code --key} files for the subcommands that verify. */
final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Adds the file's keys; an unreadable file is an error, and what was said about the keys that is
     * not plain information (an entry that cannot be read, a symmetric key that is never used, a cut
     * key set) is a warning, so nothing in a key file is dropped silently.
     */
    static void load(Path file, List<LoadedKey> keys, List<String> errors, List<String> warnings) {
        InputFiles.Read read = InputFiles.read(file);
        if (read.error() != null) {
            errors.add("cannot use key " + file + ": " + read.error());
            return;
        }
        KeyReader.KeyLoad load = KeyReader.read(file.getFileName().toString(), read.text());
        if (load.error() != null) {
            errors.add("cannot use key " + file + ": " + load.error());
        }
        load.notes().stream().filter(n -> n.severity() != Severity.INFO)
                .forEach(n -> warnings.add("key " + file + ": " + Printable.escape(n.message())));
        keys.addAll(load.keys());
    }
}
