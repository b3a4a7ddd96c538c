package dev.tokenexplorer.ui.token;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.Revocation;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.claims.ClaimsView;
import dev.tokenexplorer.ui.support.Badge;
import dev.tokenexplorer.ui.support.Icons;
import dev.tokenexplorer.ui.support.Lazily;
import dev.tokenexplorer.ui.support.PseudoClasses;
import dev.tokenexplorer.ui.timeline.TimelineView;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.Objects;

/** The selected token: who it speaks for, its kind, status and signature, findings, claims and raw JSON. */
public final class TokenView extends StackPane {

    private final TokenViewModel model;
    private final Badge kindBadge = new Badge("kind-badge");
    private final Badge statusBadge = new Badge("status-badge");
    private final Badge signatureBadge = new Badge("signature-badge");
    private final VBox findings = new VBox(6);

    public TokenView(TokenViewModel model, TimelineView timeline) {
        this.model = model;
        getStyleClass().add("token-view");
        getStylesheets().add(Objects.requireNonNull(TokenView.class.getResource("token.css")).toExternalForm());
        // A token whose claims could not be read has no times: no empty timeline frame.
        VBox timelineBox = new VBox(timeline);
        timelineBox.visibleProperty().bind(model.hasTimesProperty());
        timelineBox.managedProperty().bind(timelineBox.visibleProperty());
        VBox content = new VBox(10, createHeader(), timelineBox, createFindings(), createTabs());
        content.getStyleClass().add("token-content");
        // In a small window the page scrolls as a whole rather than squeezing the findings to a
        // line or two and the claims to a sliver; in a large one it fits and the claims grow.
        ScrollPane page = new ScrollPane(content);
        page.setFitToWidth(true);
        page.setFitToHeight(true);
        page.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        page.getStyleClass().add("token-page");
        Label empty = new Label("Paste a token, Secret, kubeconfig, key or certificate to see what it says.");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.setGraphic(Icons.of(Feather.CLIPBOARD));
        page.visibleProperty().bind(model.tokenProperty().isNotNull());
        empty.visibleProperty().bind(model.tokenProperty().isNull());
        getChildren().addAll(empty, page);
        model.tokenProperty().addListener((obs, old, t) -> showBadges(t));
        model.findings().addListener((javafx.collections.ListChangeListener<Finding>) c -> showFindings());
        showBadges(model.tokenProperty().get());
    }

    private VBox createHeader() {
        Label title = new Label();
        title.getStyleClass().add("token-title");
        title.textProperty().bind(model.titleProperty());
        title.setId("token-title");
        Label subtitle = new Label();
        subtitle.getStyleClass().add("token-subtitle");
        subtitle.textProperty().bind(model.subtitleProperty());
        kindBadge.setId("kind-badge");
        statusBadge.setId("status-badge");
        signatureBadge.setId("signature-badge");
        HBox badges = new HBox(6, kindBadge, statusBadge, signatureBadge);
        badges.setAlignment(Pos.CENTER_LEFT);
        Label revoked = new Label();
        revoked.setId("revoked-by");
        revoked.getStyleClass().add("revoked-by");
        revoked.setGraphic(Icons.of(Feather.SLASH));
        revoked.setWrapText(true);
        revoked.setMinHeight(Region.USE_PREF_SIZE);
        revoked.textProperty().bind(model.revokedByProperty());
        revoked.visibleProperty().bind(model.revokedByProperty().isNotEmpty());
        revoked.managedProperty().bind(revoked.visibleProperty());
        revoked.setTooltip(new Tooltip(Revocation.OFFLINE_LIMIT));
        return new VBox(4, title, subtitle, badges, revoked);
    }

