package dev.tokenexplorer.core.manifest;

/**
 * A form field's value the API server would refuse.
 *
 * @param problem    what is wrong, in words, pointing at the characters ("uppercase letters are not allowed: B, N")
 * @param apiMessage the API server's own wording (with its regex), or the same as {@code problem} when there is none
 */
public record FieldError(String field, String problem, String apiMessage) {

    /** An error whose words are the API server's (or kubectl's) own. */
    public FieldError(String field, String message) {
        this(field, message, message);
    }

    /** The problem in words, then the API server's wording when it differs. */
    public String message() {
        return problem.equals(apiMessage) ? problem : problem + ". The API server says: " + apiMessage;
    }
}
