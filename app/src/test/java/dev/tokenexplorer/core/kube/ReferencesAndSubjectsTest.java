package dev.tokenexplorer.core.kube;

import dev.tokenexplorer.support.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a Pod references a Secret, and every subject through which a binding reaches a ServiceAccount. */
class ReferencesAndSubjectsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            volume          | volumes: [{name: v, secret: {secretName: s}}]
            projected       | volumes: [{name: v, projected: {sources: [{secret: {name: s}}]}}]
            env             | containers: [{name: c, env: [{name: T, valueFrom: {secretKeyRef: {name: s, key: token}}}]}]
            envFrom         | initContainers: [{name: c, envFrom: [{secretRef: {name: s}}]}]
            imagePullSecret | imagePullSecrets: [{name: s}]
            other           | volumes: [{name: v, csi: {driver: d, nodePublishSecretRef: {name: s}}}]
            other           | volumes: [{name: v, cephfs: {monitors: [m], secretRef: {name: s}}}]
            other           | volumes: [{name: v, azureFile: {secretName: s, shareName: x}}]
            """)
    void everyReferenceTheCleanerVisitsIsFound(String via, String spec) {
        ClusterObjects cluster = new ClusterObjects();
        Objects.read("kind: Pod\nmetadata: {name: p, namespace: ns}\nspec: {" + spec.replaceFirst("^(\\w+): ", "$1: ") + "}\n")
                .forEach(cluster::add);
        cluster.finish();

        assertThat(cluster.workloads().of("ns", "s")).singleElement().satisfies(u -> {
            assertThat(u.via()).containsExactly(via);
            assertThat(u.pods()).isEqualTo(1);
        });
        assertThat(cluster.workloads().of("other", "s")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {kind: ServiceAccount, name: app, namespace: ns}            | true
            {kind: ServiceAccount, name: app}                           | true
            {kind: ServiceAccount, name: app, namespace: elsewhere}     | false
            {kind: User, name: 'system:serviceaccount:ns:app'}          | true
            {kind: Group, name: 'system:serviceaccounts'}               | true
            {kind: Group, name: 'system:serviceaccounts:ns'}            | true
            {kind: Group, name: 'system:serviceaccounts:elsewhere'}     | false
            {kind: Group, name: 'system:authenticated'}                 | true
            {kind: Group, name: 'system:unauthenticated'}               | false
            """)
    void aBindingReachesTheAccountThroughItsNameUserNameOrGroups(String subject, boolean reaches) {
        ClusterObjects cluster = new ClusterObjects();
        Objects.read("""
                kind: RoleBinding
                metadata: {name: b, namespace: ns}
                roleRef: {kind: ClusterRole, name: cluster-admin}
                subjects: [%s]
                """.formatted(subject)).forEach(cluster::add);

        Access access = cluster.rbac().of("ns", "app");

        assertThat(access.known()).isTrue();
        assertThat(access.has("cluster-admin")).isEqualTo(reaches);
        if (reaches) {
            assertThat(access.risks().get(0).scope()).isEqualTo("ns"); // a RoleBinding grants only in its namespace
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {matchLabels: {agg: mon}}                                                    | true
            {matchExpressions: [{key: agg, operator: In, values: [mon, ops]}]}           | true
            {matchExpressions: [{key: agg, operator: Exists}]}                           | true
            {matchExpressions: [{key: agg, operator: NotIn, values: [mon]}]}             | false
            {matchLabels: {agg: mon}, matchExpressions: [{key: tier, operator: DoesNotExist}]} | true
            {matchLabels: {agg: other}}                                                  | false
            {}                                                                           | false
            """)
    void anAggregatedClusterRoleTakesTheRulesOfTheRolesItsSelectorsMatch(String selector, boolean aggregates) {
        ClusterObjects cluster = new ClusterObjects();
        Objects.read("""
                kind: ClusterRole
                metadata: {name: monitoring}
                aggregationRule: {clusterRoleSelectors: [%s]}
                ---
                kind: ClusterRole
                metadata: {name: extra, labels: {agg: mon}}
                rules: [{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}]
                ---
                kind: ClusterRoleBinding
                metadata: {name: b}
                roleRef: {kind: ClusterRole, name: monitoring}
                subjects: [{kind: ServiceAccount, name: app, namespace: ns}]
                """.formatted(selector)).forEach(cluster::add);

        assertThat(cluster.rbac().of("ns", "app").has("create-tokens")).isEqualTo(aggregates);
    }
}
