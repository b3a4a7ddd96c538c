package dev.tokenexplorer.core.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Json;
import dev.tokenexplorer.core.json.JsonReadException;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.tree.SourceNode;

import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads verification keys from what a user has: {@code sa.pub} (one or several PEM blocks, as
 * {@code --service-account-key-file} allows), a certificate, the cluster's JWKS
 * ({@code /openid/v1/jwks}) or a single JWK, or a private key, of which only the public half is
 * kept. Nothing is fetched: an OpenID discovery document gets a message pointing to its JWKS.
 */
public final class KeyReader {

    /** The keys read from one input, what was said about them, or why there are none. */
    public record KeyLoad(List<LoadedKey> keys, List<Finding> notes, String error) {
        public KeyLoad {
            keys = List.copyOf(keys);
            notes = List.copyOf(notes);
        }

        static KeyLoad failed(String error) {
            return new KeyLoad(List.of(), List.of(), error);
        }
    }

    private static final String EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1";

    private KeyReader() {
    }

    public static KeyLoad read(String source, String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return KeyLoad.failed("There is nothing to read: paste a public key, certificate or JWKS.");
        }
        if (Pem.looksLikePem(trimmed)) {
            return pem(source, trimmed);
        }
        if (trimmed.startsWith("{")) {
            try {
                return json(source, Json.parse(trimmed));
            } catch (JsonReadException e) {
                return KeyLoad.failed("This looks like JSON but is not valid: " + e.getMessage() + ".");
            }
        }
        return KeyLoad.failed("Not a key: expected a PEM public key, certificate or private key (-----BEGIN …-----), or a JWKS ({\"keys\":[…]}).");
    }

    /** More keys than any cluster publishes; a JWKS or PEM file with more is cut here, with a message. */
    public static final int MAX_KEYS = 1_000;

    private static final String SECRET_NOTE = "given explicitly as a shared secret";
    private static final String PUBLIC_AS_SECRET_NOTE = "given as a shared secret, but these bytes are a public key";

    /**
     * An HMAC secret the user gave explicitly as a secret: the only way HS256/384/512 is ever
     * checked. Bytes that are a public key are still used as asked, but noted: that is the
     * algorithm-confusion attack, and {@link #describe} warns of it.
     */
    public static LoadedKey hmacSecret(String source, byte[] secret) {
        return new LoadedKey(source, "HMAC secret (" + secret.length + " bytes)", null, null,
                new SecretKeySpec(secret.clone(), "HMAC"), isPublicKey(secret) ? PUBLIC_AS_SECRET_NOTE : SECRET_NOTE);
    }

    /** The warning for a shared secret whose bytes are a public key (PEM or DER), if they are. */
    public static java.util.Optional<Finding> publicKeyAsSecret(String source, byte[] secret) {
        return isPublicKey(secret) ? java.util.Optional.of(publicKeyAsSecretWarning(source)) : java.util.Optional.empty();
    }

    private static Finding publicKeyAsSecretWarning(String where) {
        return Finding.of(FindingCode.HMAC_SECRET_IS_PUBLIC_KEY, where + " is given as an HMAC secret, but its bytes are a public key or"
                + " certificate. Verifying HMAC with a public key's bytes is the algorithm-confusion attack: anyone holding the public"
                + " key can forge tokens that pass such a check. Kubernetes never issues HMAC tokens; load the key with --key instead.");
    }

    /** Whether bytes are a public key or certificate, as PEM text or DER. */
    static boolean isPublicKey(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            return Pem.read(text).stream().anyMatch(b -> b.label().equals("PUBLIC KEY") || b.label().equals("RSA PUBLIC KEY")
                    || b.label().equals("CERTIFICATE"));
        }
        if (bytes.length > 0 && bytes[0] == 0x30) {
            return KeyDescriber.publicKey(bytes).isPresent() || KeyDescriber.certificate(bytes).isPresent()
                    || KeyDescriber.publicKey(KeyDescriber.spkiFromPkcs1(bytes)).isPresent();
        }
        return false;
    }

    private static KeyLoad pem(String source, String text) {
        List<LoadedKey> keys = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        List<Pem.Block> blocks = Pem.read(text);
        if (blocks.isEmpty()) {
            return KeyLoad.failed("The text has a -----BEGIN line but no complete PEM block: the matching -----END line is missing.");
        }
        if (Pem.truncated(blocks)) {
            notes.add(Finding.of(FindingCode.TOO_MANY_KEYS, "The text holds more than " + Pem.MAX_BLOCKS
                    + " PEM blocks; only the first " + Pem.MAX_BLOCKS + " are read (a cluster uses a handful of keys)."));
        }
        for (int i = 0; i < blocks.size(); i++) {
            Pem.Block block = blocks.get(i);
            String where = blocks.size() > 1 ? "PEM block " + (i + 1) + " (" + block.label() + ", line " + block.line() + ")" : block.label();
            String name = blocks.size() > 1 ? source + " #" + (i + 1) : source;
            if (block.error() != null) {
                notes.add(Finding.of(FindingCode.PEM_UNREADABLE, where + ": " + block.error() + "."));
                continue;
            }
            try {
                LoadedKey key = pemKey(name, block);
                keys.add(key);
                notes.add(describe(where, key));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                notes.add(Finding.of(FindingCode.PEM_UNREADABLE, where + ": " + message(e)));
            } catch (RuntimeException e) {
                // The JDK's key factories meet some malformed keys with NullPointer or arithmetic errors.
                notes.add(Finding.of(FindingCode.PEM_UNREADABLE, where + ": not a valid key of this type."));
            }
        }
        return new KeyLoad(keys, notes, keys.isEmpty() ? "No key could be read: " + notes.get(0).message() : null);
    }

    private static String message(Exception e) {
        return e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : "not a valid key of this type.";
    }

    private static LoadedKey pemKey(String source, Pem.Block block) throws GeneralSecurityException {
        byte[] der = block.der();
        switch (block.label()) {
            case "PUBLIC KEY", "RSA PUBLIC KEY" -> {
                byte[] spki = block.label().equals("PUBLIC KEY") ? der : KeyDescriber.spkiFromPkcs1(der);
                PublicKey key = KeyDescriber.publicKey(spki).orElseThrow(() -> new IllegalArgumentException("not an RSA or EC public key."));
                return publicKey(source, key, null);
            }
            case "CERTIFICATE" -> {
                X509Certificate cert = KeyDescriber.certificate(der).orElseThrow(() -> new IllegalArgumentException("not a valid X.509 certificate."));
                return publicKey(source, cert.getPublicKey(), "from the certificate of " + cert.getSubjectX500Principal().getName()
                        + ", issued by " + cert.getIssuerX500Principal().getName() + ", valid until " + cert.getNotAfter().toInstant());
            }
            case "RSA PRIVATE KEY" -> {
                List<Der.Element> fields = Der.read(der).children();
                if (fields.size() < 3) throw new IllegalArgumentException("not a PKCS#1 RSA private key.");
                PublicKey key = KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(new BigInteger(1, fields.get(1).content()), new BigInteger(1, fields.get(2).content())));
                return publicKey(source, key, PRIVATE_NOTE);
            }
            case "EC PRIVATE KEY" -> {
                return publicKey(source, ecPublicFromSec1(der, null), PRIVATE_NOTE);
            }
            case "PRIVATE KEY" -> {
                return publicKey(source, publicFromPkcs8(der), PRIVATE_NOTE);
            }
            default -> throw new IllegalArgumentException("PEM blocks of type " + block.label()
                    + " are not keys Token Explorer reads; expected PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE or a private key.");
        }
    }

    private static final String PRIVATE_NOTE = "public half of a private key; the private key was not kept";

    private static PublicKey publicFromPkcs8(byte[] der) throws GeneralSecurityException {
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (key instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
        } catch (GeneralSecurityException notRsa) {
            // an EC key, read below
        }
        List<Der.Element> fields = Der.read(der).children();
        if (fields.size() < 3) throw new IllegalArgumentException("not a PKCS#8 private key.");
        List<Der.Element> algorithm = fields.get(1).children();
        if (algorithm.size() < 2 || !EC_PUBLIC_KEY_OID.equals(Der.oid(algorithm.get(0).content()))) {
            throw new IllegalArgumentException("a private key of a kind Kubernetes does not use (only RSA and EC are).");
        }
        return ecPublicFromSec1(fields.get(2).content(), Der.oid(algorithm.get(1).content()));
    }

    /** SEC1 ECPrivateKey: { version, privateKey, [0] curve, [1] publicKey }; the public point is usually there. */
    private static PublicKey ecPublicFromSec1(byte[] der, String curveOid) {
        byte[] point = null;
        for (Der.Element field : Der.read(der).children()) {
            if (field.tag() == 0xa0 && curveOid == null) {
                curveOid = Der.oid(Der.read(field.content()).content());
            } else if (field.tag() == 0xa1) {
                byte[] bits = Der.read(field.content()).content();
                point = Arrays.copyOfRange(bits, 1, bits.length);
            }
        }
        String oid = curveOid;
        EcCurve curve = EcCurve.byOid(oid).orElseThrow(() -> new IllegalArgumentException("an EC key on a curve Kubernetes does not use (" + oid + ")."));
        if (point == null || point.length == 0 || point[0] != 0x04) {
            throw new IllegalArgumentException("this EC private key does not carry its public key; load the public key instead.");
        }
        int size = (point.length - 1) / 2;
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
        return curve.publicKey(x, y).orElseThrow(() -> new IllegalArgumentException("its public point is not on " + curve.jwkName + "."));
    }

    private static LoadedKey publicKey(String source, PublicKey key, String note) {
        return publicKey(source, key, null, note);
    }

    private static LoadedKey publicKey(String source, PublicKey key, String jwksKid, String note) {
        return new LoadedKey(source, KeyDescriber.describe(key), jwksKid, KeyDescriber.kubernetesKeyId(key), key, note);
    }

    /** Whether a JSON document is an OpenID discovery document rather than keys. */
    public static boolean isDiscoveryDocument(JsonNode document) {
        return document.has("issuer") && document.has("jwks_uri");
    }

    /** What to say of a discovery document: where its keys are, since the app never goes online. */
    public static String discoveryMessage(JsonNode document) {
        return "This is an OpenID discovery document for issuer " + document.get("issuer").asText()
                + ": it names the keys but does not hold them. Token Explorer never goes online, so fetch its jwks_uri ("
                + document.get("jwks_uri").asText() + ", or kubectl get --raw /openid/v1/jwks) and load that JWKS.";
    }

    /** Keys from a parsed JWKS ({"keys":[…]}) or single JWK. */
    public static KeyLoad json(String source, JsonNode document) {
        if (isDiscoveryDocument(document)) {
            return KeyLoad.failed(discoveryMessage(document));
        }
        JsonNode keys = document.get("keys");
        List<JsonNode> entries = new ArrayList<>();
        if (keys != null && keys.isArray()) {
            keys.forEach(entries::add);
        } else if (document.has("kty")) {
            entries.add(document);
        } else {
            return KeyLoad.failed("This JSON is neither a JWKS ({\"keys\":[…]}) nor a single JWK (it has no \"kty\").");
        }
        List<LoadedKey> loaded = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        if (entries.size() > MAX_KEYS) {
            notes.add(Finding.of(FindingCode.TOO_MANY_KEYS, "The JWKS holds " + entries.size() + " keys; only the first " + MAX_KEYS
                    + " are read (a cluster publishes a handful)."));
        }
        for (int i = 0; i < Math.min(entries.size(), MAX_KEYS); i++) {
            String where = entries.size() > 1 ? "JWKS key " + (i + 1) : "JWK";
            if (!entries.get(i).isObject()) {
                notes.add(Finding.of(FindingCode.JWK_UNREADABLE, where + " cannot be read: it is not a JSON object."));
                continue;
            }
            if ("oct".equals(entries.get(i).path("kty").asText(null))) {
                notes.add(Finding.of(FindingCode.JWK_SYMMETRIC, where + " is a symmetric key (kty oct)" + kidOf(entries.get(i))
                        + ": listed, never used. HMAC is checked only with a secret given as one (--hmac-secret-file, or the"
                        + " HMAC secret field), never with a key from a key set."));
                continue;
            }
            try {
                Jwk jwk = Jwk.read(entries.get(i));
                String name = entries.size() > 1 ? source + " #" + (i + 1) : source;
                LoadedKey key = publicKey(name, jwk.key(), jwk.kid(), null);
                loaded.add(key);
                notes.add(describe(where, key));
                if (entries.get(i).has("d")) {
                    notes.add(Finding.of(FindingCode.JWK_PRIVATE, where + " holds a private key (d): only its public half is used; treat the private key as exposed."));
                }
            } catch (Jwk.Unreadable e) {
                notes.add(Finding.of(FindingCode.JWK_UNREADABLE, where + " cannot be read: " + e.getMessage() + "."));
            } catch (RuntimeException e) {
                // As for PEM: the JDK's key factories meet some malformed keys with runtime errors of their own.
                notes.add(Finding.of(FindingCode.JWK_UNREADABLE, where + " cannot be read: not a valid key of this type."));
            }
        }
        return new KeyLoad(loaded, notes, loaded.isEmpty() ? "No key in this JWKS could be read" + (notes.isEmpty() ? "." : ": " + notes.get(0).message()) : null);
    }

    private static String kidOf(JsonNode entry) {
        JsonNode kid = entry.get("kid");
        return kid != null && kid.isTextual() ? ", kid " + kid.asText() : "";
    }

    /** A key as a node of an input's tree: its type and the ids a token's kid may name it by. */
    public static SourceNode node(LoadedKey key) {
        List<SourceNode.Detail> details = new ArrayList<>();
        details.add(SourceNode.Detail.of("Type", key.description() + (key.isSecret() ? "" : " public key")));
        if (key.jwksKid() != null) {
            details.add(new SourceNode.Detail("JWKS kid", key.jwksKid(), "The id the JWKS gives the key; a token's kid names it."));
        }
        if (key.kubernetesKid() != null) {
            details.add(new SourceNode.Detail("Kubernetes key id", key.kubernetesKid(),
                    "base64url SHA-256 of the DER public key: the kid Kubernetes puts in the tokens it signs with this key."));
        }
        if (key.note() != null) {
            details.add(SourceNode.Detail.of("Note", key.note()));
        }
        return new SourceNode("key", key.description() + (key.isSecret() ? "" : " public key"), key.displayId(), details, List.of(), List.of(), -1);
    }

    /** A sentence about a key: what it is and the ids a token's kid may name it by. */
    public static Finding describe(String where, LoadedKey key) {
        StringBuilder s = new StringBuilder(where).append(": ").append(key.description());
        if (!key.isSecret()) s.append(" public key");
        if (key.jwksKid() != null) s.append(", kid ").append(key.jwksKid());
        if (key.kubernetesKid() != null && key.kubernetesKid().equals(key.jwksKid())) {
            s.append(" (its Kubernetes key id too)"); // the JWKS of an API server: one id, said once
        } else if (key.kubernetesKid() != null) {
            s.append(", Kubernetes key id ").append(key.kubernetesKid());
        }
        if (key.note() != null) s.append(" (").append(key.note()).append(")");
        s.append('.');
        if (key.isSecret() && PUBLIC_AS_SECRET_NOTE.equals(key.note())) {
            return publicKeyAsSecretWarning(where);
        }
        return key.note() != null && key.note().startsWith("public half")
                ? Finding.of(FindingCode.PRIVATE_KEY, s + " Treat a private key you pasted anywhere as exposed.")
                : Finding.of(key.isSecret() ? FindingCode.SECRET_KEY : FindingCode.PUBLIC_KEY, s.toString());
    }
}
