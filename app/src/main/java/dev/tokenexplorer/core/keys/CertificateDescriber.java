package dev.tokenexplorer.core.keys;

import dev.tokenexplorer.core.tree.SourceNode;
import dev.tokenexplorer.core.tree.SourceNode.Detail;
import dev.tokenexplorer.core.text.TimeText;
import dev.tokenexplorer.core.finding.Finding;
import dev.tokenexplorer.core.finding.FindingCode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * A certificate as a user reads it: subject, issuer, validity with days left, SANs, key, SHA-256
 * fingerprint, CA or leaf, and a warning for {@code O=system:masters} (cluster-admin that cannot
 * be revoked before it expires).
 */
public final class CertificateDescriber {

    private CertificateDescriber() {
    }

    public static SourceNode node(X509Certificate cert, Instant now) {
        List<Detail> details = new ArrayList<>();
        List<Finding> notes = new ArrayList<>();
        String subject = cert.getSubjectX500Principal().getName();
        Instant notAfter = cert.getNotAfter().toInstant();
        Instant notBefore = cert.getNotBefore().toInstant();
        boolean ca = cert.getBasicConstraints() >= 0;
        details.add(Detail.of("Subject", subject));
        details.add(Detail.of("Issuer", cert.getIssuerX500Principal().getName()
                + (cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal()) ? " (self-signed)" : "")));
        details.add(Detail.of("Valid from", TimeText.utc(notBefore)));
        long daysLeft = Duration.between(now, notAfter).toDays();
        details.add(Detail.of("Valid until", TimeText.utc(notAfter) + (now.isAfter(notAfter) ? " (expired " + TimeText.relative(notAfter, now) + ")"
                : " (" + daysLeft + (daysLeft == 1 ? " day" : " days") + " left)")));
        details.add(new Detail("Role", ca ? "CA certificate" : "Leaf certificate",
                ca ? "It may sign other certificates (basicConstraints CA:true)." : "It identifies a server or a client; it signs nothing."));
        String sans = subjectAlternativeNames(cert);
        if (!sans.isEmpty()) {
            details.add(Detail.of("Subject alternative names", sans));
        }
        details.add(Detail.of("Key", KeyDescriber.describe(cert.getPublicKey())));
        details.add(Detail.of("Kubernetes key id", KeyDescriber.kubernetesKeyId(cert.getPublicKey())));
        details.add(Detail.of("SHA-256 fingerprint", fingerprint(cert)));
        if (now.isAfter(notAfter)) {
            notes.add(Finding.of(FindingCode.CERTIFICATE_EXPIRED, "This certificate expired " + TimeText.relative(notAfter, now) + "."));
        } else if (now.isBefore(notBefore)) {
            notes.add(Finding.of(FindingCode.CERTIFICATE_NOT_YET_VALID, "This certificate is not valid until " + TimeText.utc(notBefore) + "."));
        }
        if (subject.contains("O=system:masters")) {
            notes.add(Finding.of(FindingCode.CLUSTER_ADMIN_CERTIFICATE, "O=system:masters: whoever holds this certificate and its key is "
                    + "cluster-admin, past any RBAC rule, and it cannot be revoked before it expires."));
        }
        String cn = commonName(subject);
        return new SourceNode("certificate", cn == null ? subject : cn, (ca ? "CA" : "leaf") + ", until " + TimeText.utc(notAfter),
                details, notes, List.of(), -1);
    }

    private static String commonName(String subject) {
        for (String part : subject.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return null;
    }

    private static String subjectAlternativeNames(X509Certificate cert) {
        try {
            Collection<List<?>> names = cert.getSubjectAlternativeNames();
            if (names == null) {
                return "";
            }
            List<String> out = new ArrayList<>();
            for (List<?> name : names) {
                out.add(String.valueOf(name.get(1)));
            }
            return String.join(", ", out);
        } catch (CertificateParsingException e) {
            return "(unreadable)";
        }
    }

    private static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "(unavailable)";
        }
    }
}
