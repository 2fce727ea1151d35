package com.estateguard.policy;

import com.estateguard.common.IllegalTransition;

/** The version has not taken effect yet, so there is nothing to end: withdraw it instead. */
public class PolicyVersionNotStarted extends IllegalTransition {
    public PolicyVersionNotStarted(PolicyVersionId id) {
        super("error.policy.notStarted", id.value());
    }
}
