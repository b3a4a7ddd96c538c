package dev.tokenexplorer.core.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: malformed input is an error, never replaced. */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * The text these bytes spell, refusing anything that is not UTF-8. ASCII (every base64 value,
     * every token) is copied as it is, without a decoder and its buffers; the same answer, cheaper.
     */
    public static String strict(byte[] bytes) throws CharacterCodingException {
        for (byte b : bytes) {
            if (b < 0) {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
