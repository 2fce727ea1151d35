package com.estateguard.policy;

import com.estateguard.common.DomainException;

/** No policy version covers the estate yet: nothing can be decided, so nothing is recorded. */
public class NoPolicyException extends DomainException {
    public NoPolicyException(String estate) {
        super("error.noPolicy", estate);
    }
}
