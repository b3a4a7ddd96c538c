package dev.tokenexplorer.ui.claims;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Long claim names and values wrap between their parts in a narrow column, never mid-word. */
class BreakableTextTest {

    private static final String HS = String.valueOf(ClaimsView.HAIR_SPACE);

    @Test
    void legacyClaimNamesAndSubjectsGetABreakAfterEachSeparator() {
        assertThat(ClaimsView.breakable("kubernetes.io/serviceaccount/namespace"))
                .isEqualTo("kubernetes." + HS + "io/" + HS + "serviceaccount/" + HS + "namespace");
        assertThat(ClaimsView.breakable("system:serviceaccount:default:sa-token-demo"))
                .isEqualTo("system:" + HS + "serviceaccount:" + HS + "default:" + HS + "sa-token-demo");
        assertThat(ClaimsView.breakable("kubernetes/serviceaccount")).isEqualTo("kubernetes/" + HS + "serviceaccount");
    }

    @Test
    void hostsBreakBetweenTheirLabelsButUrlsKeepTheirSchemeWhole() {
        assertThat(ClaimsView.breakable("https://kubernetes.default.svc.cluster.local"))
                .isEqualTo("https://kubernetes." + HS + "default." + HS + "svc." + HS + "cluster." + HS + "local");
        assertThat(ClaimsView.breakable("https://oidc.example.com/cluster/42"))
                .isEqualTo("https://oidc." + HS + "example." + HS + "com/" + HS + "cluster/" + HS + "42");
    }

    @Test
    void timesVersionsAndPlainWordsAreLeftAlone() {
        assertThat(ClaimsView.breakable("19 Aug 2023 11:49:01 UTC")).isEqualTo("19 Aug 2023 11:49:01 UTC");
        assertThat(ClaimsView.breakable("v1.24.3")).isEqualTo("v1.24.3");
        assertThat(ClaimsView.breakable("trailing/")).isEqualTo("trailing/");
        assertThat(ClaimsView.breakable("exp")).isEqualTo("exp");
        assertThat(ClaimsView.breakable("")).isEmpty();
        assertThat(ClaimsView.breakable(null)).isNull();
    }
}
