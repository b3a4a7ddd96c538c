package dev.tokenexplorer.core.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.json.Nodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each ServiceAccount may do, from the Roles, ClusterRoles and their bindings in an input:
 * bindings that name the account, its user name, or the groups every service account token
 * carries; RoleBindings grant within their namespace, ClusterRoleBindings everywhere; aggregated
 * ClusterRoles take the rules of the ClusterRoles their selectors match. Only the dangerous
 * permissions are kept, each with the binding that grants it.
 */
public final class Rbac {

    /** Risks in the order they matter. */
    public static final List<String> RISKS = List.of("cluster-admin", "read-secrets", "create-tokens", "impersonate",
            "escalate-or-bind", "create-pods", "wildcard");

    private record Rule(List<String> groups, List<String> resources, List<String> verbs) {
    }

    private record Role(String kind, String namespace, String name, List<Rule> rules, Map<String, String> labels,
                        List<Selector> aggregateFrom) {
    }

    /** A label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist), all of which must hold. */
    private record Selector(Map<String, String> labels, List<Expression> expressions) {
        boolean matches(Map<String, String> actual) {
            return (!labels.isEmpty() || !expressions.isEmpty())
                    && labels.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())))
                    && expressions.stream().allMatch(x -> x.matches(actual));
        }
    }

    private record Expression(String key, String operator, List<String> values) {
        boolean matches(Map<String, String> actual) {
            return switch (operator) {
                case "In" -> values.contains(actual.get(key));
                case "NotIn" -> !values.contains(actual.get(key));
                case "Exists" -> actual.containsKey(key);
                case "DoesNotExist" -> !actual.containsKey(key);
                default -> false; // an operator Kubernetes does not know selects nothing
            };
        }
    }

    private record Binding(String kind, String namespace, String name, String roleKind, String roleName) {
    }

    private final Map<String, Role> roles = new HashMap<>();
    private final Map<String, List<Binding>> bySubject = new HashMap<>();
    private final Map<String, Access> cache = new ConcurrentHashMap<>();
    private final Map<Binding, List<Access.Risk>> bindingRisks = new ConcurrentHashMap<>();
    private boolean known;

    public static boolean reads(String kind) {
        return "Role".equals(kind) || "ClusterRole".equals(kind) || "RoleBinding".equals(kind) || "ClusterRoleBinding".equals(kind);
    }

    /** Takes a Role, ClusterRole or binding; true when the object was one. */
    public boolean add(JsonNode object) {
        String kind = Nodes.text(object, "kind");
        if (!reads(kind)) {
            return false;
        }
        known = true;
        String namespace = Nodes.textOrEmpty(object, "metadata", "namespace");
        String name = Nodes.textOrEmpty(object, "metadata", "name");
        if (kind.endsWith("Binding")) {
            Binding binding = new Binding(kind, kind.equals("RoleBinding") ? namespace : "", name,
                    Nodes.textOrEmpty(object, "roleRef", "kind"), Nodes.textOrEmpty(object, "roleRef", "name"));
            JsonNode subjects = object.get("subjects");
            if (subjects != null && subjects.isArray()) {
                for (JsonNode subject : subjects) {
                    String subjectNamespace = Nodes.textOrEmpty(subject, "namespace");
                    String key = switch (Nodes.textOrEmpty(subject, "kind")) {
                        case "ServiceAccount" -> "sa:" + (subjectNamespace.isEmpty() ? namespace : subjectNamespace) + "/" + Nodes.textOrEmpty(subject, "name");
                        case "User" -> "user:" + Nodes.textOrEmpty(subject, "name");
                        case "Group" -> "group:" + Nodes.textOrEmpty(subject, "name");
                        default -> null;
                    };
                    if (key != null) {
                        bySubject.computeIfAbsent(key, k -> new ArrayList<>()).add(binding);
                    }
                }
            }
            return true;
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode list = object.get("rules");
        if (list != null && list.isArray()) {
            list.forEach(rule -> rules.add(new Rule(strings(rule.get("apiGroups")), strings(rule.get("resources")), strings(rule.get("verbs")))));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode labelNode = Nodes.at(object, "metadata", "labels");
        if (labelNode != null && labelNode.isObject()) {
            labelNode.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        List<Selector> selectors = new ArrayList<>();
        JsonNode aggregation = Nodes.at(object, "aggregationRule", "clusterRoleSelectors");
        if (aggregation != null && aggregation.isArray()) {
            aggregation.forEach(selector -> {
                Map<String, String> match = new LinkedHashMap<>();
                JsonNode matchLabels = selector.get("matchLabels");
                if (matchLabels != null && matchLabels.isObject()) {
                    matchLabels.fields().forEachRemaining(e -> match.put(e.getKey(), e.getValue().asText()));
                }
                List<Expression> expressions = new ArrayList<>();
                JsonNode matchExpressions = selector.get("matchExpressions");
                if (matchExpressions != null && matchExpressions.isArray()) {
                    matchExpressions.forEach(x -> expressions.add(new Expression(Nodes.textOrEmpty(x, "key"), Nodes.textOrEmpty(x, "operator"), strings(x.get("values")))));
                }
                selectors.add(new Selector(match, expressions));
            });
        }
        String roleNamespace = kind.equals("Role") ? namespace : "";
        roles.put(kind + "/" + roleNamespace + "/" + name, new Role(kind, roleNamespace, name, rules, labels, selectors));
        return true;
    }

    /** Whether RBAC objects were read: without them, what a token may do is unknown rather than nothing. */
    public boolean known() {
        return known;
    }

    /** What the ServiceAccount namespace/name may do; computed once per account. */
    public Access of(String namespace, String serviceAccount) {
        if (!known) {
            return Access.UNKNOWN;
        }
        return cache.computeIfAbsent(namespace + "/" + serviceAccount, k -> compute(namespace, serviceAccount));
    }

    private Access compute(String namespace, String serviceAccount) {
        Map<String, String> matchedBy = new LinkedHashMap<>();
        List<Binding> bindings = new ArrayList<>();
        collect("sa:" + namespace + "/" + serviceAccount, null, bindings, matchedBy);
        collect("user:system:serviceaccount:" + namespace + ":" + serviceAccount, null, bindings, matchedBy);
        for (String group : List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated")) {
            collect("group:" + group, group, bindings, matchedBy);
        }
        Map<String, Access.Risk> risks = new LinkedHashMap<>();
        for (Binding binding : bindings) {
            String via = matchedBy.get(binding.kind() + "/" + binding.namespace() + "/" + binding.name());
            for (Access.Risk risk : bindingRisks.computeIfAbsent(binding, this::risksOf)) {
                Access.Risk said = via == null ? risk : new Access.Risk(risk.risk(), risk.scope(), risk.grantedBy() + " (to the group " + via + ")");
                risks.putIfAbsent(risk.risk() + "@" + risk.scope(), said);
            }
        }
        List<Access.Risk> sorted = new ArrayList<>(risks.values());
        sorted.sort((a, b) -> a.risk().equals(b.risk()) ? Boolean.compare(b.clusterWide(), a.clusterWide())
                : Integer.compare(RISKS.indexOf(a.risk()), RISKS.indexOf(b.risk())));
        return new Access(true, sorted);
    }

    private void collect(String subject, String group, List<Binding> into, Map<String, String> matchedBy) {
        for (Binding binding : bySubject.getOrDefault(subject, List.of())) {
            if (!into.contains(binding)) {
                into.add(binding);
                if (group != null) {
                    matchedBy.put(binding.kind() + "/" + binding.namespace() + "/" + binding.name(), group);
                }
            }
        }
    }

    /** The dangerous permissions one binding grants, with its scope. */
    private List<Access.Risk> risksOf(Binding binding) {
        String scope = binding.kind().equals("ClusterRoleBinding") ? "cluster" : binding.namespace();
        String grantedBy = binding.kind() + " " + (binding.namespace().isEmpty() ? "" : binding.namespace() + "/") + binding.name()
                + " → " + binding.roleKind() + " " + binding.roleName();
        List<Rule> rules = rules(binding);
        List<Access.Risk> risks = new ArrayList<>();
        boolean admin = rules.stream().anyMatch(r -> r.groups().contains("*") && r.resources().contains("*") && r.verbs().contains("*"));
        if (admin) {
            risks.add(new Access.Risk("cluster-admin", scope, grantedBy));
        }
        if (!admin) {
            add(risks, rules, scope, grantedBy, "read-secrets", "", "secrets", "get", "list", "watch");
            add(risks, rules, scope, grantedBy, "create-tokens", "", "serviceaccounts/token", "create");
            add(risks, rules, scope, grantedBy, "impersonate", "", "users", "impersonate");
            add(risks, rules, scope, grantedBy, "impersonate", "", "groups", "impersonate");
            add(risks, rules, scope, grantedBy, "impersonate", "", "serviceaccounts", "impersonate");
            add(risks, rules, scope, grantedBy, "escalate-or-bind", "rbac.authorization.k8s.io", "roles", "escalate", "bind");
            add(risks, rules, scope, grantedBy, "escalate-or-bind", "rbac.authorization.k8s.io", "clusterroles", "escalate", "bind");
            add(risks, rules, scope, grantedBy, "create-pods", "", "pods", "create");
            if (rules.stream().anyMatch(r -> r.groups().contains("*") || r.resources().contains("*") || r.verbs().contains("*"))) {
                risks.add(new Access.Risk("wildcard", scope, grantedBy));
            }
        }
        return risks.stream().distinct().toList();
    }

    private static void add(List<Access.Risk> risks, List<Rule> rules, String scope, String grantedBy, String risk, String group,
                            String resource, String... verbs) {
        if (risks.stream().anyMatch(r -> r.risk().equals(risk))) {
            return;
        }
        for (Rule rule : rules) {
            boolean groupMatches = rule.groups().contains("*") || rule.groups().contains(group);
            boolean resourceMatches = rule.resources().contains("*") || rule.resources().contains(resource)
                    || (resource.contains("/") && rule.resources().contains("*/" + resource.substring(resource.indexOf('/') + 1)));
            boolean verbMatches = rule.verbs().contains("*") || java.util.Arrays.stream(verbs).anyMatch(rule.verbs()::contains);
            if (groupMatches && resourceMatches && verbMatches) {
                risks.add(new Access.Risk(risk, scope, grantedBy));
                return;
            }
        }
    }

    /** The rules a binding's role holds: its own, or an aggregated ClusterRole's; the default cluster-admin when not in the input. */
    private List<Rule> rules(Binding binding) {
        Role role = roles.get(binding.roleKind() + "/" + (binding.roleKind().equals("Role") ? binding.namespace() : "") + "/" + binding.roleName());
        if (role == null) {
            return binding.roleKind().equals("ClusterRole") && binding.roleName().equals("cluster-admin")
                    ? List.of(new Rule(List.of("*"), List.of("*"), List.of("*"))) : List.of();
        }
        if (role.aggregateFrom().isEmpty()) {
            return role.rules();
        }
        List<Rule> rules = new ArrayList<>(role.rules());
        for (Role other : roles.values()) {
            if (other != role && other.kind().equals("ClusterRole")
                    && role.aggregateFrom().stream().anyMatch(selector -> selector.matches(other.labels()))) {
                rules.addAll(other.rules());
            }
        }
        return rules;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
