package dev.tokenexplorer.ui;

import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.ui.claims.ClaimRow;
import dev.tokenexplorer.ui.token.TokenViewModel;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.ui.claims.ClaimRow;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The details pane's state, without a toolkit. */
class TokenViewModelTest {

    private static final Instant NOW = Instant.parse("2022-08-19T12:08:00Z");

    private final TokenViewModel model = new TokenViewModel(Clock.fixed(NOW, ZoneOffset.UTC));

    private ClaimRow exp() {
        return model.claimRowsProperty().get().stream().filter(r -> r.name().equals("exp")).findFirst().orElseThrow();
    }

    @Test
    void datesShowInTheChosenZoneOnlyNamingIt() {
        model.zoneProperty().set(ZoneId.of("Europe/Berlin"));
        model.tokenProperty().set(new TokenAnalyzer().analyze("token", Fixtures.text(Fixtures.PROJECTED), NOW, List.of()));

        assertThat(exp().value()).isEqualTo("19 Aug 2023 13:49:01 CEST");
        assertThat(exp().raw()).isEqualTo("1692445741");
        assertThat(exp().when()).isEqualTo("in 12 months");

        model.zoneProperty().set(ZoneOffset.UTC);

        assertThat(exp().value()).isEqualTo("19 Aug 2023 11:49:01 UTC");
    }

    @Test
    void titleAndSubtitleSayWhoAndWhatItIsBoundTo() {
        model.tokenProperty().set(new TokenAnalyzer().analyze("Secret default/x data.token", Fixtures.text(Fixtures.PROJECTED), NOW, List.of()));

        assertThat(model.titleProperty().get()).isEqualTo("Service account default/default");
        assertThat(model.subtitleProperty().get()).isEqualTo("Bound to Pod default/busybox · found in Secret default/x data.token");
        assertThat(model.payloadJsonProperty().get()).startsWith("{\n  \"aud\": [\n    \"https://kubernetes.default.svc.cluster.local\"\n  ],");
    }

    @Test
    void malformedTokenShowsItsErrorAsAFinding() throws Exception {
        model.tokenProperty().set(new TokenAnalyzer().analyze("token", "eyJhbGciOiJub25lIn0.eyJ.", NOW, List.of()));

        // The header was read: it shows; where the claims would be, what is missing and why.
        assertThat(model.titleProperty().get()).isEqualTo("Only this token's header could be read");
        assertThat(model.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("payload segment"));
        assertThat(model.headerRowsProperty().get()).anySatisfy(r -> assertThat(r.name() + "=" + r.value()).isEqualTo("alg=none"));
        assertThat(model.missingProperty().get()).startsWith("No claims. The payload segment");
        assertThat(model.hasTimesProperty().get()).as("no empty timeline").isFalse();
        assertThat(Json.parse(model.decodedJson()).get("payload").isNull()).isTrue();

        model.tokenProperty().set(new TokenAnalyzer().analyze("token", "not-a-token", NOW, List.of()));
        assertThat(model.titleProperty().get()).isEqualTo("This token could not be decoded");
        assertThat(model.headerRowsProperty().get()).isEmpty();
        assertThat(model.decodedJson()).isEmpty();
    }

    @Test
    void aTokenCutOffBeforeItsSignatureShowsEverythingItSaysAndCopiesOneDocument() throws Exception {
        String token = dev.tokenexplorer.support.TestTokens.rs256("{\"sub\":\"system:serviceaccount:ci:deployer\",\"iat\":1660900000,\"exp\":1660920000}");
        model.tokenProperty().set(new TokenAnalyzer().analyze("token", token.substring(0, token.lastIndexOf('.')), NOW, List.of()));

        assertThat(model.titleProperty().get()).isEqualTo("Service account ci/deployer");
        assertThat(model.hasTimesProperty().get()).isTrue();
        assertThat(model.claimRowsProperty().get()).extracting(ClaimRow::name).contains("sub", "iat", "exp");
        assertThat(model.findings().get(0).message()).contains("the signature is missing").contains("header and claims are shown");
        JsonNode copied = Json.parse(model.decodedJson());
        assertThat(copied.get("header").get("alg").asText()).isEqualTo("RS256");
        assertThat(copied.get("payload").get("sub").asText()).isEqualTo("system:serviceaccount:ci:deployer");
    }

    @Test
    void controlAndBidiCharactersFromTheTokenShowEscapedInTheWindow() {
        String token = dev.tokenexplorer.support.TestTokens.rs256("{\"sub\":\"evil\\u001b[8m\\u202e\",\"exp\":1000000000000000000,"
                + "\"iss\":\"line\\nbreak\"}");
        model.tokenProperty().set(new TokenAnalyzer().analyze("token", token, NOW, List.of()));

        assertThat(model.titleProperty().get()).isEqualTo("evil\\u001b[8m\\u202e");
        assertThat(model.claimRowsProperty().get()).filteredOn(r -> r.name().equals("iss")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo("line\\nbreak"));
        assertThat(exp().value()).isEqualTo("1000000000000000000");
        assertThat(exp().when()).isNull();
        assertThat(model.findings()).extracting(f -> f.code()).contains("invalid-time-claim");
    }
}
