package dev.tokenexplorer.core.input;

import dev.tokenexplorer.core.json.Nodes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenexplorer.core.keys.Pem;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;
import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.core.tree.SourceNode.Detail;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a kubeconfig (clientcmd v1) into contexts, clusters and users: every user's token (and
 * the token in its {@code tokenFile}, read relative to the kubeconfig when it was opened as a
 * file), and every other way a user authenticates (exec, auth-provider, basic auth, client
 * certificates) reported for what it is. Nothing is ever run; keys and passwords are never shown.
 * Messages follow client-go's wording.
 */
final class KubeconfigReader {

    private KubeconfigReader() {
    }

    /** Reads the kubeconfig into {@code out}; returns why client-go would refuse to load it, or null. */
    static String read(JsonNode config, String prefix, Collected out) {
        List<String> refused = new ArrayList<>();
        Map<String, JsonNode> clusters = named(config, "clusters", "cluster", refused, out);
        Map<String, JsonNode> users = named(config, "users", "user", refused, out);
        Map<String, JsonNode> contexts = named(config, "contexts", "context", refused, out);
        String current = Nodes.text(config, "current-context");
        if (current != null && !current.isEmpty() && !contexts.containsKey(current)) {
            out.note(Finding.of(FindingCode.MISSING_CURRENT_CONTEXT, prefix + "current-context is \"" + current
                    + "\", but no context has that name (client-go: context was not found for specified context: " + current + ")."));
        }

        List<SourceNode> contextNodes = new ArrayList<>();
        Map<String, List<String>> contextsByUser = new LinkedHashMap<>();
        contexts.forEach((name, context) -> {
            String cluster = Nodes.text(context, "cluster");
            String user = Nodes.text(context, "user");
            List<Finding> notes = new ArrayList<>();
            if (cluster != null && !cluster.isEmpty() && !clusters.containsKey(cluster)) {
                notes.add(Finding.of(FindingCode.MISSING_CLUSTER, prefix + "context \"" + name + "\" refers to cluster \"" + cluster
                        + "\", which is not defined (client-go: cluster \"" + cluster + "\" not found)."));
            }
            if (user != null && !user.isEmpty() && !users.containsKey(user)) {
                notes.add(Finding.of(FindingCode.MISSING_USER, prefix + "context \"" + name + "\" refers to user \"" + user
                        + "\", which is not defined (client-go: user \"" + user + "\" not found)."));
            }
            notes.forEach(out::note);
            String server = Nodes.text(clusters.get(cluster), "server");
            if (user != null) {
                contextsByUser.computeIfAbsent(user, u -> new ArrayList<>())
                        .add("\"" + name + "\"" + (name.equals(current) ? " (current)" : "") + (server == null || server.isEmpty() ? "" : " → " + server));
            }
            List<Detail> details = new ArrayList<>();
            details.add(Detail.of("Cluster", String.valueOf(cluster)));
            details.add(Detail.of("User", String.valueOf(user)));
            details.add(new Detail("Namespace", Nodes.text(context, "namespace") == null ? "(default)" : Nodes.text(context, "namespace"),
                    "The namespace kubectl uses when none is given."));
            details.add(new Detail("Current", name.equals(current) ? "yes" : "no", "kubectl uses the current context unless told otherwise."));
            contextNodes.add(new SourceNode("context", name + (name.equals(current) ? " (current)" : ""), cluster + " · " + user,
                    details, notes, List.of(), -1));
        });

        List<SourceNode> clusterNodes = new ArrayList<>();
        clusters.forEach((name, cluster) -> clusterNodes.add(cluster(name, cluster, prefix, out)));
        List<SourceNode> userNodes = new ArrayList<>();
        users.forEach((name, user) -> userNodes.add(user(name, user, prefix, contextsByUser.getOrDefault(name, List.of()), out)));

        if (users.isEmpty() && clusters.isEmpty() && contexts.isEmpty()) {
            out.note(Finding.of(FindingCode.EMPTY_KUBECONFIG, prefix + "the kubeconfig defines no clusters, users or contexts."));
        }
        out.nodes.add(SourceNode.group(prefix + "Contexts", contextNodes));
        out.nodes.add(SourceNode.group(prefix + "Clusters", clusterNodes));
        out.nodes.add(SourceNode.group(prefix + "Users", userNodes));
        return refused.isEmpty() ? null : "client-go refuses to load this kubeconfig: " + String.join("; ", refused) + ".";
    }

