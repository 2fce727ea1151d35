package com.estateguard.policy;

import com.estateguard.common.IllegalTransition;

/** The version was already ended. */
public class PolicyVersionEnded extends IllegalTransition {
    public PolicyVersionEnded(PolicyVersionId id) {
        super("error.policy.ended", id.value());
    }
}
