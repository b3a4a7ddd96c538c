package dev.tokenexplorer.ui.claims;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Long claim names and values wrap between their parts in a narrow column, never mid-word. */
class BreakableTextTest {

    private static final String HS = String.valueOf(ClaimsView.HAIR_SPACE);

    @Test
    void legacyClaimNamesAndSubjectsGetABreakAfterEachSeparator() {
        assertThat(ClaimsView.breakable("kubernetes.io/serviceaccount/namespace"))
                .isEqualTo("kubernetes.io/" + HS + "serviceaccount/" + HS + "namespace");
        assertThat(ClaimsView.breakable("system:serviceaccount:default:sa-token-demo"))
                .isEqualTo("system:" + HS + "serviceaccount:" + HS + "default:" + HS + "sa-token-demo");
        assertThat(ClaimsView.breakable("kubernetes/serviceaccount")).isEqualTo("kubernetes/" + HS + "serviceaccount");
    }

    @Test
    void urlsKeepTheirSchemeWholeAndNothingElseChanges() {
        assertThat(ClaimsView.breakable("https://kubernetes.default.svc.cluster.local"))
                .isEqualTo("https://kubernetes.default.svc.cluster.local");
        assertThat(ClaimsView.breakable("https://oidc.example.com/cluster/42"))
                .isEqualTo("https://oidc.example.com/" + HS + "cluster/" + HS + "42");
        assertThat(ClaimsView.breakable("trailing/")).isEqualTo("trailing/");
        assertThat(ClaimsView.breakable("exp")).isEqualTo("exp");
        assertThat(ClaimsView.breakable(null)).isNull();
    }
}
