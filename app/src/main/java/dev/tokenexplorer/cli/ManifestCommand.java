package dev.tokenexplorer.cli;

import dev.tokenexplorer.core.manifest.FieldError;
import dev.tokenexplorer.core.manifest.ManifestWriter;
import dev.tokenexplorer.core.manifest.SecretRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code token-explorer manifest}: the explicit Secret for a long-lived service account token. */
@Command(name = "manifest",
        mixinStandardHelpOptions = true,
        versionProvider = TokenExplorerCommand.Version.class,
        description = {"Writes the Secret that gives a service account a long-lived token (Kubernetes 1.24+), for kubectl apply -f -.",
                "Prefer short-lived tokens where you can: kubectl create token SERVICE_ACCOUNT -n NAMESPACE."},
        footer = {"", "Exit status: 0 when the manifest was written; 2 when a value is invalid (the API server's message is printed)."})
public final class ManifestCommand implements Callable<Integer> {

    enum Format { yaml, json }

    @Option(names = "--service-account", required = true, paramLabel = "NAME", description = "The service account the token is for.")
    String serviceAccount;

    @Option(names = "--namespace", required = true, paramLabel = "NS", description = "Its namespace.")
    String namespace;

    @Option(names = "--secret-name", paramLabel = "NAME", description = "The Secret's name (default: <service-account>-token).")
    String secretName;

    @Option(names = "--uid", paramLabel = "UID", description = "The service account's UID: adds the kubernetes.io/service-account.uid annotation.")
    String uid;

    @Option(names = "--label", paramLabel = "KEY=VALUE", description = "An extra label. Repeatable.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--with-service-account", description = "Also write the ServiceAccount, first.")
    boolean withServiceAccount;

    @Option(names = "--format", defaultValue = "yaml", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SecretRequest request = new SecretRequest(serviceAccount, namespace, secretName, uid, labels, withServiceAccount);
        List<FieldError> errors = request.validate();
        if (!errors.isEmpty()) {
            errors.forEach(e -> spec.commandLine().getErr().println("token-explorer: --" + option(e.field()) + ": " + e.message()));
            return ExitCodes.UNREADABLE;
        }
        spec.commandLine().getOut().print(format == Format.json ? ManifestWriter.json(request) : ManifestWriter.yaml(request));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static String option(String field) {
        return switch (field) {
            case "serviceAccount" -> "service-account";
            case "secretName" -> "secret-name";
            case "labels" -> "label";
            default -> field;
        };
    }
}
