package dev.tokenexplorer.core.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recommended alternative to a long-lived Secret: {@code kubectl create token}, with a
 * duration, audiences and an optional bound object, checked as kubectl and the TokenRequest API
 * check them (at least 10 minutes, at most 2^32 seconds, whole seconds).
 *
 * @param duration   a Go duration as kubectl takes it ("1h", "90m", "3600s"); blank for the server default
 * @param boundKind  blank, "Pod", "Secret" or "Node"
 */
public record TokenRequestOptions(String duration, List<String> audiences, String boundKind, String boundName, String boundUid) {

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    public static final long MIN_SECONDS = 600;
    public static final long MAX_SECONDS = 1L << 32;

    public TokenRequestOptions {
        duration = duration == null ? "" : duration.strip();
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        boundKind = boundKind == null ? "" : boundKind.strip();
        boundName = boundName == null ? "" : boundName.strip();
        boundUid = boundUid == null ? "" : boundUid.strip();
    }

    public static TokenRequestOptions none() {
        return new TokenRequestOptions("", List.of(), "", "", "");
    }

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (!duration.isEmpty()) {
            Double seconds = seconds(duration);
            if (seconds == null) {
                errors.add(new FieldError("duration", "\"" + duration + "\" is not a duration: a number with h, m or s, such as 1h, 90m or 48h (no d for days)",
                        "invalid duration \"" + duration + "\": use a Go duration such as 1h, 90m or 3600s"));
            } else if (seconds != Math.floor(seconds)) {
                errors.add(new FieldError("duration", "--duration must be a whole number of seconds"));
            } else if (seconds < MIN_SECONDS) {
                errors.add(new FieldError("duration", "too short: " + seconds.longValue() + " seconds, at least 10 minutes",
                        "spec.expirationSeconds: Invalid value: " + seconds.longValue() + ": may not specify a duration less than 10 minutes"));
            } else if (seconds > MAX_SECONDS) {
                errors.add(new FieldError("duration", "too long: " + seconds.longValue() + " seconds, at most 2^32 (about 136 years)",
                        "spec.expirationSeconds: Invalid value: " + seconds.longValue() + ": may not specify a duration larger than 2^32 seconds"));
            }
        }
        for (String audience : audiences) {
            if (audience.isBlank()) {
                errors.add(new FieldError("audiences", "--audience must not be an empty string"));
            }
        }
        if (!boundKind.isEmpty()) {
            if (!List.of("Pod", "Secret", "Node").contains(boundKind)) {
                errors.add(new FieldError("boundKind", "supported --bound-object-kind values are Pod, Secret, Node"));
            }
            if (boundName.isEmpty()) {
                errors.add(new FieldError("boundName", "--bound-object-name is required if --bound-object-kind is provided"));
            }
        } else if (!boundName.isEmpty() || !boundUid.isEmpty()) {
            errors.add(new FieldError("boundKind", "--bound-object-name and --bound-object-uid can only be set if --bound-object-kind is provided"));
        }
        if (!boundUid.isEmpty() && !Names.isUuid(boundUid)) {
            errors.add(new FieldError("boundUid", "must be a UUID such as d822ba5f-4290-4bca-94ce-f3bc0dca2e36"));
        }
        return errors;
    }

    /** The duration in seconds, or null when it is not a Go duration. */
    static Double seconds(String text) {
        Matcher m = GO_DURATION_PART.matcher(text);
        int at = 0;
        double total = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "h" -> n * 3600;
                case "m" -> n * 60;
                case "s" -> n;
                case "ms" -> n / 1e3;
                case "us", "µs" -> n / 1e6;
                default -> n / 1e9;
            };
            at = m.end();
        }
        return at == text.length() && at > 0 ? total : null;
    }

    /** {@code kubectl create token SA -n NS …} for a request. */
    public String command(String serviceAccount, String namespace) {
        StringBuilder out = new StringBuilder("kubectl create token ").append(serviceAccount.isEmpty() ? "SERVICE_ACCOUNT" : serviceAccount)
                .append(" -n ").append(namespace.isEmpty() ? "NAMESPACE" : namespace);
        if (!duration.isEmpty()) out.append(" --duration ").append(duration);
        audiences.stream().filter(a -> !a.isBlank()).forEach(a -> out.append(" --audience ").append(a));
        if (!boundKind.isEmpty()) {
            out.append(" --bound-object-kind ").append(boundKind).append(" --bound-object-name ").append(boundName);
            if (!boundUid.isEmpty()) out.append(" --bound-object-uid ").append(boundUid);
        }
        return out.toString();
    }
}
