package dev.tokenexplorer.core.manifest;

/** A form field's value the API server would refuse, with its message. */
public record FieldError(String field, String message) {
}
