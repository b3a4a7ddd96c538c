package dev.tokenexplorer.ui.audit;

import dev.tokenexplorer.core.audit.AuditExport;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The Audit page's file dialogs: what to audit, and where to save an export. */
final class AuditDialogs {

    private AuditDialogs() {
    }

    /** Dumps to audit; empty when the user cancelled. */
    static Optional<List<Path>> chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Audit cluster dumps");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML and JSON", "*.yaml", "*.yml", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? Optional.empty() : Optional.of(files.stream().map(File::toPath).toList());
    }

    /** A folder of manifests to audit; empty when the user cancelled. */
    static Optional<List<Path>> chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Audit a folder of manifests");
        return Optional.ofNullable(chooser.showDialog(owner)).map(folder -> List.of(folder.toPath()));
    }

    /** Where to export the audit in this format; empty when the user cancelled. */
    static Optional<Path> saveAs(Window owner, AuditExport.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit as " + format.id());
        chooser.setInitialFileName("token-audit." + format.extension());
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }
}
