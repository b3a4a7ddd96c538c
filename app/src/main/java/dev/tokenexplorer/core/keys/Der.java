package dev.tokenexplorer.core.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough DER to take apart the few key structures Java cannot read by itself (SEC1 EC
 * private keys). Every read is bounds-checked: a malformed key is an {@link IllegalArgumentException}.
 */
final class Der {

    /** One TLV: its tag byte and content. */
    record Element(int tag, byte[] content) {
        List<Element> children() {
            return Der.sequence(content);
        }
    }

    private Der() {
    }

    static Element read(byte[] der) {
        List<Element> elements = sequence(der);
        if (elements.size() != 1) {
            throw new IllegalArgumentException("expected one DER element, found " + elements.size());
        }
        return elements.get(0);
    }

    static List<Element> sequence(byte[] content) {
        List<Element> elements = new ArrayList<>();
        int at = 0;
        while (at < content.length) {
            if (at + 2 > content.length) throw new IllegalArgumentException("truncated DER");
            int tag = content[at++] & 0xff;
            int length = content[at++] & 0xff;
            if (length >= 0x80) {
                int bytes = length & 0x7f;
                if (bytes == 0 || bytes > 3 || at + bytes > content.length) throw new IllegalArgumentException("bad DER length");
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (content[at++] & 0xff);
                }
            }
            if (at + length > content.length) throw new IllegalArgumentException("truncated DER");
            elements.add(new Element(tag, Arrays.copyOfRange(content, at, at + length)));
            at += length;
        }
        return elements;
    }

    /** An OBJECT IDENTIFIER's content as dotted text. */
    static String oid(byte[] content) {
        if (content.length == 0) throw new IllegalArgumentException("empty OID");
        StringBuilder out = new StringBuilder().append(content[0] / 40 & 0xff).append('.').append((content[0] & 0xff) % 40);
        long value = 0;
        for (int i = 1; i < content.length; i++) {
            value = (value << 7) | (content[i] & 0x7f);
            if ((content[i] & 0x80) == 0) {
                out.append('.').append(value);
                value = 0;
            }
        }
        return out.toString();
    }
}
