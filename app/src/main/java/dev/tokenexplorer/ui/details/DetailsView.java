package dev.tokenexplorer.ui.details;

import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.ui.support.Icons;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The details of whatever is selected in the sources sidebar that is not a token: a kubeconfig
 * context, cluster or user, a Secret, a certificate, a key, or a source itself. Values are
 * selectable text; explanations say what a field means.
 */
public final class DetailsView extends ScrollPane {

    private final ObjectProperty<SourceNode> node = new SimpleObjectProperty<>(this, "node");
    private final ObjectProperty<java.time.ZoneId> zone = new SimpleObjectProperty<>(this, "zone", java.time.ZoneOffset.UTC);
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final VBox notes = new VBox(6);
    private final GridPane grid = new GridPane();

    public DetailsView() {
        setId("details-view");
        getStyleClass().add("details-view");
        getStylesheets().add(Objects.requireNonNull(DetailsView.class.getResource("details.css")).toExternalForm());
        setFitToWidth(true);
        title.getStyleClass().add("details-title");
        title.setId("details-title");
        title.setWrapText(true);
        subtitle.getStyleClass().add("details-subtitle");
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setId("details-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        notes.setId("details-notes");
        VBox content = new VBox(10, title, subtitle, notes, grid);
        content.setPadding(new Insets(12, 14, 12, 14));
        setContent(content);
        node.addListener((obs, old, n) -> show(n));
        zone.addListener((obs, old, z) -> show(node.get()));
    }

    private static String kindName(String kind) {
        return switch (kind) {
            case "context" -> "kubeconfig context";
            case "cluster" -> "kubeconfig cluster";
            case "user" -> "kubeconfig user";
            case "secret" -> "Secret";
            case "certificate" -> "Certificate";
            case "key" -> "Key";
            case "service-account" -> "ServiceAccount";
            case "source" -> "Source";
            default -> "Group";
        };
    }

    public ObjectProperty<SourceNode> nodeProperty() {
        return node;
    }

    /** The window's one zone: core's times (a certificate's dates) show in it, named. */
    public ObjectProperty<java.time.ZoneId> zoneProperty() {
        return zone;
    }

    private void show(SourceNode shown) {
        grid.getChildren().clear();
        notes.getChildren().clear();
        if (shown == null) {
            return;
        }
        SourceNode n = shown.inZone(zone.get());
        title.setText(Printable.escape(n.title()));
        String kind = kindName(n.kind());
        subtitle.setText(Printable.escape(kind + (n.subtitle() == null || n.subtitle().isEmpty() ? "" : " · " + n.subtitle())));
        for (Finding note : n.notes()) {
            notes.getChildren().add(Icons.finding(note));
        }
        int row = 0;
        for (SourceNode.Detail detail : n.details()) {
            Label name = new Label(detail.label());
            name.getStyleClass().add("detail-label");
            TextInputControl value = valueField(Printable.escape(detail.value()));
            VBox cell = new VBox(2, value);
            if (detail.explanation() != null) {
                Label explanation = new Label(Printable.escape(detail.explanation()));
                explanation.setWrapText(true);
                explanation.setMinHeight(Region.USE_PREF_SIZE);
                explanation.getStyleClass().add("detail-explanation");
                cell.getChildren().add(explanation);
            }
            grid.add(name, 0, row);
            grid.add(cell, 1, row++);
        }
    }

    /** Long values (a SHA-256 fingerprint, a server URL) wrap in full rather than being cut at the right; all can be selected and copied. */
    private static TextInputControl valueField(String text) {
        TextInputControl value;
        if (text.length() > WRAP_AFTER) {
            TextArea area = new TextArea(text);
            area.setWrapText(true);
            area.setPrefRowCount(Math.min(6, 1 + text.length() / WRAP_AFTER));
            area.setMinHeight(Region.USE_PREF_SIZE);
            value = area;
        } else {
            value = new TextField(text);
        }
        value.setEditable(false);
        value.getStyleClass().add("detail-value");
        return value;
    }

    /** About what a value box shows on one line in the narrowest window. */
    private static final int WRAP_AFTER = 44;
}
