package dev.tokenexplorer.core.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.json.JsonReadException;
import dev.tokenexplorer.core.text.Utf8;

import java.nio.charset.CharacterCodingException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Takes a compact JWS apart. Decoding needs no key and trusts nothing: the signature is not
 * checked here, and every malformation is named with its segment and position.
 */
public final class JwtDecoder {

    /** kubeadm's bootstrap tokens, id.secret (k8s.io/cluster-bootstrap/token/api): a bearer token, not a JWT. */
    public static final Pattern BOOTSTRAP_TOKEN = Pattern.compile("([a-z0-9]{6})\\.([a-z0-9]{16})");

    /** The outcome of decoding: a token, or a sentence saying what is wrong and where. */
    public sealed interface Decoding permits Decoded, Malformed {
    }

    public record Decoded(DecodedJwt jwt) implements Decoding {
    }

    /**
     * Not a whole JWT. {@code partial} holds what could still be read when only the signature is
     * missing or damaged (a token cut off when copied): its header and claims, to show and judge.
     */
    public record Malformed(String message, DecodedJwt partial) implements Decoding {
        public Malformed(String message) {
            this(message, null);
        }
    }

    private enum Segment {
        HEADER("header"), PAYLOAD("payload"), SIGNATURE("signature");
        final String label;

        Segment(String label) {
            this.label = label;
        }
    }

    public Decoding decode(String compact) {
        String token = compact == null ? "" : compact.strip();
        if (token.isEmpty()) {
            return new Malformed("The token is empty.");
        }
        String[] parts = segments(token);
        if (parts.length == 2) {
            DecodedJwt partial = partial(parts[0], parts[1], token);
            return new Malformed(twoSegments(token, partial), partial);
        }
        if (parts.length != 3) {
            return new Malformed(segmentCountMessage(token, parts.length));
        }
        int offset = 0;
        byte[][] bytes = new byte[3][];
        for (Segment segment : Segment.values()) {
            String part = parts[segment.ordinal()];
            try {
                // The decoder accepts exactly base64url; the character-by-character look that says
                // what is wrong and where runs only when it refuses (an audit decodes thousands).
                bytes[segment.ordinal()] = Base64.getUrlDecoder().decode(stripPadding(part));
            } catch (IllegalArgumentException e) {
                String problem = base64urlProblem(part, offset);
                String message = "The " + segment.label + " segment " + (problem != null ? problem : "is not valid base64url.");
                return new Malformed(message, segment == Segment.HEADER ? null : partial(parts[0], parts[1], token));
            }
            offset += part.length() + 1;
        }
        if (parts[0].isEmpty()) {
            return new Malformed("The header segment is empty: a JWT starts with a base64url-encoded JSON header such as {\"alg\":\"RS256\"}.");
        }
        ObjectNode header;
        try {
            header = jsonObject(Segment.HEADER, bytes[0]);
        } catch (SegmentException e) {
            return new Malformed(e.getMessage());
        }
        try {
            ObjectNode claims = jsonObject(Segment.PAYLOAD, bytes[1]);
            return new Decoded(new DecodedJwt(token, parts[0], parts[1], parts[2], header, claims, null));
        } catch (SegmentException e) {
            // A JWS may sign any payload; only a JWT's is a JSON object. Keep it for the signature check.
            return new Decoded(new DecodedJwt(token, parts[0], parts[1], parts[2], header, Json.nodes().objectNode(), e.getMessage()));
        }
    }

    /**
     * What can still be read of a token cut off or damaged after its header: the header, and the
     * claims when the payload reads too (else its problem, as {@link DecodedJwt#payloadProblem()}).
     * Null when not even the header reads.
     */
    private static DecodedJwt partial(String headerPart, String payloadPart, String token) {
        ObjectNode header;
        try {
            header = jsonObject(Segment.HEADER, base64url(Segment.HEADER, headerPart, 0));
        } catch (SegmentException e) {
            return null;
        }
        try {
            ObjectNode claims = jsonObject(Segment.PAYLOAD, base64url(Segment.PAYLOAD, payloadPart, headerPart.length() + 1));
            return new DecodedJwt(token, headerPart, payloadPart, "", header, claims, null);
        } catch (SegmentException e) {
            return new DecodedJwt(token, headerPart, payloadPart, "", header, Json.nodes().objectNode(), e.getMessage());
        }
    }

