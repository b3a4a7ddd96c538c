package dev.tokenexplorer.ui.main;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The files opened lately, newest first: their paths only, never what they hold. Kept in the
 * user's preferences so the Open menu offers them next time; the user can clear them.
 */
public final class RecentFiles {

    static final String KEY = "recent.files";
    static final int MAX = 10;

    private final Preferences preferences;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    /** One read-only view, kept: a new wrapper per call would be collected, and its listeners with it. */
    private final ObservableList<Path> view = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Preferences preferences) {
        this.preferences = preferences;
        String stored = preferences.get(KEY, "");
        for (String line : stored.split("\n")) {
            if (!line.isBlank()) {
                files.add(Path.of(line));
            }
        }
    }

    public ObservableList<Path> files() {
        return view;
    }

    public void add(List<Path> opened) {
        List<Path> next = new ArrayList<>();
        opened.stream().map(p -> p.toAbsolutePath().normalize()).forEach(p -> {
            if (!next.contains(p)) next.add(p);
        });
        files.stream().filter(p -> !next.contains(p)).forEach(next::add);
        files.setAll(next.subList(0, Math.min(MAX, next.size())));
        save();
    }

    public void clear() {
        files.clear();
        save();
    }

    private void save() {
        List<String> lines = files.stream().map(Path::toString).toList();
        if (lines.isEmpty()) {
            preferences.remove(KEY);
        } else {
            preferences.put(KEY, String.join("\n", lines));
        }
    }
}
