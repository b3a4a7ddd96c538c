package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.kube.SecretVerdict;
import dev.tokenexplorer.core.keys.CertificateDescriber;
import dev.tokenexplorer.core.keys.KeyDescriber;
import dev.tokenexplorer.core.keys.KeyReader;
import dev.tokenexplorer.core.keys.Pem;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.tree.SourceNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises what a user pasted or opened: a JWT (raw, {@code Bearer}, a whole
 * {@code Authorization:} line, or base64-wrapped as in a Secret's data), a Secret or list of
 * them in YAML or JSON, a kubeconfig, a JWKS, a PEM key or certificate. Anything else gets a
 * message that says what was expected.
 */
public final class InputRecognizer {

    /** Inputs larger than this are refused before any parsing (a token is a few kilobytes). */
    public static final int MAX_INPUT_CHARS = 20 * 1024 * 1024;

    static final String EXPECTED = "Expected a JWT (three base64url segments separated by dots, starting with eyJ), "
            + "a Secret or kubeconfig in YAML or JSON, a JWKS, or a PEM public key or certificate.";

    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)^\\s*(?:authorization\\s*:\\s*)?bearer\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9_\\-.+/=\\s]+");


    public RecognizedInput recognize(String source, String text, Instant now) {
        return recognize(source, text, now, null);
    }

    /**
     * @param baseDir the folder of the file the text comes from, for paths inside it (a
     *                kubeconfig's tokenFile); null for pasted text, whose paths are not followed
     */
    public RecognizedInput recognize(String source, String text, Instant now, Path baseDir) {
        return recognize(source, text, now, baseDir, true);
    }

    private RecognizedInput recognize(String source, String text, Instant now, Path baseDir, boolean mayUnwrap) {
        if (text == null || text.isBlank()) {
            return RecognizedInput.failed(source, InputType.UNKNOWN, "The input is empty. " + EXPECTED);
        }
        if (text.length() > MAX_INPUT_CHARS) {
            return RecognizedInput.failed(source, InputType.UNKNOWN, "The input is " + text.length() / (1024 * 1024)
                    + " MB of text, more than the " + MAX_INPUT_CHARS / (1024 * 1024) + " MB this app reads.");
        }
        String trimmed = text.strip();
        if (trimmed.charAt(0) == '\uFEFF') {
            trimmed = trimmed.substring(1).strip();
        }
        Optional<String> binary = binaryProblem(trimmed);
        if (binary.isPresent()) {
            return RecognizedInput.failed(source, InputType.UNKNOWN, binary.get());
        }
        if (Pem.looksLikePem(trimmed)) {
            return pem(source, trimmed, now);
        }
        Matcher bearer = AUTHORIZATION.matcher(trimmed);
        String candidate = bearer.matches() ? bearer.group(1).strip() : trimmed;
        if (TOKEN_CHARS.matcher(candidate).matches()) {
            RecognizedInput token = tokenText(source, candidate, now, baseDir, mayUnwrap, bearer.matches());
            if (token != null) {
                return token;
            }
        }
        if (candidate.indexOf(':') < 0 && candidate.indexOf('{') < 0 && BearerToken.triesToBeJwt(candidate.replaceAll("\\s", ""))) {
            // A JWT with a character no token has (damaged when copied): decoding says which, and where.
            return tokenText(source, candidate, now, baseDir, false, bearer.matches());
        }
        if (bearer.matches()) {
            return RecognizedInput.failed(source, InputType.JWT, "After \"Bearer\" comes text that is not a JWT. " + EXPECTED);
        }
        return objects(source, trimmed, now, baseDir);
    }

    /**
     * A token on its own: compact JWS with line breaks, base64 of one (or of another input), or a
     * bearer token that is no JWT (a bootstrap token; after "Bearer", any opaque token).
     */
    private RecognizedInput tokenText(String source, String candidate, Instant now, Path baseDir, boolean mayUnwrap, boolean bearer) {
        String compact = candidate.replaceAll("\\s", "");
        if (BearerToken.triesToBeJwt(compact)) {
            return new RecognizedInput(source, InputType.JWT, null, List.of(new FoundToken("token", compact, List.of())), List.of(),
                    List.of(), List.of(SourceNode.token("Token", 0)));
        }
        Finding opaque = candidate.chars().anyMatch(Character::isWhitespace) ? null : BearerToken.opaque(compact, "The token");
        boolean bootstrap = opaque != null && opaque.type() == FindingCode.BOOTSTRAP_TOKEN;
        if (opaque != null && (bearer || bootstrap)) {
            return new RecognizedInput(source, InputType.BEARER_TOKEN, null, List.of(), List.of(opaque), List.of(),
                    List.of(new SourceNode("opaque-token", bootstrap ? "Bootstrap token" : "Opaque bearer token",
                            "not a JWT", List.of(), List.of(opaque), List.of(), -1)));
        }
        if (bearer && compact.contains(".")) {
            return null; // "After Bearer comes text that is not a JWT"
        }
        if (!mayUnwrap || compact.length() < 16) {
            return null;
        }
        Optional<String> decoded = base64Text(compact);
        if (decoded.isEmpty()) {
            return null;
        }
        RecognizedInput inner = recognize(source, decoded.get(), now, baseDir, false);
        if (inner.type() == InputType.UNKNOWN) {
            return null;
        }
        List<FoundToken> tokens = inner.tokens().stream()
                .map(t -> new FoundToken(t.location() + " (base64-decoded)", t.compact(), t.context()))
                .toList();
        List<Finding> notes = new ArrayList<>(inner.notes());
        notes.add(0, Finding.of(FindingCode.BASE64_WRAPPED, "The input was base64-encoded, as values under a Secret's data are; it was decoded first."));
        return new RecognizedInput(source, inner.type(), inner.error(), tokens, notes, inner.serviceAccounts(), inner.nodes());
    }

    private static Optional<String> base64Text(String compact) {
        try {
            byte[] bytes = compact.contains("-") || compact.contains("_")
                    ? Base64.getUrlDecoder().decode(compact.replace("=", ""))
                    : Base64.getDecoder().decode(compact);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return binaryProblem(text).isPresent() ? Optional.empty() : Optional.of(text);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Control characters other than tabs and line breaks mean binary data, not text. */
    private static Optional<String> binaryProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                int line = 1 + (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count();
                return Optional.of(String.format(Locale.ROOT,
                        "The input holds binary data (control character U+%04X on line %d), not text. %s", (int) c, line, EXPECTED));
            }
        }
        return Optional.empty();
    }

    private static RecognizedInput pem(String source, String text, Instant now) {
        KeyReader.KeyLoad load = KeyReader.read(source, text);
        List<Pem.Block> blocks = Pem.read(text);
        boolean certificates = !blocks.isEmpty() && blocks.stream().allMatch(b -> b.label().equals("CERTIFICATE"));
        List<SourceNode> nodes = new ArrayList<>(certificateNodes(blocks, now));
        load.keys().stream().filter(k -> k.note() == null || !k.note().startsWith("from the certificate")).map(KeyReader::node).forEach(nodes::add);
        return new RecognizedInput(source, certificates ? InputType.CERTIFICATE : InputType.PUBLIC_KEY, load.error(), List.of(), load.notes(),
                List.of(), nodes);
    }

    /** Every certificate in the PEM text, in order (a chain reads leaf first). */
    static List<SourceNode> certificateNodes(String pem, Instant now) {
        return certificateNodes(Pem.read(pem), now);
    }

    static List<SourceNode> certificateNodes(List<Pem.Block> blocks, Instant now) {
        List<SourceNode> nodes = new ArrayList<>();
        for (Pem.Block block : blocks) {
            if (block.label().equals("CERTIFICATE") && block.der() != null) {
                KeyDescriber.certificate(block.der()).ifPresent(cert -> nodes.add(CertificateDescriber.node(cert, now)));
            }
        }
        return nodes;
    }

    /** YAML or JSON: every object in it, read by the one {@link ObjectReader}, one at a time. */
    private RecognizedInput objects(String source, String text, Instant now, Path baseDir) {
        boolean json = text.startsWith("{") || text.startsWith("[");
        Collected out = new Collected(now, baseDir);
        DocumentReader reader = new DocumentReader(out, !json && multiDocument(text));
        List<JsonNode> plain = new ArrayList<>();
        try {
            ObjectReader.read(text, ObjectReader.Limits.DEFAULT, item -> {
                if (item.role() == ObjectReader.Role.OBJECT && item.value().isValueNode() && item.document() == 1) {
                    plain.add(item.value());
                }
                reader.accept(item);
            });
        } catch (ObjectReader.ReadException e) {
            return RecognizedInput.failed(source, InputType.UNKNOWN, (json ? "The input looks like JSON but is not valid: "
                    : "The input is not valid YAML: ") + e.getMessage() + ".");
        }
        RecognizedInput input = reader.finish(source, SecretVerdict.Judging.at(now));
        if (!plain.isEmpty() && input.type() == InputType.UNKNOWN && input.nodes().isEmpty() && input.notes().isEmpty()) {
            return RecognizedInput.failed(source, InputType.UNKNOWN, "This text is not something Token Explorer can read. " + EXPECTED);
        }
        return input;
    }

    private static final Pattern DOCUMENT_MARKER = Pattern.compile("^---(\\s|$)", Pattern.MULTILINE);

    /** Whether a document marker follows other text: messages then say which document they are about. */
    private static boolean multiDocument(String text) {
        Matcher marker = DOCUMENT_MARKER.matcher(text);
        return marker.find() && (marker.start() > 0 || marker.find());
    }
}