    private static SourceNode cluster(String name, JsonNode cluster, String prefix, Collected out) {
        List<Finding> notes = new ArrayList<>();
        List<Detail> details = new ArrayList<>();
        List<SourceNode> children = new ArrayList<>();
        String server = Nodes.text(cluster, "server");
        if (server == null || server.isEmpty()) {
            notes.add(Finding.of(FindingCode.CLUSTER_WITHOUT_SERVER, prefix + "cluster \"" + name + "\" has no server defined."));
        }
        details.add(Detail.of("Server", server == null || server.isEmpty() ? "(none)" : server));
        if (Nodes.text(cluster, "tls-server-name") != null) {
            details.add(new Detail("TLS server name", Nodes.text(cluster, "tls-server-name"), "The name checked in the server's certificate instead of the host."));
        }
        boolean insecure = "true".equals(Nodes.text(cluster, "insecure-skip-tls-verify"));
        boolean plainHttp = server != null && server.strip().regionMatches(true, 0, "http://", 0, 7);
        if (plainHttp) {
            details.add(new Detail("Verify the server's certificate", "no (plain HTTP: no TLS, no certificate)",
                    "Anyone between you and the server can read the tokens sent there."));
            notes.add(Finding.of(FindingCode.PLAIN_HTTP_SERVER, prefix + "cluster \"" + name
                    + "\" is reached over plain HTTP: there is no TLS and no certificate, so a token sent there travels in clear text."));
        } else {
            details.add(new Detail("Verify the server's certificate", insecure ? "no (insecure-skip-tls-verify)" : "yes",
                    insecure ? "Anyone between you and the server can read the tokens sent there." : null));
        }
        if (insecure && !plainHttp) {
            notes.add(Finding.of(FindingCode.INSECURE_SKIP_TLS_VERIFY, prefix + "cluster \"" + name
                    + "\" sets insecure-skip-tls-verify: the server's certificate is not checked, so a token sent there can be intercepted."));
        }
        if (Nodes.text(cluster, "proxy-url") != null) {
            details.add(Detail.of("Proxy", Nodes.text(cluster, "proxy-url")));
        }
        String caData = Nodes.text(cluster, "certificate-authority-data");
        if (caData != null) {
            String pem = decodePem(caData);
            List<SourceNode> certs = pem == null ? List.of() : out.certificates(pem);
            details.add(Detail.of("CA certificate", certs.isEmpty() ? "certificate-authority-data (not a PEM certificate)"
                    : "certificate-authority-data: " + certs.size() + (certs.size() == 1 ? " certificate" : " certificates")));
            children.addAll(certs);
        } else if (Nodes.text(cluster, "certificate-authority") != null) {
            details.add(Detail.of("CA certificate", "file " + Nodes.text(cluster, "certificate-authority")));
        }
        notes.forEach(out::note);
        return new SourceNode("cluster", name, server, details, notes, children, -1);
    }

