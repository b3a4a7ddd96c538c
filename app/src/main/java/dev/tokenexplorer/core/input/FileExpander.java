package dev.tokenexplorer.core.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What dropping or opening files means: each file as itself, each folder as the files directly in
 * it (not its subfolders, not hidden files), in name order, each path once.
 */
public final class FileExpander {

    /** A folder holding more files than this is surely not a set of tokens; the rest are skipped. */
    public static final int MAX_FILES_PER_FOLDER = 200;

    private FileExpander() {
    }

    public static List<Path> expand(List<Path> dropped) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : dropped) {
            if (Files.isDirectory(path)) {
                List<Path> inside = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                    for (Path entry : entries) {
                        if (Files.isRegularFile(entry) && !entry.getFileName().toString().startsWith(".")) {
                            inside.add(entry);
                        }
                    }
                } catch (IOException e) {
                    files.add(path); // reading it will say why it cannot be opened
                    continue;
                }
                inside.sort(null);
                files.addAll(inside.subList(0, Math.min(inside.size(), MAX_FILES_PER_FOLDER)));
            } else {
                files.add(path);
            }
        }
        return List.copyOf(files);
    }
}
