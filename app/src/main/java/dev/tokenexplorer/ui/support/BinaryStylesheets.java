package dev.tokenexplorer.ui.support;

import javafx.css.Stylesheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step (app/pom.xml, process-classes): writes beside each stylesheet under a folder its
 * binary form, JavaFX's own ({@code main.css} gets {@code main.bss}). JavaFX's StyleManager loads
 * the binary form when it finds one beside the stylesheet asked for, so the window's stylesheets
 * are read at start instead of parsed, as AtlantaFX's theme already is.
 */
public final class BinaryStylesheets {

    private BinaryStylesheets() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> stylesheets;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            stylesheets = files.filter(file -> file.getFileName().toString().endsWith(".css")).toList();
        }
        for (Path css : stylesheets) {
            String name = css.getFileName().toString();
            Stylesheet.convertToBinary(css.toFile(), css.resolveSibling(name.substring(0, name.length() - 4) + ".bss").toFile());
        }
        System.out.println("binary stylesheets: " + stylesheets.size());
    }
}