    private static SourceNode user(String name, JsonNode user, String prefix, List<String> usedBy, Collected out) {
        String who = prefix + "user \"" + name + "\"";
        List<Finding> notes = new ArrayList<>();
        List<Detail> details = new ArrayList<>();
        List<SourceNode> children = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<Finding> context = usedBy.isEmpty() ? List.of()
                : List.of(Finding.of(FindingCode.KUBECONFIG_CONTEXTS, "Used by context " + String.join(", ", usedBy) + "."));
        String token = Nodes.text(user, "token");
        String tokenFile = Nodes.text(user, "tokenFile");
        if (token != null && !token.isEmpty()) {
            methods.add("token");
            details.add(new Detail("Token", "inline (" + token.length() + " characters)", "Sent as Authorization: Bearer."));
            Finding opaque = BearerToken.opaque(token.strip(), sentenceStart(prefix, "the token of user \"" + name + "\""));
            if (opaque == null) {
                children.add(out.token("kubeconfig user \"" + name + "\" token", token, context, "token"));
            } else {
                notes.add(opaque);
            }
        }
        if (tokenFile != null && !tokenFile.isEmpty()) {
            if (!methods.contains("token")) {
                methods.add("token");
            }
            details.add(new Detail("Token file", tokenFile, token != null
                    ? "Read periodically; its token takes precedence over the inline token." : "Read periodically, so a rotating projected token works."));
            tokenFile(name, tokenFile, context, who, prefix, out, notes, children);
        }
        if (Nodes.text(user, "username") != null || Nodes.text(user, "password") != null) {
            methods.add("basicAuth");
            String username = Nodes.text(user, "username");
            details.add(Detail.of("Username", username == null ? "(none)" : username));
            details.add(new Detail("Password", Nodes.text(user, "password") == null ? "(none)" : "•••••• (not shown)", null));
            notes.add(Finding.of(FindingCode.BASIC_AUTH, who + " authenticates with a username" + (username == null ? "" : " (\"" + username + "\")")
                    + " and a password (not shown). Kubernetes removed static password files in 1.19."));
        }
        boolean hasCert = Nodes.text(user, "client-certificate-data") != null || Nodes.text(user, "client-certificate") != null;
        boolean hasKey = Nodes.text(user, "client-key-data") != null || Nodes.text(user, "client-key") != null;
        if (hasCert) {
            methods.add("clientCert");
            clientCertificate(user, who, out, notes, details, children);
            if (!hasKey) {
                notes.add(Finding.of(FindingCode.CLIENT_KEY_MISSING, "client-key-data or client-key must be specified for " + name
                        + " to use the clientCert authentication method."));
            }
        } else if (hasKey) {
            notes.add(Finding.of(FindingCode.CLIENT_CERT_MISSING, "client-cert-data or client-cert must be specified for " + name
                    + " to use the clientCert authentication method."));
        }
        if (hasKey) {
            String keyData = Nodes.text(user, "client-key-data");
            details.add(new Detail("Client key", keyData != null ? "private key, " + keyDescription(keyData) + " (never shown)"
                    : "file " + Nodes.text(user, "client-key"), "The private half of the client certificate: whoever has it is this user."));
        }
        JsonNode exec = user == null ? null : user.get("exec");
        JsonNode authProvider = user == null ? null : user.get("auth-provider");
        if (exec != null && exec.isObject()) {
            methods.add("exec");
            notes.add(execNote(who, name, exec, details));
        }
        if (authProvider != null && authProvider.isObject()) {
            methods.add("authProvider");
            authProvider(name, authProvider, who, context, out, notes, details, children);
        }
        if (exec != null && authProvider != null) {
            notes.add(Finding.of(FindingCode.EXEC_AND_AUTH_PROVIDER, "user " + name + " has both an exec plugin and an auth-provider: only one may be set."));
        }
        Set<String> distinct = new HashSet<>(methods);
        if (distinct.contains("token") && distinct.contains("basicAuth")) {
            notes.add(Finding.of(FindingCode.MORE_THAN_ONE_AUTH_METHOD, "more than one authentication method found for " + name
                    + "; found [" + String.join(" ", methods) + "], only one is allowed."));
        }
        if (methods.isEmpty()) {
            notes.add(Finding.of(FindingCode.NO_CREDENTIALS, who + " has no credentials."));
        }
        notes.forEach(out::note);
        return new SourceNode("user", name, methods.isEmpty() ? "no credentials" : String.join(", ", methods), details, notes, children, -1);
    }

    /** "The token of …", or "document 2: the token of …". */
    private static String sentenceStart(String prefix, String subject) {
        return prefix.isEmpty() ? Character.toUpperCase(subject.charAt(0)) + subject.substring(1) : prefix + subject;
    }

    /** The token in a tokenFile: read from disk only when the kubeconfig itself was opened as a file. */
    private static void tokenFile(String name, String tokenFile, List<Finding> context, String who, String prefix, Collected out,
                                  List<Finding> notes, List<SourceNode> children) {
        if (out.baseDir == null) {
            notes.add(Finding.of(FindingCode.TOKEN_FILE, who + " reads its token from the file " + tokenFile
                    + " (tokenFile): open the kubeconfig as a file, or that file itself, to inspect the token."));
            return;
        }
        Path path;
        try {
            path = out.baseDir.resolve(tokenFile).normalize();
        } catch (InvalidPathException e) {
            notes.add(Finding.of(FindingCode.TOKEN_FILE_MISSING, who + ": tokenFile " + tokenFile + " is not a valid path."));
            return;
        }
        InputFiles.Read read = InputFiles.read(path);
        if (read.error() != null) {
            notes.add(Finding.of(FindingCode.TOKEN_FILE_MISSING, who + ": tokenFile " + tokenFile + " cannot be read (" + read.error()
                    + "); client-go would keep using the last token it read."));
            return;
        }
        Finding opaque = BearerToken.opaque(read.text().strip(), sentenceStart(prefix, "the token in " + tokenFile + ", the tokenFile of user \"" + name + "\""));
        if (opaque == null) {
            children.add(out.token("kubeconfig user \"" + name + "\" tokenFile " + path, read.text().strip(), context, "tokenFile " + path.getFileName()));
        } else {
            notes.add(opaque);
        }
    }

