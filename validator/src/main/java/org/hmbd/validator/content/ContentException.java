package org.hmbd.validator.content;

/** Standard content that cannot be used: missing, unreadable or inconsistent. */
public class ContentException extends RuntimeException {

    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
