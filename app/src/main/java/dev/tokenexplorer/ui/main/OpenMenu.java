package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.ui.support.Icons;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The toolbar's Open menu: choose files, or one of the recent ones; it follows the recent files as they change. */
final class OpenMenu extends MenuButton {

    private final RecentFiles recent;
    private final Consumer<List<Path>> open;

    OpenMenu(RecentFiles recent, Consumer<List<Path>> open) {
        super("Open");
        this.recent = recent;
        this.open = open;
        setId("open-menu");
        setGraphic(Icons.of(Feather.FOLDER));
        setTooltip(new Tooltip("Open files (Ctrl+O), or drop them anywhere on the window"));
        rebuild();
        recent.files().addListener((ListChangeListener<Path>) c -> rebuild());
    }

    void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open tokens, Secrets, kubeconfigs or keys");
        List<File> files = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (files != null && !files.isEmpty()) {
            open.accept(files.stream().map(File::toPath).toList());
        }
    }

    private void rebuild() {
        MenuItem choose = new MenuItem("Open files…", Icons.of(Feather.FOLDER));
        choose.setAccelerator(MainView.OPEN);
        choose.setOnAction(e -> chooseFiles());
        getItems().setAll(choose, new SeparatorMenuItem());
        if (recent.files().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            getItems().add(none);
            return;
        }
        for (Path path : recent.files()) {
            MenuItem item = new MenuItem(path.getFileName() + "  —  " + (path.getParent() == null ? "" : path.getParent()));
            item.getStyleClass().add("recent-file");
            item.setOnAction(e -> open.accept(List.of(path)));
            getItems().add(item);
        }
        MenuItem clearRecent = new MenuItem("Clear recent files", Icons.of(Feather.TRASH_2));
        clearRecent.setId("clear-recent");
        clearRecent.setOnAction(e -> recent.clear());
        getItems().addAll(new SeparatorMenuItem(), clearRecent);
    }
}
