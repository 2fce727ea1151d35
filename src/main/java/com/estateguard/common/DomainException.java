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

    /**
     * The stable machine code an API client branches on ({@code ClientIdTaken} answers
     * {@code CLIENT_ID_TAKEN}, {@code NotFoundException} {@code NOT_FOUND}): the class name in upper
     * snake case, without an {@code Exception} suffix. A subclass whose name may change overrides it.
     */
    public String code() {
        return codeOf(getClass().getSimpleName().replaceFirst("Exception$", ""));
    }

    /** {@code ClientIdTaken} or {@code NotNull} as {@code CLIENT_ID_TAKEN} or {@code NOT_NULL}. */
    public static String codeOf(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
}