    /** Every finding in full: the page scrolls as a whole, so none is squeezed into a box of its own. */
    private VBox createFindings() {
        findings.getStyleClass().add("findings");
        findings.setId("findings");
        findings.setMinHeight(Region.USE_PREF_SIZE);
        findings.managedProperty().bind(findings.visibleProperty());
        findings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.findings()));
        return findings;
    }

    private TabPane createTabs() {
        ClaimsView claims = new ClaimsView("claims-tree");
        claims.rowsProperty().bind(model.claimRowsProperty());
        claims.placeholderProperty().bind(model.missingProperty());
        TabPane tabs = new TabPane(
                tab("Claims", () -> claims, "What the token says, claim by claim"),
                tab("Header", () -> {
                    ClaimsView header = new ClaimsView("header-tree", "Parameter");
                    header.rowsProperty().bind(model.headerRowsProperty());
                    return header;
                }, "How the token was signed"),
                tab("JSON", this::createRaw, "The decoded header and payload, exactly as in the token"));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Only a header could be read: show it, not an empty claims table.
        model.tokenProperty().addListener((obs, old, t) -> {
            if (t != null && !t.decoded() && t.jwt() != null) {
                tabs.getSelectionModel().select(1);
            }
        });
        tabs.setMinHeight(260); // the claims keep room for a few rows; below that the page scrolls
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return tabs;
    }

    /** A tab whose content is built when it is first shown: the first frame builds only the Claims table. */
    private static Tab tab(String title, java.util.function.Supplier<javafx.scene.Node> content, String tooltip) {
        Tab tab = new Tab(title);
        tab.setTooltip(new Tooltip(tooltip));
        Lazily.when(tab.selectedProperty(), Boolean::booleanValue, () -> tab.setContent(content.get()));
        return tab;
    }

    private VBox createRaw() {
        TextArea header = rawArea("raw-header");
        header.textProperty().bind(model.headerJsonProperty());
        header.setPrefRowCount(4);
        header.setMinHeight(Region.USE_PREF_SIZE); // the page scrolls rather than squeeze the header to a line or two
        TextArea payload = rawArea("raw-payload");
        payload.textProperty().bind(model.payloadJsonProperty());
        VBox.setVgrow(payload, Priority.ALWAYS);
        Button copy = new Button("Copy JSON", Icons.of(Feather.COPY));
        copy.setTooltip(new Tooltip("Copy the decoded header and payload as one JSON document (not the token itself)"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.decodedJson());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button redacted = new Button("Copy redacted", Icons.of(Feather.EYE_OFF));
        redacted.setId("copy-redacted");
        redacted.setTooltip(new Tooltip("Copy header and claims with UIDs, jti and the signature masked: safe to paste into a ticket"));
        redacted.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.redactedText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label headerLabel = new Label("Header");
        Label payloadLabel = new Label("Payload");
        headerLabel.getStyleClass().add("section-label");
        payloadLabel.getStyleClass().add("section-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox raw = new VBox(6, new HBox(6, headerLabel, spacer, redacted, copy), header, payloadLabel, payload);
        raw.getStyleClass().add("raw-json");
        return raw;
    }

    private static TextArea rawArea(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("mono");
        return area;
    }

    private void showBadges(TokenReport t) {
        boolean ok = t != null && t.decoded();
        kindBadge.show(ok ? t.kind().id() : null, ok ? t.kind().title() : null);
        statusBadge.show(ok ? t.status().id() : null, ok ? t.status().title() + " (judged with the API server's 60 s leeway)" : null);
        boolean signed = t != null && t.signature() != null;
        signatureBadge.show(signed ? t.signature().id() : null, signed ? t.signature().title()
                + (t.verifiedBy() == null ? "" : " by key " + t.verifiedBy()) + "\n" + Revocation.OFFLINE_LIMIT : null);
        if (ok) {
            PseudoClasses.kind(kindBadge, t.kind());
            PseudoClasses.status(statusBadge, t.status());
        }
        if (signed) {
            PseudoClasses.signature(signatureBadge, t.signature());
        }
    }

    private void showFindings() {
        findings.getChildren().clear();
        for (Finding finding : model.findings()) {
            findings.getChildren().add(Icons.finding(finding));
        }
    }
}
