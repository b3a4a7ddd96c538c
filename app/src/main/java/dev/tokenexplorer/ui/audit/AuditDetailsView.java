package dev.tokenexplorer.ui.audit;

import dev.tokenexplorer.core.audit.AuditedSecret;
import dev.tokenexplorer.core.kube.Access;
import dev.tokenexplorer.core.kube.Plan;
import dev.tokenexplorer.core.kube.SecretVerdict;
import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.ui.support.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Why the selected Secret is flagged, who uses it, what its account may do, and the plan that
 * replaces it, with its patches and command ready to copy. Everything shown is core's own words.
 */
final class AuditDetailsView extends VBox {

    private final javafx.beans.value.ObservableValue<java.time.ZoneId> zone;

    AuditDetailsView(javafx.beans.value.ObservableValue<java.time.ZoneId> zone) {
        super(6);
        this.zone = zone;
        setId("audit-details");
        getStyleClass().add("audit-details");
        show(null);
    }

    void show(AuditedSecret secret) {
        getChildren().clear();
        if (secret == null) {
            getChildren().add(muted("Select a row to see why it is flagged, who uses it and what replaces it; Enter or a double-click opens its token."));
            return;
        }
        Label title = new Label(Printable.escape(secret.label() + "  ·  service account " + (secret.serviceAccount().isEmpty() ? "(none)" : secret.serviceAccount())
                + (secret.verifiedBy() == null ? "" : "  ·  verified by " + secret.verifiedBy()) + "  ·  from " + secret.source()));
        title.getStyleClass().add("audit-details-title");
        getChildren().add(title);
        if (secret.findings().isEmpty()) {
            getChildren().add(Icons.finding(Finding.of(FindingCode.NO_FINDINGS, "Nothing to report: used recently, not marked invalid.")));
        }
        secret.findings().forEach(f -> getChildren().add(Icons.finding(new Finding(f.type(), Printable.escape(TimeText.inZone(f.message(), zone.getValue()))))));

        heading("Used by");
        if (secret.usedBy().isEmpty()) {
            getChildren().add(muted("No workload or Pod of the dump references it" + (secret.plan().reason().contains("unknown") ? " (no Pods were read)." : ".")));
        }
        secret.usedBy().forEach(u -> getChildren().add(wrapped("• " + SecretVerdict.describe(u))));

        heading("May do");
        Access access = secret.access();
        if (!access.known()) {
            getChildren().add(muted("Unknown: the dump holds no RBAC objects."));
        } else if (access.risks().isEmpty()) {
            getChildren().add(muted("Nothing dangerous: no cluster-admin, Secret reading, token minting, impersonation, escalation or Pod creation."));
        }
        access.risks().forEach(r -> getChildren().add(wrapped("• " + r.risk() + (r.clusterWide() ? " cluster-wide" : " in " + r.scope())
                + " — " + r.grantedBy())));

        Plan plan = secret.plan();
        heading("Plan: " + plan.title());
        getChildren().add(wrapped(plan.reason()));
        if (plan.command() != null) {
            getChildren().add(copyable(plan.command(), "Copy the command"));
        }
        for (Plan.Patch patch : plan.patches()) {
            getChildren().add(wrapped(patch.kind() + " " + patch.namespace() + "/" + patch.name()
                    + (patch.note() == null ? "" : ": " + patch.note())));
            if (patch.patch() != null) {
                getChildren().add(copyable(patch.command(), "Copy the kubectl patch command"));
                TextArea text = new TextArea(patch.patch());
                text.setEditable(false);
                text.setPrefRowCount(Math.min(12, (int) patch.patch().lines().count()));
                text.getStyleClass().addAll("mono", "audit-patch");
                getChildren().add(withCopy(text, patch.patch(), "Copy the patch (save it as " + patch.fileName() + ")"));
            }
        }
    }

    private void heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("audit-details-heading");
        getChildren().add(label);
    }

    private static Label muted(String text) {
        Label label = wrapped(text);
        label.getStyleClass().add("muted");
        return label;
    }

    /** Names and messages quote the dump: every non-printable character is shown escaped. */
    private static Label wrapped(String text) {
        Label label = new Label(Printable.escape(text));
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static Node copyable(String command, String tooltip) {
        Label code = new Label(Printable.escape(command));
        code.getStyleClass().add("mono");
        return withCopy(code, command, tooltip);
    }

    private static HBox withCopy(Node content, String text, String tooltip) {
        Button copy = new Button(null, Icons.of(Feather.COPY));
        copy.getStyleClass().addAll("flat", "copy-button");
        copy.setTooltip(new Tooltip(tooltip));
        copy.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(text);
            Clipboard.getSystemClipboard().setContent(clip);
        });
        HBox row = new HBox(6, content, copy);
        row.setAlignment(Pos.TOP_LEFT);
        javafx.scene.layout.HBox.setHgrow(content, javafx.scene.layout.Priority.ALWAYS);
        return row;
    }
}
