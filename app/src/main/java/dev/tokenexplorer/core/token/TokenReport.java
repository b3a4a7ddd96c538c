package dev.tokenexplorer.core.token;

import dev.tokenexplorer.core.time.TokenTimeline;

import java.util.List;

/**
 * Everything known about one token found in an input, at one instant. When the token could not
 * be decoded as a JWT, {@code error} says why and the claim-based parts are null; {@code jwt} and
 * {@code signature} remain when it is still a JWS whose signature could be checked.
 */
public record TokenReport(String location,
                          String error,
                          DecodedJwt jwt,
                          KubernetesClaims kubernetes,
                          TimeClaims times,
                          TokenStatus status,
                          SignatureStatus signature,
                          String verifiedBy,
                          TokenTimeline timeline,
                          List<Finding> findings) {

    public TokenReport {
        findings = List.copyOf(findings);
    }

    public static TokenReport malformed(String location, String error) {
        return new TokenReport(location, error, null, null, null, null, null, null, null, List.of());
    }

    public boolean decoded() {
        return error == null;
    }

    public TokenKind kind() {
        return kubernetes == null ? null : kubernetes.kind();
    }

    /** What makes it stop working, or null for a token that is not a service account's. */
    public String revokedBy() {
        return decoded() ? Revocation.describe(kubernetes, times) : null;
    }

    /**
     * Whether {@code --strict} fails on this token: it is malformed, its signature is missing or
     * does not check out against the loaded keys, or a finding is an error, which means the API
     * server would refuse it (expired, refused header, unknown kid, unreadable date claim...).
     */
    public boolean failsStrict() {
        if (!decoded()) {
            return true;
        }
        if (status == TokenStatus.EXPIRED || status == TokenStatus.NOT_YET_VALID) {
            return true;
        }
        if (signature == SignatureStatus.UNSIGNED || signature == SignatureStatus.INVALID || signature == SignatureStatus.NO_MATCHING_KEY) {
            return true;
        }
        return worstSeverity() == Severity.ERROR;
    }

    /** The most severe finding's severity, or null when there are none. */
    public Severity worstSeverity() {
        return findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
    }
}
