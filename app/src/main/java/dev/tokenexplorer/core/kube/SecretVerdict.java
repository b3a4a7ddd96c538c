package dev.tokenexplorer.core.kube;

import dev.tokenexplorer.core.json.Nodes;
import dev.tokenexplorer.core.keys.LoadedKey;
import dev.tokenexplorer.core.keys.SignatureVerifier;
import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.jwt.DecodedJwt;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.jwt.JwtDecoder;
import dev.tokenexplorer.core.token.KubernetesClaims;
import dev.tokenexplorer.core.token.TokenAnalyzer;
import dev.tokenexplorer.core.token.TimeClaims;
import dev.tokenexplorer.core.token.TokenKind;
import dev.tokenexplorer.core.token.TokenStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a service-account-token Secret means for its cluster: whether its token works, was used,
 * was marked invalid, or is one the legacy-token cleaner will remove. The Audit's row and the
 * Explore page's Secret say exactly these findings, so both always agree.
 */
public final class SecretVerdict {

    /** A token Secret last used longer ago than this is reported as unused, unless told otherwise. */
    public static final int DEFAULT_UNUSED_DAYS = 90;

    /**
     * The instant judged at (a token's exp is checked against it), its UTC day (label dates are UTC
     * days, as the API server writes them), and the unused threshold.
     */
    public record Judging(Instant now, LocalDate today, int unusedDays) {
        public static Judging at(Instant now) {
            return at(now, DEFAULT_UNUSED_DAYS);
        }

        public static Judging at(Instant now, int unusedDays) {
            return new Judging(now, LocalDate.ofInstant(now, ZoneOffset.UTC), unusedDays);
        }
    }

    /**
     * Why a Secret holding any other token has no use to judge: the API server labels only legacy
     * tokens on use ({@code legacy.go}, LegacyServiceAccountTokenTracking), never bound ones.
     */
    public static final String USE_NOT_TRACKED = "The API server sets the " + KubeNames.LAST_USED_LABEL
            + " label only on legacy tokens, so whether this token is used is not tracked.";

    /**
     * What the token alone says: why it is no JWT, or its claims and (when checked) its signature.
     *
     * @param verification null when the signature was judged elsewhere (the token's own report)
     */
    public record TokenCheck(String malformed, KubernetesClaims claims, TimeClaims times, SignatureVerifier.Verification verification) {

        /** Decodes and verifies a token, the way the Audit does for every Secret. */
        public static TokenCheck of(String compact, List<LoadedKey> keys) {
            JwtDecoder.Decoding decoding = new JwtDecoder().decode(compact);
            if (decoding instanceof JwtDecoder.Malformed malformed) {
                return new TokenCheck(malformed.message(), null, null, null);
            }
            DecodedJwt jwt = ((JwtDecoder.Decoded) decoding).jwt();
            SignatureVerifier.Verification verification = SignatureVerifier.verify(jwt, keys);
            if (jwt.payloadProblem() != null) {
                return new TokenCheck(jwt.payloadProblem(), null, null, verification);
            }
            return new TokenCheck(null, KubernetesClaims.of(jwt.claims()), TimeClaims.of(jwt.claims()), verification);
        }

        /**
         * The same check with only the signature findings a verdict reports ({@link FindingCode#audited()}):
         * an audit holds one check per Secret until the whole dump is read, and every verified token's
         * "verifies with" note was a finding and a sentence kept for nothing.
         */
        public TokenCheck audited() {
            if (verification == null || verification.findings().stream().allMatch(f -> f.type().audited())) {
                return this;
            }
            return new TokenCheck(malformed, claims, times, new SignatureVerifier.Verification(verification.status(),
                    verification.verifiedBy(), verification.findings().stream().filter(f -> f.type().audited()).toList()));
        }
    }

    private SecretVerdict() {
    }

