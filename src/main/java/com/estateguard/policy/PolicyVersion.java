package com.estateguard.policy;

import java.time.Instant;

/**
 * One immutable version of the policy (政策版本) for a scope: a city default, a district or an
 * estate override. It takes effect at {@code effectiveFrom}; every check records the version it used.
 * A version in force may be ended ({@code endedAt}, e.g. a lockdown lifted): from then on it no
 * longer applies and the one below it is in force again; its numbers never change.
 */
public record PolicyVersion(long id, String name, String scopePath, String scopeLabel, Instant effectiveFrom,
                            PolicyParameters parameters, Long basedOnId, String presetCode, Instant createdAt,
                            String createdBy, Instant withdrawnAt, String withdrawnBy, Instant endedAt, String endedBy) {

    /** A version that was never ended. */
    public PolicyVersion(long id, String name, String scopePath, String scopeLabel, Instant effectiveFrom,
                         PolicyParameters parameters, Long basedOnId, String presetCode, Instant createdAt,
                         String createdBy, Instant withdrawnAt, String withdrawnBy) {
        this(id, name, scopePath, scopeLabel, effectiveFrom, parameters, basedOnId, presetCode, createdAt, createdBy,
                withdrawnAt, withdrawnBy, null, null);
    }

    /** Applies to an estate whose region path starts with this version's scope. */
    boolean covers(String estateRegionPath) {
        return estateRegionPath.startsWith(scopePath);
    }

    boolean inForceAt(Instant at) {
        return withdrawnAt == null && !effectiveFrom.isAfter(at) && (endedAt == null || at.isBefore(endedAt));
    }

    /** Ended before or at this moment. */
    public boolean ended(Instant now) {
        return endedAt != null && !endedAt.isAfter(now);
    }

    public boolean scheduled(Instant now) {
        return withdrawnAt == null && effectiveFrom.isAfter(now);
    }
}
