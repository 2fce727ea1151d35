package com.estateguard.access.internal;

import com.estateguard.common.IllegalTransition;

/** Opening one more entrance would exceed the policy's limit for the estate (ACC-09). */
public class EntranceLimitReached extends IllegalTransition {
    public EntranceLimitReached(int limit) {
        super("error.entrance.limit", limit);
    }
}
