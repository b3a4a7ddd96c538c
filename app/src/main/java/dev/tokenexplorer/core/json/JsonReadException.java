package dev.tokenexplorer.core.json;

/** JSON that cannot be read; the message is written for the user and says what and where. */
public final class JsonReadException extends Exception {
    public JsonReadException(String message) {
        super(message, null, false, false);
    }
}
