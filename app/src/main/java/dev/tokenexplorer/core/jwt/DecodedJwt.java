package dev.tokenexplorer.core.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * A compact JWS taken apart without any key: the three raw segments and the header and claims
 * as JSON trees in their original order and with their exact values.
 *
 * @param payloadProblem set when the payload is not a JSON object of claims (a JWS, but not a
 *                       JWT); the claims are then empty, and the signature can still be checked
 */
public record DecodedJwt(String compact,
                         String headerSegment,
                         String payloadSegment,
                         String signatureSegment,
                         ObjectNode header,
                         ObjectNode claims,
                         String payloadProblem) {

    /** The {@code alg} header, if it is a string. */
    public Optional<String> algorithm() {
        return text(header, "alg");
    }

    /** The {@code kid} header, if it is a string. */
    public Optional<String> keyId() {
        return text(header, "kid");
    }

    /** A top-level claim as a string, if present and textual. */
    public Optional<String> claimText(String name) {
        return text(claims, name);
    }

    private static Optional<String> text(ObjectNode node, String field) {
        var value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
