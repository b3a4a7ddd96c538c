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

    /** The Secret's name: the one given, or {@code <service-account>-token}. */
    public String effectiveSecretName() {
        return secretName.isEmpty() ? serviceAccount + "-token" : secretName;
    }

    /** Every value the API server would refuse, by field, in its own words. */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        List<String> accountErrors = serviceAccount.isEmpty() ? List.of("Required value: the service account the token is for")
                : Names.dns1123Subdomain(serviceAccount);
        accountErrors.forEach(m -> errors.add(new FieldError("serviceAccount", m)));
        if (namespace.isEmpty()) {
            errors.add(new FieldError("namespace", "Required value: a Secret's token is for a service account in the same namespace"));
        } else {
            Names.dns1123Label(namespace).forEach(m -> errors.add(new FieldError("namespace", m)));
        }
        if (!secretName.isEmpty() || accountErrors.isEmpty()) { // a derived name is checked only once the account is valid
            Names.dns1123Subdomain(effectiveSecretName()).forEach(m -> errors.add(new FieldError("secretName", m)));
        }
        if (!uid.isEmpty() && !Names.isUuid(uid)) {
            errors.add(new FieldError("uid", "must be a UUID such as 8208ff56-0a67-47bb-8175-a198423dacf8 (kubectl get sa "
                    + (serviceAccount.isEmpty() ? "NAME" : serviceAccount) + " -o jsonpath='{.metadata.uid}')"));
        }
        labels.forEach((key, value) -> {
            Names.qualifiedName(key).forEach(m -> errors.add(new FieldError("labels", "metadata.labels: Invalid value: \"" + key + "\": " + m)));
            Names.labelValue(value).forEach(m -> errors.add(new FieldError("labels", "metadata.labels: Invalid value: \"" + value + "\": " + m)));
        });
        return errors;
    }

    /** Labels from "key=value, key2=value2" as typed in the form or given on the command line. */
    public static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String part : text.split("[,\\n]")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            labels.put(eq < 0 ? entry : entry.substring(0, eq).strip(), eq < 0 ? "" : entry.substring(eq + 1).strip());
        }
        return labels;
    }
}
