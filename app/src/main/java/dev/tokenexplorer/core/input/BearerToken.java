package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Bearer tokens that are not JWTs. A kubeconfig user's {@code token} may be a bootstrap token or a
 * static token from {@code --token-auth-file}: legitimate credentials with nothing to decode,
 * explained for what they are instead of being reported as broken JWTs. Only text that tries to
 * be a JWT (dots, and a first segment that decodes to JSON) is read as one.
 */
final class BearerToken {

    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9_\\-.+/=~:]{1,4096}");

    private BearerToken() {
    }

    /** Whether the text tries to be a JWT: it has a dot, and its first segment is base64url of JSON ("{..."). */
    static boolean triesToBeJwt(String text) {
        int dot = text.indexOf('.');
        String first = dot < 0 ? text : text.substring(0, dot);
        if (first.startsWith("eyJ") || first.startsWith("ewo") || first.startsWith("eyA") || first.startsWith("ew0")) {
            return true;
        }
        if (dot < 0 || first.length() < 4) {
            return false;
        }
        try {
            byte[] head = Base64.getUrlDecoder().decode(first.substring(0, 4).replace('+', '-').replace('/', '_'));
            for (byte b : head) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b == '{';
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The note for a bearer token that is not a JWT, or null when the text tries to be one (or is
     * no token at all).
     *
     * @param what the token, as the message names it: "The token of user \"ci\""
     */
    static Finding opaque(String token, String what) {
        if (token.isEmpty() || triesToBeJwt(token) || !OPAQUE.matcher(token).matches()) {
            return null;
        }
        var bootstrap = dev.tokenexplorer.core.jwt.JwtDecoder.BOOTSTRAP_TOKEN.matcher(token);
        if (bootstrap.matches()) {
            String id = bootstrap.group(1);
            return Finding.of(FindingCode.BOOTSTRAP_TOKEN, what + " is a bootstrap token, not a JWT: token id " + id
                    + " (the part after the dot is its secret, not shown). It authenticates as system:bootstrap:" + id
                    + " in the group system:bootstrappers, and works while its Secret kube-system/bootstrap-token-" + id
                    + " exists and has not expired (kubeadm token list shows it).");
        }
        return Finding.of(FindingCode.STATIC_TOKEN, what + " is an opaque bearer token of " + token.length()
                + " characters, not a JWT: a static token from the API server's --token-auth-file, or a token another "
                + "authenticator (a webhook, a cloud provider) understands. It has nothing to decode; a TokenReview asks the cluster who it is.");
    }
}
