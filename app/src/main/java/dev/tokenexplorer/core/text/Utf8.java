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
     * The text these bytes spell, refusing anything that is not UTF-8. The JDK's own decoding (its
     * ASCII scan is vectorized) replaces malformed input with U+FFFD, so only a text holding U+FFFD
     * is decoded again strictly, to tell a malformed byte from a real U+FFFD; the same answer as the
     * strict decoder's, without its buffers for every token and Secret value.
     */
    public static String strict(byte[] bytes) throws CharacterCodingException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) < 0) {
            return text;
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static final char REPLACEMENT = '\uFFFD';
}