    /**
     * The findings about a token Secret, in a fixed order: what the API server refuses in the
     * object, its ServiceAccount, its token, then its use.
     *
     * @param check null when the Secret holds no token
     */
    public static List<Finding> judge(TokenSecret secret, TokenCheck check, ClusterObjects cluster, Judging judging) {
        List<Finding> findings = new ArrayList<>(secret.problems());
        ClusterObjects.Account account = cluster.accountOf(secret);
        if (cluster.known() && account == null) {
            findings.add(Finding.of(FindingCode.SERVICE_ACCOUNT_MISSING, "The service account " + Nodes.qualified(secret.namespace(),
                    secret.serviceAccount()) + " is not in the input. If it no longer exists, the API server rejects this token "
                    + "and the token controller deletes the Secret."));
        }
        TokenKind kind = null;
        if (check == null) {
            if (!secret.undecodable().contains("token")) { // its data-not-base64 says why already
                // The API server accepts a token Secret without data.token ("might be contributed later by a controller
                // loop"): not an error of the object, and the one note about it (the Explore page says no other).
                String sa = secret.serviceAccount();
                findings.add(Finding.of(FindingCode.TOKEN_MISSING, "The Secret has no data.token yet, so it holds no credential: the token "
                        + "controller fills in token, ca.crt and namespace a moment after the Secret is created, only while "
                        + (sa == null ? "the service account named by the annotation " + KubeNames.SA_NAME_ANNOTATION + " exists"
                        : "service account " + Nodes.qualified(secret.namespace(), sa) + " exists") + "."));
            }
        } else if (check.malformed() != null) {
            findings.add(Finding.of(FindingCode.TOKEN_MALFORMED, secret.tokenLocation() + " is not a JWT: " + check.malformed()));
        } else {
            kind = check.claims().kind();
            if (kind != TokenKind.LEGACY) {
                findings.add(Finding.of(FindingCode.NOT_LEGACY, "The Secret holds a token of another kind ("
                        + kind.title().toLowerCase(Locale.ROOT) + "), not the legacy token the token controller writes. " + USE_NOT_TRACKED));
                if (check.times() != null && TokenAnalyzer.status(check.times(), judging.now().getEpochSecond()) == TokenStatus.EXPIRED) {
                    findings.add(TokenAnalyzer.expired(TimeClaims.instant(check.times().expiresAt()), judging.now()));
                }
            } else {
                compare(secret, check.claims(), account, findings);
            }
        }
        if (check != null && check.verification() != null) {
            switch (check.verification().status()) {
                case UNSIGNED -> findings.add(TokenAnalyzer.UNSIGNED);
                default -> findings.addAll(check.audited().verification().findings());
            }
        }
        use(secret, kind, cluster, judging, findings);
        findings.sort(java.util.Comparator.comparing(Finding::severity)); // errors first; stable within a severity
        return List.copyOf(findings);
    }

    private static void compare(TokenSecret secret, KubernetesClaims claims, ClusterObjects.Account account, List<Finding> findings) {
        boolean sameSecret = secret.name().equals(claims.legacySecretName())
                && (secret.namespace().isEmpty() || secret.namespace().equals(claims.namespace()));
        if (!sameSecret) {
            findings.add(Finding.of(FindingCode.NAMES_OTHER_SECRET, "The token names the Secret "
                    + Nodes.qualified(claims.namespace(), claims.legacySecretName()) + ", not this one: the API server checks it against that "
                    + "Secret, so it stops working when that Secret goes, whatever happens to this copy."));
        }
        String uid = account != null && !account.uid().isEmpty() ? account.uid() : null;
        if (uid != null && claims.serviceAccountUid() != null && !uid.equals(claims.serviceAccountUid())) {
            findings.add(Finding.of(FindingCode.UID_MISMATCH, "The service account was deleted and re-created: "
                    + "the API server rejects the token (\"ServiceAccount UID (" + uid + ") does not match claim ("
                    + claims.serviceAccountUid() + ")\")."));
        }
    }

