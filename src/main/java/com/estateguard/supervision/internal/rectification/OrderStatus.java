package com.estateguard.supervision.internal.rectification;

/**
 * Where a rectification order (整改通知) stands: issued to the estate, answered by it, then re-checked
 * (回头看) by an authority: verified (closed) or failed again (downgrade recorded).
 */
public enum OrderStatus {
    ISSUED, ANSWERED, VERIFIED, RECHECK_FAILED;

    OrderStatus answer() {
        if (this != ISSUED) {
            throw new OrderAlreadyAnswered();
        }
        return ANSWERED;
    }

    OrderStatus recheck(boolean passed) {
        if (this != ANSWERED) {
            throw new OrderNotAnswered();
        }
        return passed ? VERIFIED : RECHECK_FAILED;
    }

    public boolean open() {
        return this == ISSUED || this == ANSWERED;
    }
}