    private static byte[] base64url(Segment segment, String part, int offset) throws SegmentException {
        try {
            return Base64.getUrlDecoder().decode(stripPadding(part));
        } catch (IllegalArgumentException e) {
            String problem = base64urlProblem(part, offset);
            throw new SegmentException("The " + segment.label + " segment " + (problem != null ? problem : "is not valid base64url."));
        }
    }

    /** A token of two segments: says what is missing, and what of the rest could be read. */
    private static String twoSegments(String token, DecodedJwt partial) {
        String count = segmentCountMessage(token, 2);
        if (BOOTSTRAP_TOKEN.matcher(token).matches()) {
            return count;
        }
        if (partial == null) {
            return count + " Its header cannot be read either, so nothing of it is shown.";
        }
        return partial.payloadProblem() == null ? count + " Its header and claims are shown as they are, unverified."
                : count + " " + partial.payloadProblem() + " Only its header is shown.";
    }

    /** {@code token.split("\\.", -1)}, without a regex or a list: every segment, empty ones included. */
    private static String[] segments(String token) {
        int count = 1;
        for (int i = token.indexOf('.'); i >= 0; i = token.indexOf('.', i + 1)) {
            count++;
        }
        String[] parts = new String[count];
        int start = 0;
        for (int k = 0; k < count - 1; k++) {
            int dot = token.indexOf('.', start);
            parts[k] = token.substring(start, dot);
            start = dot + 1;
        }
        parts[count - 1] = token.substring(start);
        return parts;
    }

    private static String segmentCountMessage(String token, int count) {
        if (count == 2 && BOOTSTRAP_TOKEN.matcher(token).matches()) {
            return "This is a kubeadm bootstrap token (id.secret), not a JWT: it carries no claims to decode.";
        }
        if (count == 5) {
            return "A signed JWT has 3 segments separated by dots; this has 5, the shape of an encrypted JWE, which Kubernetes does not issue.";
        }
        if (count == 1) {
            return "A JWT has 3 segments separated by dots (header.payload.signature); this has no dot at all.";
        }
        if (count == 2) {
            return "A JWT has 3 segments separated by dots (header.payload.signature); this has 2: the signature is missing, "
                    + "perhaps cut off when the token was copied.";
        }
        return "A JWT has 3 segments separated by dots (header.payload.signature); this has " + count + ".";
    }

    private static String stripPadding(String part) {
        int end = part.length();
        while (end > 0 && part.charAt(end - 1) == '=') {
            end--;
        }
        return part.substring(0, end);
    }

    /** Returns what is wrong with a base64url segment, or null when it decodes. */
    private static String base64urlProblem(String part, int offset) {
        String body = stripPadding(part);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                String shown = Character.isISOControl(c) || Character.isWhitespace(c)
                        ? String.format("U+%04X", (int) c) : "'" + c + "'";
                String hint = (c == '+' || c == '/') ? " (that is standard base64; JWTs use base64url, with - and _)" : "";
                return "is not valid base64url: character " + shown + " at position " + (offset + i + 1)
                        + " is not allowed" + hint + ".";
            }
        }
        if (body.length() % 4 == 1) {
            return "is not valid base64url: its length (" + body.length()
                    + " characters) is impossible for base64url, so the token was probably cut off or altered.";
        }
        return null;
    }

    private static ObjectNode jsonObject(Segment segment, byte[] bytes) throws SegmentException {
        String text;
        try {
            text = Utf8.strict(bytes);
        } catch (CharacterCodingException e) {
            throw new SegmentException("The " + segment.label + " segment decodes to binary data, not JSON text.");
        }
        if (text.isBlank()) {
            throw new SegmentException("The " + segment.label + " segment is empty: it must hold a JSON object.");
        }
        JsonNode node;
        try {
            node = Json.parse(text);
        } catch (JsonReadException e) {
            throw new SegmentException("The " + segment.label + " segment is not valid JSON: " + e.getMessage() + ".");
        }
        if (!node.isObject()) {
            throw new SegmentException("The " + segment.label + " segment holds a JSON " + kindOf(node)
                    + ", but it must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    private static String kindOf(JsonNode node) {
        if (node.isArray()) return "array";
        if (node.isTextual()) return "string";
        if (node.isNumber()) return "number";
        if (node.isBoolean()) return "boolean";
        return "null";
    }

    private static final class SegmentException extends Exception {
        SegmentException(String message) {
            super(message, null, false, false);
        }
    }
}
