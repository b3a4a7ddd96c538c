package dev.tokenexplorer.core.kube;

/**
 * The names Kubernetes gives to what this app reads (facts: the project's kubernetes-token-facts,
 * sections 5 and 6), written once.
 */
public final class KubeNames {

    /** The Secret type whose token the token controller fills in. */
    public static final String SA_TOKEN_TYPE = "kubernetes.io/service-account-token";
    /** The only annotation the API server requires on such a Secret. */
    public static final String SA_NAME_ANNOTATION = "kubernetes.io/service-account.name";
    public static final String SA_UID_ANNOTATION = "kubernetes.io/service-account.uid";
    /** Set by the API server on use, at most once a day (tracking: alpha 1.26, beta 1.27, GA 1.28). */
    public static final String LAST_USED_LABEL = "kubernetes.io/legacy-token-last-used";
    /** Set by the legacy-token cleaner (clean-up: alpha 1.28, beta 1.29, GA 1.30). */
    public static final String INVALID_SINCE_LABEL = "kubernetes.io/legacy-token-invalid-since";
    /** Where the API server records the day it began tracking legacy tokens (data key {@code since}). */
    public static final String TRACKING_CONFIG_MAP = "kube-apiserver-legacy-service-account-token-tracking";
    public static final String TRACKING_NAMESPACE = "kube-system";

    /** The cleaner's default period (--legacy-service-account-token-clean-up-period, 8760h). */
    public static final int CLEAN_UP_PERIOD_DAYS = 365;
    /** Kubernetes versions in which the two legacy-token controllers became generally available. */
    public static final String TRACKING_GA = "1.28";
    public static final String CLEAN_UP_GA = "1.30";

    private KubeNames() {
    }
}
