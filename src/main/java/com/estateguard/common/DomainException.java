package com.estateguard.common;

/**
 * A named failure of the domain: a message key (messages*.properties) and its arguments, so a page
 * shows it in the user's language and the API returns it as problem+json. It never names an HTTP
 * status: each module says once, in its {@link ErrorStatuses}, what its exceptions answer with.
 * Never carries a stack trace to the client.
 */
public abstract class DomainException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    protected DomainException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
