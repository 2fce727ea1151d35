package com.estateguard.common;

/**
 * A named failure with a message key (messages*.properties) so pages show it in the user's
 * language and the API returns it as problem+json. Never carries a stack trace to the client.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;
    private final int status;

    public DomainException(int status, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public int status() {
        return status;
    }
}
