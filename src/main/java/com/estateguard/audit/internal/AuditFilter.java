package com.estateguard.audit.internal;

import com.estateguard.audit.AuditAction;
import java.time.Instant;

/** What the audit page asks for: a period, and optionally an action, an actor (name contains) and an estate. */
public record AuditFilter(Instant from, Instant to, AuditAction action, String actor, Long estate) {

    public AuditFilter {
        actor = actor == null ? "" : actor.strip();
    }
}
