package com.estateguard.policy;

import java.time.Instant;

/**
 * One immutable version of the policy (政策版本) for a scope: a city default, a district or an
 * estate override. It takes effect at {@code effectiveFrom}; every check records the version it used.
 */
public record PolicyVersion(long id, String name, String scopePath, String scopeLabel, Instant effectiveFrom,
                            PolicyParameters parameters, Long basedOnId, String presetCode, Instant createdAt,
                            String createdBy, Instant withdrawnAt, String withdrawnBy) {

    /** Applies to an estate whose region path starts with this version's scope. */
    boolean covers(String estateRegionPath) {
        return estateRegionPath.startsWith(scopePath);
    }

    boolean inForceAt(Instant at) {
        return withdrawnAt == null && !effectiveFrom.isAfter(at);
    }

    public boolean scheduled(Instant now) {
        return withdrawnAt == null && effectiveFrom.isAfter(now);
    }
}
