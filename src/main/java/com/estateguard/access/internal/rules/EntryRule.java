package com.estateguard.access.internal.rules;

import com.estateguard.common.Rule;
import com.estateguard.policy.ReasonCode;

/** One named rule of the checkpoint. Returns no reasons when the person passes it. */
public interface EntryRule extends Rule<EntryContext, ReasonCode> {
}
