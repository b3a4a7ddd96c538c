package dev.tokenexplorer.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit's lean reading of a Secret ({@link TokenSecret#forVerdict}) says what the whole one
 * ({@link TokenSecret#of}) says about everything the verdict reads: only the values are left out.
 */
class TokenSecretForVerdictTest {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode secret(String data, String stringData) throws Exception {
        return Json.parse("{\"kind\":\"Secret\",\"type\":\"kubernetes.io/service-account-token\",\"metadata\":{\"name\":\"robot-token\","
                + "\"annotations\":{\"kubernetes.io/service-account.name\":\"robot\"}},\"data\":" + data
                + (stringData == null ? "" : ",\"stringData\":" + stringData) + "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"token\":\"TOKEN\",\"ca.crt\":\"CA\",\"namespace\":\"NS\"}",
            "{\"token\":\"TOKEN\",\"ca.crt\":\"not base64!\",\"namespace\":\"NS\"}",
            "{\"token\":\"TOKEN\",\"ca.crt\":\"/w==\",\"namespace\":\"/w==\"}",
            "{\"token\":\"/w==\",\"ca.crt\":12,\"namespace\":\"NS\"}",
            "{\"token\":\"BROKEN\",\"ca.crt\":null}",
            "{\"token\":\"\",\"namespace\":\"NS\"}",
            "{}",
    })
    void agreesWithTheWholeReading(String data) throws Exception {
        String filled = data.replace("TOKEN", b64(" eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. "))
                .replace("BROKEN", "ZXlK\\nYWJj\\tZA==").replace("CA", b64("-----BEGIN CERTIFICATE-----\n"))
                .replace("NS", b64("team-a"));
        for (String stringData : new String[]{null, "{\"token\":\"from-string-data\"}"}) {
            JsonNode object = secret(filled, stringData);
            TokenSecret whole = TokenSecret.of(object);
            TokenSecret lean = TokenSecret.forVerdict(object);
            assertThat(lean.values()).isEmpty();
            assertThat(lean.locations()).isEqualTo(whole.tokenLocation() == null ? Map.of() : Map.of("token", whole.tokenLocation()));
            assertThat(lean).usingRecursiveComparison().ignoringFields("values", "locations").isEqualTo(whole);
        }
    }

    @Test
    void base64WithLineBreaksAndSpacesIsDecodedAndAnyOtherWhitespaceRefused() throws Exception {
        String wrapped = b64("team-a-and-a-long-name");
        JsonNode object = secret("{\"namespace\":\"" + wrapped.substring(0, 8) + "\\r\\n" + wrapped.substring(8, 12) + " "
                + wrapped.substring(12) + "\",\"ca.crt\":\"" + wrapped.substring(0, 8) + "\\t" + wrapped.substring(8) + "\"}", null);
        TokenSecret secret = TokenSecret.forVerdict(object);
        assertThat(secret.namespace()).isEqualTo("team-a-and-a-long-name");
        assertThat(secret.undecodable()).containsExactly("ca.crt");
        assertThat(secret.problems()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(FindingCode.DATA_NOT_BASE64);
            assertThat(p.message()).contains("data.ca.crt is not valid base64 (Illegal base64 character 9)");
        });
    }
}
