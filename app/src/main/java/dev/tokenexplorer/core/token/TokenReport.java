package dev.tokenexplorer.core.token;

import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.finding.Severity;
import dev.tokenexplorer.core.jwt.DecodedJwt;
import dev.tokenexplorer.core.jwt.SignatureStatus;

import java.util.List;

/**
 * Everything known about one token found in an input, at one instant. When the token is not a
 * whole JWT, {@code error} says why and where. Its claims may still have been read (a token whose
 * signature was cut off or damaged: {@link #decoded()} is then true, the signature null); when they
 * could not be, the claim-based parts are null, and {@code jwt} and {@code signature} remain only
 * for a JWS whose payload is no JSON object.
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

    /**
     * This report with more findings (its Secret's verdict), each kind said once: a finding whose
     * code the report already has is the same fact and is left out. Errors first, as always.
     */
    public TokenReport withFindings(List<Finding> more) {
        java.util.Set<FindingCode> present = new java.util.HashSet<>();
        findings.forEach(f -> present.add(f.type()));
        java.util.List<Finding> all = new java.util.ArrayList<>(findings);
        more.stream().filter(f -> present.add(f.type())).forEach(all::add);
        all.sort(java.util.Comparator.comparing(Finding::severity));
        return new TokenReport(location, error, jwt, kubernetes, times, status, signature, verifiedBy, timeline, all);
    }

    /** Whether its claims were read, even if the token as a whole is broken ({@link #error()}). */
    public boolean decoded() {
        return kubernetes != null;
    }

    /**
     * The same report for a token that is broken, though its claims could be read: no signature to
     * speak of, and the error, not a second finding, says that the signature is missing.
     */
    TokenReport withError(String error) {
        return new TokenReport(location, error, jwt, kubernetes, times, status, null, null, timeline,
                findings.stream().filter(f -> f.type() != FindingCode.MISSING_SIGNATURE).toList());
    }

    /** The findings, led by the error when there is one and no finding says it already (a token Secret's verdict does). */
    public List<Finding> findingsWithError() {
        if (error == null || findings.stream().anyMatch(f -> f.type() == FindingCode.TOKEN_MALFORMED)) {
            return findings;
        }
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.add(0, Finding.of(FindingCode.MALFORMED, error));
        return List.copyOf(all);
    }

    public TokenKind kind() {
        return kubernetes == null ? null : kubernetes.kind();
    }

    /** What makes it stop working, or null for a token that is not a service account's. */
    public String revokedBy() {
        return decoded() ? Revocation.describe(kubernetes, times) : null;
    }

    /** What each claim means, by JSON Pointer into the claims (see {@link ClaimDictionary#notes}); empty when none were read. */
    public java.util.Map<String, String> claimNotes() {
        return decoded() ? ClaimDictionary.notes(jwt.claims(), false) : java.util.Map.of();
    }

    /**
     * Whether {@code --strict} fails on this token: it is malformed (even if its claims were read),
     * its signature is missing or does not check out against the loaded keys, or a finding is an
     * error, which means the API server would refuse it (expired, refused header, unknown kid,
     * unreadable date claim...).
     */
    public boolean failsStrict() {
        if (error != null || !decoded()) {
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
