package com.estateguard.policy;

import com.estateguard.common.IllegalTransition;

/** The version has taken effect: checks were decided under it, so it is never withdrawn or changed. */
public class PolicyVersionInEffect extends IllegalTransition {
    public PolicyVersionInEffect(PolicyVersionId id) {
        super("error.policy.notScheduled", id.value());
    }
}
