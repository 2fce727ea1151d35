package com.estateguard.common;

/**
 * An aggregate refused a move its current state does not allow: closing a closed follow-up,
 * deciding a decided request, admitting a worker to a full site. The subclasses name the move.
 */
public abstract class IllegalTransition extends DomainException {
    protected IllegalTransition(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
