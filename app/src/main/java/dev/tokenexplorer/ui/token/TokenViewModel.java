package dev.tokenexplorer.ui.token;

import dev.tokenexplorer.core.text.Printable;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.token.KubernetesClaims;
import dev.tokenexplorer.core.token.Redactor;
import dev.tokenexplorer.core.token.TokenReport;
import dev.tokenexplorer.ui.claims.ClaimRow;
import dev.tokenexplorer.ui.claims.ClaimRows;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import dev.tokenexplorer.core.text.TimeText;
import java.time.ZoneId;
import java.util.List;

/** What the details pane shows for the selected token: title, badges, findings, claim rows, raw JSON. */
public final class TokenViewModel {

    private final Clock clock;
    private final ObjectProperty<TokenReport> token = new SimpleObjectProperty<>(this, "token");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyStringWrapper revokedBy = new ReadOnlyStringWrapper(this, "revokedBy", "");
    private final ReadOnlyStringWrapper headerJson = new ReadOnlyStringWrapper(this, "headerJson", "");
    private final ReadOnlyStringWrapper payloadJson = new ReadOnlyStringWrapper(this, "payloadJson", "");
    private final ReadOnlyObjectWrapper<List<ClaimRow>> claimRows = new ReadOnlyObjectWrapper<>(this, "claimRows", List.of());
    private final ReadOnlyObjectWrapper<List<ClaimRow>> headerRows = new ReadOnlyObjectWrapper<>(this, "headerRows", List.of());
    private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper(this, "missing", "");
    private final ReadOnlyBooleanWrapper hasTimes = new ReadOnlyBooleanWrapper(this, "hasTimes");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** Kept in a field: an unmodifiable view forwards changes only while it is referenced. */
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);

    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneId.systemDefault());

    public TokenViewModel(Clock clock) {
        this.clock = clock;
        token.addListener((obs, old, t) -> show(t));
        zone.addListener((obs, old, z) -> show(token.get()));
    }

    /** The one zone every time shows in, named. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ObjectProperty<TokenReport> tokenProperty() {
        return token;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    /** What makes the token stop working; empty for a token that is not a service account's. */
    public ReadOnlyStringProperty revokedByProperty() {
        return revokedBy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headerJsonProperty() {
        return headerJson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty payloadJsonProperty() {
        return payloadJson.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ClaimRow>> claimRowsProperty() {
        return claimRows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ClaimRow>> headerRowsProperty() {
        return headerRows.getReadOnlyProperty();
    }

    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** Header and claims with UIDs, jti and signature masked, for sharing in a ticket; empty when nothing is decoded. */
    public String redactedText() {
        TokenReport t = token.get();
        return t == null || t.jwt() == null ? "" : Redactor.redact(t.jwt());
    }

    /** Header and payload as one JSON document, {"header": …, "payload": …}, for the clipboard; empty when nothing was decoded. */
    public String decodedJson() {
        TokenReport t = token.get();
        if (t == null || t.jwt() == null) {
            return "";
        }
        var both = Json.nodes().objectNode();
        both.set("header", t.jwt().header());
        both.set("payload", t.decoded() ? t.jwt().claims() : Json.nodes().nullNode());
        return Json.pretty(both);
    }

    /**
     * What could not be decoded, said where the claims would be ("No claims: the payload segment …");
     * "No claims" for a token that simply has none.
     */
    public ReadOnlyStringProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** Whether the token's times were read, so that there is a timeline to draw. */
    public ReadOnlyBooleanProperty hasTimesProperty() {
        return hasTimes.getReadOnlyProperty();
    }

    /** Findings quote the token: shown with every non-printable character escaped. */
    private List<Finding> escaped(List<Finding> findings) {
        return findings.stream().map(f -> new Finding(f.type(), Printable.escape(TimeText.inZone(f.message(), zone.get())))).toList();
    }

    private void show(TokenReport t) {
        hasTimes.set(t != null && t.decoded());
        if (t == null || !t.decoded()) {
            // Not even the claims: the header still shows when it was read (the payload cut off or damaged).
            boolean header = t != null && t.jwt() != null;
            title.set(t == null ? "" : header ? "Only this token's header could be read" : "This token could not be decoded");
            subtitle.set(t == null ? "" : Printable.escape(t.location()));
            revokedBy.set("");
            headerJson.set(header ? Json.pretty(t.jwt().header()) : "");
            payloadJson.set(t == null ? "" : "(not decoded)");
            claimRows.set(List.of());
            headerRows.set(header ? ClaimRows.header(t.jwt().header(), clock.instant(), zone.get()) : List.of());
            String why = header && t.jwt().payloadProblem() != null ? t.jwt().payloadProblem() : t == null ? null : t.error();
            missing.set(why == null ? "No claims" : "No claims. " + Printable.escape(why));
            findings.setAll(t == null ? List.of() : escaped(t.findingsWithError()));
            return;
        }
        missing.set("No claims");
        Instant now = clock.instant();
        KubernetesClaims k8s = t.kubernetes();
        // Everything shown comes from the token: non-printable characters are shown escaped.
        title.set(Printable.escape(k8s.serviceAccountLabel() == null ? t.jwt().claimText("sub").orElse("Token without a subject")
                : "Service account " + k8s.serviceAccountLabel()));
        String bound = k8s.boundDescription();
        subtitle.set(Printable.escape((bound == null ? t.kind().title() : "Bound to " + bound) + " · found in " + t.location()));
        revokedBy.set(t.revokedBy() == null ? "" : Printable.escape(TimeText.inZone(t.revokedBy(), zone.get())));
        headerJson.set(Json.pretty(t.jwt().header()));
        payloadJson.set(Json.pretty(t.jwt().claims()));
        claimRows.set(ClaimRows.claims(t.jwt().claims(), now, zone.get()));
        headerRows.set(ClaimRows.header(t.jwt().header(), now, zone.get()));
        findings.setAll(escaped(t.findingsWithError()));
    }
}
