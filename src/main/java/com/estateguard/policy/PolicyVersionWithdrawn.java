package com.estateguard.policy;

import com.estateguard.common.IllegalTransition;

/** The version was already withdrawn. */
public class PolicyVersionWithdrawn extends IllegalTransition {
    public PolicyVersionWithdrawn(PolicyVersionId id) {
        super("error.policy.withdrawn", id.value());
    }
}
