package dev.tokenexplorer.core.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Utf8Test {

    @Test
    void asciiIsCopiedAsItIs() throws Exception {
        assertThat(Utf8.strict("eyJhbGciOiJSUzI1NiJ9 {}\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("eyJhbGciOiJSUzI1NiJ9 {}\n");
        assertThat(Utf8.strict(new byte[0])).isEmpty();
    }

    @Test
    void multiByteTextIsDecoded() throws Exception {
        String text = "namespace: équipe-🚀";
        assertThat(Utf8.strict(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void malformedBytesAreRefusedNotReplaced() {
        assertThatThrownBy(() -> Utf8.strict(new byte[]{'a', (byte) 0xC3})).isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> Utf8.strict(new byte[]{(byte) 0xFF, 'a'})).isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> Utf8.strict(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void aRealReplacementCharacterIsKeptAndAMalformedByteBesideItRefused() throws Exception {
        String text = "before \uFFFD after";
        assertThat(Utf8.strict(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        byte[] both = ("\uFFFD" + "x").getBytes(StandardCharsets.UTF_8);
        both[both.length - 1] = (byte) 0x80;
        assertThatThrownBy(() -> Utf8.strict(both)).isInstanceOf(CharacterCodingException.class);
    }
}
