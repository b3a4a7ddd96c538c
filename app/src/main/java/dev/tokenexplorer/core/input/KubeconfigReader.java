package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.keys.KeyDescriber;
import dev.tokenexplorer.core.keys.Pem;
import dev.tokenexplorer.core.token.Finding;
import dev.tokenexplorer.core.token.Severity;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a kubeconfig (clientcmd v1): every user's token, and every other way a user
 * authenticates (tokenFile, exec, auth-provider, basic auth, client certificates) reported for
 * what it is. Nothing is run or read from disk here; messages follow client-go's wording.
 */
final class KubeconfigReader {

    private KubeconfigReader() {
    }

    static void read(JsonNode config, String prefix, Collected out) {
        Map<String, JsonNode> clusters = named(config, "clusters", "cluster", prefix, out);
        Map<String, JsonNode> users = named(config, "users", "user", prefix, out);
        Map<String, JsonNode> contexts = named(config, "contexts", "context", prefix, out);

        String current = Nodes.text(config, "current-context");
        if (current != null && !current.isEmpty() && !contexts.containsKey(current)) {
            out.note(Finding.warning("missing-current-context", prefix + "current-context is \"" + current
                    + "\", but no context has that name (client-go: context was not found for specified context: " + current + ")."));
        }
        Map<String, List<String>> contextsByUser = new LinkedHashMap<>();
        contexts.forEach((name, context) -> {
            String cluster = Nodes.text(context, "cluster");
            String user = Nodes.text(context, "user");
            if (cluster != null && !cluster.isEmpty() && !clusters.containsKey(cluster)) {
                out.note(Finding.warning("missing-cluster", prefix + "context \"" + name + "\" refers to cluster \"" + cluster
                        + "\", which is not defined (client-go: cluster \"" + cluster + "\" not found)."));
            }
            if (user != null && !user.isEmpty() && !users.containsKey(user)) {
                out.note(Finding.warning("missing-user", prefix + "context \"" + name + "\" refers to user \"" + user
                        + "\", which is not defined (client-go: user \"" + user + "\" not found)."));
            }
            if (user != null) {
                String server = Nodes.text(clusters.get(cluster), "server");
                contextsByUser.computeIfAbsent(user, u -> new ArrayList<>())
                        .add("\"" + name + "\"" + (name.equals(current) ? " (current)" : "")
                                + (server == null || server.isEmpty() ? "" : " → " + server));
            }
        });
        clusters.forEach((name, cluster) -> {
            if (Nodes.text(cluster, "server") == null || Nodes.text(cluster, "server").isEmpty()) {
                out.note(Finding.warning("cluster-without-server", prefix + "cluster \"" + name + "\" has no server defined."));
            }
            if ("true".equals(Nodes.text(cluster, "insecure-skip-tls-verify"))) {
                out.note(Finding.warning("insecure-skip-tls-verify", prefix + "cluster \"" + name
                        + "\" sets insecure-skip-tls-verify: the server's certificate is not checked, so a token sent there can be intercepted."));
            }
        });
        users.forEach((name, user) -> readUser(name, user, prefix, contextsByUser.getOrDefault(name, List.of()), out));
        if (users.isEmpty() && clusters.isEmpty() && contexts.isEmpty()) {
            out.note(Finding.info("empty-kubeconfig", prefix + "the kubeconfig defines no clusters, users or contexts."));
        }
    }

