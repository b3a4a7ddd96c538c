package dev.tokenexplorer.core.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the form asks for: a long-lived token Secret for one service account, optionally with the
 * ServiceAccount itself. Blank optional values mean "not given".
 *
 * @param secretName blank for the default {@code <service-account>-token}
 * @param uid        the service account's UID; adds the {@code kubernetes.io/service-account.uid} annotation
 * @param labels     extra labels, in order
 */
public record SecretRequest(String serviceAccount, String namespace, String secretName, String uid,
                            Map<String, String> labels, boolean includeServiceAccount) {

    public static final String SA_NAME_ANNOTATION = dev.tokenexplorer.core.kube.KubeNames.SA_NAME_ANNOTATION;
    public static final String SA_UID_ANNOTATION = dev.tokenexplorer.core.kube.KubeNames.SA_UID_ANNOTATION;
    public static final String TYPE = dev.tokenexplorer.core.kube.KubeNames.SA_TOKEN_TYPE;

    public SecretRequest {
        serviceAccount = serviceAccount == null ? "" : serviceAccount.strip();
        namespace = namespace == null ? "" : namespace.strip();
        secretName = secretName == null ? "" : secretName.strip();
        uid = uid == null ? "" : uid.strip();
        labels = labels == null ? Map.of() : new LinkedHashMap<>(labels);
    }

    /** The placeholder of an empty Secret name, before the service account is a valid name. */
    public static final String GENERIC_SECRET_NAME = "<service-account>-token";

    /**
     * What the Secret will be called when no name is given: {@code <account>-token} once the
     * service account is a valid name, the generic {@link #GENERIC_SECRET_NAME} before (an invalid
     * account never shows as an invalid derived name).
     */
    public String secretNamePlaceholder() {
        return serviceAccount.isEmpty() || !Names.dns1123Subdomain(serviceAccount).isEmpty() ? GENERIC_SECRET_NAME
                : serviceAccount + "-token";
    }

    /** The Secret's name: the one given, or {@code <service-account>-token}. */
    public String effectiveSecretName() {
        return secretName.isEmpty() ? serviceAccount + "-token" : secretName;
    }

    /**
     * Every value the API server would refuse, by field: what is wrong in words first, then the
     * API server's own message. Every label's errors are listed, not only the first.
     */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        List<String> accountErrors = serviceAccount.isEmpty() ? List.of() : Names.dns1123Subdomain(serviceAccount);
        if (serviceAccount.isEmpty()) {
            errors.add(new FieldError("serviceAccount", "Required value: the service account the token is for"));
        } else {
            named(errors, "serviceAccount", serviceAccount, Problems.Rule.SUBDOMAIN, accountErrors, "");
        }
        if (namespace.isEmpty()) {
            errors.add(new FieldError("namespace", "Required value: a Secret's token is for a service account in the same namespace"));
        } else {
            named(errors, "namespace", namespace, Problems.Rule.LABEL, Names.dns1123Label(namespace), "");
        }
        if (!secretName.isEmpty() || (!serviceAccount.isEmpty() && accountErrors.isEmpty())) { // a derived name is checked only once the account is valid
            named(errors, "secretName", effectiveSecretName(), Problems.Rule.SUBDOMAIN, Names.dns1123Subdomain(effectiveSecretName()),
                    secretName.isEmpty() ? "the derived name " + effectiveSecretName() + ": " : "");
        }
        if (!uid.isEmpty() && !Names.isUuid(uid)) {
            errors.add(new FieldError("uid", "must be a UUID such as 8208ff56-0a67-47bb-8175-a198423dacf8 (kubectl get sa "
                    + (serviceAccount.isEmpty() ? "NAME" : serviceAccount) + " -o jsonpath='{.metadata.uid}')"));
        }
        labels.forEach((key, value) -> {
            if (value == null) {
                errors.add(new FieldError("labels", "label \"" + key + "\" has no '=': write it as " + key + "=value (or " + key
                        + "= for an empty value)", "unexpected label spec: " + key + " (expected KEY=VALUE)"));
                return;
            }
            List<String> keyErrors = Names.qualifiedName(key);
            if (!keyErrors.isEmpty()) {
                errors.add(new FieldError("labels", "label key \"" + key + "\": " + keyProblem(key),
                        "metadata.labels: Invalid value: \"" + key + "\": " + String.join("; ", keyErrors)));
            }
            List<String> valueErrors = Names.labelValue(value);
            if (!valueErrors.isEmpty()) {
                errors.add(new FieldError("labels", "label " + (key.isEmpty() ? "" : key + "=") + "\"" + value + "\": "
                        + or(Problems.of(value, Problems.Rule.QUALIFIED), valueErrors),
                        "metadata.labels: Invalid value: \"" + value + "\": " + String.join("; ", valueErrors)));
            }
        });
        return errors;
    }

    private static void named(List<FieldError> errors, String field, String value, Problems.Rule rule, List<String> apiErrors, String lead) {
        if (!apiErrors.isEmpty()) {
            errors.add(new FieldError(field, lead + or(Problems.of(value, rule), apiErrors), String.join("; ", apiErrors)));
        }
    }

    private static String keyProblem(String key) {
        if (key.isEmpty()) {
            return "a label needs a key before the '='";
        }
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return "only one '/' is allowed, between the prefix and the name";
        }
        String name = parts[parts.length - 1];
        List<String> problems = new ArrayList<>();
        if (parts.length == 2) {
            problems.add(parts[0].isEmpty() ? "the prefix before '/' is empty" : prefixed("the prefix ", Problems.of(parts[0], Problems.Rule.SUBDOMAIN)));
        }
        problems.add(name.isEmpty() ? "the name after '/' is empty" : prefixed(parts.length == 2 ? "the name " : "", Problems.of(name, Problems.Rule.QUALIFIED)));
        return or(String.join("; ", problems.stream().filter(p -> !p.isEmpty()).toList()), Names.qualifiedName(key));
    }

    private static String prefixed(String prefix, String problem) {
        return problem.isEmpty() ? "" : prefix + problem;
    }

    private static String or(String problem, List<String> apiErrors) {
        return problem.isEmpty() ? apiErrors.get(0) : problem;
    }

    /**
     * Labels from "key=value, key2=value2" as typed in the form or given on the command line. An
     * entry without '=' (a bare "env") is kept with a null value, which {@link #validate()} refuses:
     * a label is KEY=VALUE, as kubectl reads it ("key=" for an empty value).
     */
    public static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String part : text.split("[,\\n]")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            labels.put(eq < 0 ? entry : entry.substring(0, eq).strip(), eq < 0 ? null : entry.substring(eq + 1).strip());
        }
        return labels;
    }
}