    private static void clientCertificate(JsonNode user, String who, Collected out, List<Finding> notes, List<Detail> details,
                                          List<SourceNode> children) {
        String data = Nodes.text(user, "client-certificate-data");
        if (data == null) {
            details.add(Detail.of("Client certificate", "file " + Nodes.text(user, "client-certificate")));
            return;
        }
        String pem = decodePem(data);
        List<SourceNode> certs = pem == null ? List.of() : out.certificates(pem);
        if (certs.isEmpty()) {
            notes.add(Finding.of(FindingCode.CLIENT_CERTIFICATE_UNREADABLE, who + " has client-certificate-data that is not a base64 PEM certificate."));
            return;
        }
        details.add(Detail.of("Client certificate", certs.get(0).title()));
        children.addAll(certs);
        certs.forEach(c -> c.notes().forEach(n -> notes.add(n.prefixed(who + "'s client certificate: "))));
    }

    private static void authProvider(String name, JsonNode provider, String who, List<Finding> context, Collected out,
                                     List<Finding> notes, List<Detail> details, List<SourceNode> children) {
        String providerName = Nodes.text(provider, "name");
        details.add(new Detail("Auth provider", providerName, "A plugin built into old kubectl versions; never run here."));
        JsonNode config = provider.get("config");
        if (config != null && config.isObject()) {
            config.fieldNames().forEachRemaining(key -> details.add(Detail.of("Auth provider setting", key + " (value not shown)")));
            String idToken = Nodes.text(config, "id-token");
            if (idToken != null && !idToken.isEmpty()) {
                children.add(out.token("kubeconfig user \"" + name + "\" auth-provider id-token", idToken, context, "auth-provider id-token"));
            }
        }
        notes.add(Finding.of(FindingCode.AUTH_PROVIDER, who + " gets credentials from the auth-provider plugin \"" + providerName
                + "\" (not run here). The in-tree gcp and azure providers were removed in Kubernetes 1.26; use their exec plugins."));
    }

    private static Finding execNote(String who, String name, JsonNode exec, List<Detail> details) {
        StringBuilder command = new StringBuilder(String.valueOf(Nodes.text(exec, "command")));
        JsonNode args = exec.get("args");
        if (args != null && args.isArray()) {
            args.forEach(arg -> command.append(' ').append(arg.asText()));
        }
        String apiVersion = Nodes.text(exec, "apiVersion");
        String mode = Nodes.text(exec, "interactiveMode");
        details.add(new Detail("Exec plugin", command.toString(), "kubectl runs this command to get a token. Token Explorer never runs it."));
        details.add(Detail.of("Exec API version", String.valueOf(apiVersion)));
        details.add(Detail.of("Interactive mode", mode == null ? "(not set)" : mode));
        JsonNode env = exec.get("env");
        if (env != null && env.isArray()) {
            env.forEach(e -> details.add(Detail.of("Exec environment", Nodes.text(e, "name") + " (value not shown)")));
        }
        if (Nodes.text(exec, "command") == null) {
            return Finding.of(FindingCode.EXEC_INVALID, "command must be specified for " + name + " to use exec authentication plugin.");
        }
        if ("client.authentication.k8s.io/v1".equals(apiVersion) && mode == null) {
            return Finding.of(FindingCode.EXEC_INVALID, "interactiveMode must be specified for " + name
                    + " to use exec authentication plugin (it is required for client.authentication.k8s.io/v1).");
        }
        return Finding.of(FindingCode.EXEC_PLUGIN, who + " gets a token by running `" + command + "` (exec plugin, "
                + (apiVersion == null ? "no apiVersion" : apiVersion) + "). It is never run here: run it yourself and paste its token.");
    }

    private static String decodePem(String base64) {
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String keyDescription(String base64) {
        String pem = decodePem(base64);
        if (pem == null) {
            return "not base64";
        }
        List<Pem.Block> blocks = Pem.read(pem);
        return blocks.isEmpty() ? "not PEM" : blocks.get(0).label().toLowerCase(java.util.Locale.ROOT);
    }

    /** A list of {name, <field>} entries as a map by name; what client-go refuses goes to {@code refused}, in its words. */
    private static Map<String, JsonNode> named(JsonNode config, String list, String field, List<String> refused, Collected out) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        JsonNode entries = config.get(list);
        if (entries == null || entries.isNull()) {
            return byName;
        }
        if (!entries.isArray()) {
            refused.add(list + " must be a list of {name, " + field + "} entries");
            return byName;
        }
        for (JsonNode entry : entries) {
            String name = Nodes.text(entry, "name");
            if (name == null) {
                out.note(Finding.of(FindingCode.KUBECONFIG_UNNAMED, "an entry of " + list + " has no name."));
                continue;
            }
            if (byName.containsKey(name)) {
                refused.add("duplicate name \"" + name + "\" in list " + list);
                continue;
            }
            byName.put(name, entry.get(field));
        }
        return byName;
    }
}
