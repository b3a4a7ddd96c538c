package dev.tokenexplorer.core.jwt;

import dev.tokenexplorer.support.Fixtures;
import dev.tokenexplorer.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JwtDecoderTest {

    private final JwtDecoder decoder = new JwtDecoder();

    private DecodedJwt decoded(String token) {
        JwtDecoder.Decoding decoding = decoder.decode(token);
        assertThat(decoding).isInstanceOf(JwtDecoder.Decoded.class);
        return ((JwtDecoder.Decoded) decoding).jwt();
    }

    private String malformed(String token) {
        JwtDecoder.Decoding decoding = decoder.decode(token);
        assertThat(decoding).isInstanceOf(JwtDecoder.Malformed.class);
        return ((JwtDecoder.Malformed) decoding).message();
    }

    @Test
    void decodesTheSeedTokenIntoHeaderClaimsAndSegments() {
        String token = Fixtures.text(Fixtures.PROJECTED).strip();
        DecodedJwt jwt = decoded(token);

        assertThat(jwt.header().toString()).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"wMU4GOsuqPnFjPar7NaZZTEmNlc2I_W75faEDbLB7dI\"}");
        assertThat(jwt.headerSegment() + "." + jwt.payloadSegment() + "." + jwt.signatureSegment()).isEqualTo(token);
        List<String> names = new ArrayList<>();
        jwt.claims().fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("aud", "exp", "iat", "iss", "kubernetes.io", "nbf", "sub");
    }

    @Test
    void keepsClaimOrderAndExactNumbers() {
        String payload = "{\"z\":1,\"big\":123456789012345678901234567890,\"f\":1.10,\"a\":[1,{\"b\":null}],\"exp\":1e3}";
        DecodedJwt jwt = decoded(TestTokens.unsigned(payload));

        assertThat(jwt.claims().toString()).isEqualTo("{\"z\":1,\"big\":123456789012345678901234567890,\"f\":1.10,\"a\":[1,{\"b\":null}],\"exp\":1E+3}");
        assertThat(jwt.claims().get("big").bigIntegerValue().toString()).isEqualTo("123456789012345678901234567890");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            two segments           | eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0                        | has 3 segments separated by dots (header.payload.signature); this has 2
            no dot                 | eyJhbGciOiJub25lIn0                                        | this has no dot at all
            five segments (JWE)    | a.b.c.d.e                                                  | encrypted JWE
            standard base64 in it  | eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0+.                      | payload segment is not valid base64url: character '+' at position 36
            truncated segment      | eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0xA.                     | payload segment is not valid base64url: its length (17 characters)
            header is binary       | __8.eyJzdWIiOiJ4In0.                                       | header segment decodes to binary data
            empty header           | .eyJzdWIiOiJ4In0.                                          | header segment is empty
            bootstrap token        | abcdef.0123456789abcdef                                    | kubeadm bootstrap token
            """)
    void malformedTokensNameTheSegmentAndProblem(String name, String token, String expected) {
        assertThat(malformed(token)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            payload is not JSON    | eyJhbGciOiJub25lIn0.bm90IGpzb24.   | The payload segment is not valid JSON: unexpected text 'not'
            payload is an array    | eyJhbGciOiJub25lIn0.WzEsMl0.       | The payload segment holds a JSON array, but it must be a JSON object
            """)
    void payloadThatIsNotClaimsIsNamedButTheJwsIsKept(String name, String token, String expected) {
        DecodedJwt jwt = decoded(token);

        assertThat(jwt.payloadProblem()).startsWith(expected);
        assertThat(jwt.claims()).isEmpty();
        assertThat(jwt.algorithm()).contains("none");
    }

    @Test
    void duplicateClaimsAreRefused() {
        assertThat(decoded(TestTokens.unsigned("{\"sub\":\"a\",\"sub\":\"b\"}")).payloadProblem())
                .contains("payload segment is not valid JSON").contains("Duplicate field 'sub'");
    }

    @Test
    void deeplyNestedPayloadStopsAtTheLimit() {
        String deep = "{\"a\":".repeat(500) + "1" + "}".repeat(500);
        assertThat(decoded(TestTokens.unsigned(deep)).payloadProblem()).contains("nested deeper than 200 levels");
    }

    @Test
    void headerThatIsNotJsonIsMalformed() {
        assertThat(malformed(TestTokens.b64("[1]") + "." + TestTokens.b64("{}") + ".")).contains("header segment holds a JSON array");
    }
}
