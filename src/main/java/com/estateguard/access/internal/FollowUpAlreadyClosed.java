package com.estateguard.access.internal;

import com.estateguard.common.IllegalTransition;

/** The follow-up was already closed, by someone else or earlier; its note stands. */
public class FollowUpAlreadyClosed extends IllegalTransition {
    public FollowUpAlreadyClosed(FollowUpId id) {
        super("error.followUp.closed", id.value());
    }
}
