package dev.tokenexplorer.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** PNGs of views under target/snapshots, to look at as a user would. */
public final class Snapshots {

    private Snapshots() {
    }

    public static Path write(Node node, String name) throws IOException {
        Path dir = Path.of(System.getProperty("snapshots.dir", "target/snapshots"));
        Files.createDirectories(dir);
        var image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)));
        Path file = dir.resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
