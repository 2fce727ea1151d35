package com.estateguard.identity.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import java.io.Serializable;
import java.time.Instant;

/** A person who logs in. Scope is fixed when the account is made, from the role's anchor. */
public record UserAccount(long id, String username, String passwordHash, String displayName, Role role,
                          String scopePath, Long estateId, String phone, boolean enabled, int failedAttempts,
                          Instant lockedUntil, Instant createdAt, String createdBy) implements Serializable {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The same account without its password hash (what a session keeps once the password is checked). */
    UserAccount withoutPassword() {
        return new UserAccount(id, username, null, displayName, role, scopePath, estateId, phone, enabled, failedAttempts,
                lockedUntil, createdAt, createdBy);
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, displayName, role, scopePath, estateId, null);
    }
}