    /** The tracking and clean-up labels, judged as the API server and the legacy-token cleaner judge them; who mounts it; what it may do. */
    private static void use(TokenSecret secret, TokenKind kind, ClusterObjects cluster, Judging judging, List<Finding> findings) {
        LocalDate today = judging.today();
        List<Usage> usage = cluster.workloads().of(secret.namespace(), secret.name());
        if (!usage.isEmpty()) {
            findings.add(Finding.of(FindingCode.USED_BY_WORKLOAD, "Used by " + usage.stream().map(SecretVerdict::describe)
                    .collect(java.util.stream.Collectors.joining("; ")) + "."));
        }
        LocalDate invalidSince = secret.invalidSince();
        if (invalidSince != null) {
            findings.add(Finding.of(FindingCode.INVALIDATED, "Marked invalid since " + invalidSince + " (" + days(invalidSince, today)
                    + "): the API server rejects the token (\"has been marked invalid\"). The legacy-token cleaner deletes the Secret "
                    + "after another clean-up period (one year by default) unless the label " + KubeNames.INVALID_SINCE_LABEL
                    + " is removed, which re-enables it."));
            return;
        }
        if (secret.token() == null || kind != TokenKind.LEGACY) {
            return;
        }
        List<Access.Risk> privileged = cluster.rbac().of(secret.namespace(), secret.serviceAccount() == null ? "" : secret.serviceAccount()).privileged();
        if (!privileged.isEmpty()) {
            findings.add(Finding.of(FindingCode.PRIVILEGED_LONG_LIVED, "A token that never expires for a service account that may "
                    + privileged.stream().map(r -> r.risk() + (r.clusterWide() ? " cluster-wide" : " in " + r.scope()) + " (" + r.grantedBy() + ")")
                    .collect(java.util.stream.Collectors.joining(", ")) + ": whoever copies it holds that power until the Secret is deleted. "
                    + "Replace it first (see its plan)."));
        }
        LocalDate lastUsed = secret.lastUsed();
        LocalDate trackingSince = cluster.trackingSince();
        boolean idle;
        if (lastUsed == null) {
            idle = true;
            findings.add(Finding.of(FindingCode.NEVER_USED, "No " + KubeNames.LAST_USED_LABEL + " label: not used since "
                    + (trackingSince != null ? "tracking began on " + trackingSince
                    : "the API server began tracking legacy tokens (Kubernetes " + KubeNames.TRACKING_GA + " labels a token on use)")
                    + (secret.created() != null ? "; created " + TimeText.utc(secret.created()) : "") + "."));
        } else {
            long daysSinceUse = Math.max(0, ChronoUnit.DAYS.between(lastUsed, today));
            idle = daysSinceUse > judging.unusedDays();
            if (idle) {
                findings.add(Finding.of(FindingCode.UNUSED, "Last used on " + lastUsed + ", " + daysSinceUse
                        + " days ago (more than " + judging.unusedDays() + ")."));
            }
        }
        if (idle && !usage.isEmpty()) {
            findings.add(Finding.of(FindingCode.UNUSED_BUT_MOUNTED, "Mounted by " + usage.size() + (usage.size() == 1 ? " workload" : " workloads")
                    + " but not used" + (lastUsed == null ? " since tracking began" : " since " + lastUsed)
                    + ": the Pods carry a credential they never present. Remove the mount (or switch it to a projected token) before deleting the Secret."));
        }
        cleanupCandidate(secret, usage, cluster, today, lastUsed, findings);
    }

    /**
     * The legacy-token cleaner's own rule (1.29+): an auto-generated Secret (listed by its
     * ServiceAccount), whose uid annotation, if set, matches the account, that no Pod of its
     * namespace references, unused for the clean-up period.
     */
    private static void cleanupCandidate(TokenSecret secret, List<Usage> usage, ClusterObjects cluster, LocalDate today, LocalDate lastUsed,
                                         List<Finding> findings) {
        LocalDate since = lastUsed != null ? lastUsed : secret.created() == null ? null : LocalDate.ofInstant(secret.created(), ZoneOffset.UTC);
        ClusterObjects.Account account = cluster.accountOf(secret);
        boolean uidMatches = account == null || secret.serviceAccountUid() == null || account.uid().isEmpty()
                || secret.serviceAccountUid().equals(account.uid());
        boolean mountedByPod = usage.stream().anyMatch(u -> u.pods() > 0);
        if (cluster.origin(secret) != Origin.AUTO_GENERATED || since == null || !uidMatches || mountedByPod
                || ChronoUnit.DAYS.between(since, today) < KubeNames.CLEAN_UP_PERIOD_DAYS) {
            return;
        }
        findings.add(Finding.of(FindingCode.CLEANUP_CANDIDATE, "Auto-generated and unused since " + since + " (" + days(since, today)
                + "): " + (cluster.workloads().known() ? "no Pod mounts it, so " : "unless a Pod mounts it, ")
                + "the legacy-token cleaner (Kubernetes " + KubeNames.CLEAN_UP_GA
                + "; one-year period by default) labels it invalid, then deletes it a period later."));
    }

    /** "Deployment web/api (3 Pods, via volume)". */
    public static String describe(Usage usage) {
        return usage.label() + " (" + (usage.pods() == 0 ? "its template" : usage.pods() == 1 ? "1 Pod" : usage.pods() + " Pods")
                + ", via " + String.join(", ", usage.via()) + ")";
    }

    private static String days(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days < 0 ? "in the future" : days + " days ago";
    }
}