    private static void readUser(String name, JsonNode user, String prefix, List<String> usedBy, Collected out) {
        String who = prefix + "user \"" + name + "\"";
        List<String> methods = new ArrayList<>();
        String token = Nodes.text(user, "token");
        String tokenFile = Nodes.text(user, "tokenFile");
        if (token != null && !token.isEmpty()) {
            methods.add("token");
            List<Finding> context = usedBy.isEmpty() ? List.of()
                    : List.of(Finding.info("kubeconfig-contexts", "Used by context " + String.join(", ", usedBy) + "."));
            out.token("kubeconfig user \"" + name + "\" token", token, context);
        }
        if (tokenFile != null && !tokenFile.isEmpty()) {
            if (!methods.contains("token")) {
                methods.add("token");
            }
            out.note(Finding.info("token-file", who + " reads its token from the file " + tokenFile
                    + " (tokenFile" + (token != null ? ", which takes precedence over token" : "") + "): open that file to inspect the token."));
        }
        if (Nodes.text(user, "username") != null || Nodes.text(user, "password") != null) {
            methods.add("basicAuth");
            String username = Nodes.text(user, "username");
            out.note(Finding.warning("basic-auth", who + " authenticates with a username" + (username == null ? "" : " (\"" + username + "\")")
                    + " and a password (not shown). Kubernetes removed static password files in 1.19."));
        }
        boolean hasCert = Nodes.text(user, "client-certificate-data") != null || Nodes.text(user, "client-certificate") != null;
        boolean hasKey = Nodes.text(user, "client-key-data") != null || Nodes.text(user, "client-key") != null;
        if (hasCert) {
            methods.add("clientCert");
            out.note(certificateNote(who, user));
            if (!hasKey) {
                out.note(Finding.error("client-key-missing", "client-key-data or client-key must be specified for " + name
                        + " to use the clientCert authentication method."));
            }
        } else if (hasKey) {
            out.note(Finding.error("client-cert-missing", "client-cert-data or client-cert must be specified for " + name
                    + " to use the clientCert authentication method."));
        }
        JsonNode exec = user == null ? null : user.get("exec");
        JsonNode authProvider = user == null ? null : user.get("auth-provider");
        if (exec != null && exec.isObject()) {
            methods.add("exec");
            out.note(execNote(who, name, exec));
        }
        if (authProvider != null && authProvider.isObject()) {
            methods.add("authProvider");
            String provider = Nodes.text(authProvider, "name");
            out.note(Finding.info("auth-provider", who + " gets credentials from the auth-provider plugin \"" + provider
                    + "\" (not run here). The in-tree gcp and azure providers were removed in Kubernetes 1.26; use their exec plugins."));
        }
        if (exec != null && authProvider != null) {
            out.note(Finding.error("exec-and-auth-provider", "user " + name + " has both an exec plugin and an auth-provider: only one may be set."));
        }
        Set<String> distinct = new HashSet<>(methods);
        distinct.remove("exec");
        distinct.remove("authProvider");
        if (distinct.contains("token") && distinct.contains("basicAuth")) {
            out.note(Finding.error("more-than-one-auth-method", "more than one authentication method found for " + name
                    + "; found [" + String.join(" ", methods) + "], only one is allowed."));
        }
        if (methods.isEmpty()) {
            out.note(Finding.info("no-credentials", who + " has no credentials."));
        }
    }

    private static Finding execNote(String who, String name, JsonNode exec) {
        StringBuilder command = new StringBuilder(String.valueOf(Nodes.text(exec, "command")));
        JsonNode args = exec.get("args");
        if (args != null && args.isArray()) {
            args.forEach(arg -> command.append(' ').append(arg.asText()));
        }
        String apiVersion = Nodes.text(exec, "apiVersion");
        String mode = Nodes.text(exec, "interactiveMode");
        if (Nodes.text(exec, "command") == null) {
            return Finding.error("exec-invalid", "command must be specified for " + name + " to use exec authentication plugin.");
        }
        if ("client.authentication.k8s.io/v1".equals(apiVersion) && mode == null) {
            return Finding.error("exec-invalid", "interactiveMode must be specified for " + name
                    + " to use exec authentication plugin (it is required for client.authentication.k8s.io/v1).");
        }
        return Finding.info("exec-plugin", who + " gets a token by running `" + command + "` (exec plugin, "
                + (apiVersion == null ? "no apiVersion" : apiVersion) + "). It is never run here: run it yourself and paste its token.");
    }

    private static Finding certificateNote(String who, JsonNode user) {
        String data = Nodes.text(user, "client-certificate-data");
        if (data == null) {
            return Finding.info("client-certificate", who + " authenticates with the client certificate in file "
                    + Nodes.text(user, "client-certificate") + ".");
        }
        try {
            String pem = new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8);
            for (Pem.Block block : Pem.read(pem)) {
                X509Certificate cert = block.der() == null ? null : KeyDescriber.certificate(block.der()).orElse(null);
                if (cert != null) {
                    String subject = cert.getSubjectX500Principal().getName();
                    boolean admin = subject.contains("O=system:masters");
                    return new Finding(admin ? Severity.WARNING : Severity.INFO,
                            admin ? "cluster-admin-certificate" : "client-certificate",
                            who + " authenticates with a client certificate for " + subject + ", valid until " + cert.getNotAfter().toInstant()
                                    + (admin ? ". O=system:masters makes it cluster-admin, and it cannot be revoked before it expires." : "."));
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        return Finding.warning("client-certificate-unreadable", who + " has client-certificate-data that is not a base64 PEM certificate.");
    }

    /** A list of {name, <field>} entries as a map by name; duplicates as client-go reports them. */
    private static Map<String, JsonNode> named(JsonNode config, String list, String field, String prefix, Collected out) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        JsonNode entries = config.get(list);
        if (entries == null || entries.isNull()) {
            return byName;
        }
        if (!entries.isArray()) {
            out.note(Finding.error("kubeconfig-not-a-list", prefix + list + " must be a list of {name, " + field + "} entries."));
            return byName;
        }
        for (JsonNode entry : entries) {
            String name = Nodes.text(entry, "name");
            if (name == null) {
                out.note(Finding.warning("kubeconfig-unnamed", prefix + "an entry of " + list + " has no name."));
                continue;
            }
            if (byName.containsKey(name)) {
                out.note(Finding.error("duplicate-name", prefix + "duplicate name \"" + name + "\" in list " + list
                        + ": client-go refuses to load this kubeconfig."));
                continue;
            }
            byName.put(name, entry.get(field));
        }
        return byName;
    }
}
