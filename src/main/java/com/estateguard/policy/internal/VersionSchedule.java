package com.estateguard.policy.internal;

import com.estateguard.policy.PolicyVersionEnded;
import com.estateguard.policy.PolicyVersionId;
import com.estateguard.policy.PolicyVersionInEffect;
import com.estateguard.policy.PolicyVersionNotStarted;
import com.estateguard.policy.PolicyVersionWithdrawn;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * When a policy version (政策版本) takes effect, whether it was withdrawn before that and when it
 * was ended: the one part of a version that ever changes. A scheduled version can be withdrawn
 * until its effective time; from then on checks are decided under it, so it stays, and can only be
 * ended from a moment on (a lockdown lifted). The parameters are read through
 * {@link PolicyRepository}; only these columns are mapped.
 */
@Table("policy_version")
public class VersionSchedule {

    @Id
    private final Long id;
    @ReadOnlyProperty
    private final Instant effectiveFrom;
    private Instant withdrawnAt;
    private String withdrawnBy;
    private Instant endedAt;
    private String endedBy;
    @Version
    private Integer version;

    VersionSchedule(Long id, Instant effectiveFrom, Instant withdrawnAt, String withdrawnBy, Instant endedAt, String endedBy,
                    Integer version) {
        this.id = id;
        this.effectiveFrom = effectiveFrom;
        this.withdrawnAt = withdrawnAt;
        this.withdrawnBy = withdrawnBy;
        this.endedAt = endedAt;
        this.endedBy = endedBy;
        this.version = version;
    }

    /** Withdraws the version before it takes effect; one already withdrawn or in effect refuses. */
    public void withdraw(Instant now, String by) {
        if (withdrawnAt != null) {
            throw new PolicyVersionWithdrawn(id());
        }
        if (!effectiveFrom.isAfter(now)) {
            throw new PolicyVersionInEffect(id());
        }
        withdrawnAt = now;
        withdrawnBy = by;
    }

    /**
     * Ends a version in force at this moment (a lockdown lifted): checks already decided under it
     * keep it; from {@code at} on the version below it applies again. A withdrawn, an ended or a
     * not yet effective version refuses (the last is withdrawn instead).
     */
    public void end(Instant at, String by) {
        if (withdrawnAt != null) {
            throw new PolicyVersionWithdrawn(id());
        }
        if (endedAt != null) {
            throw new PolicyVersionEnded(id());
        }
        if (effectiveFrom.isAfter(at)) {
            throw new PolicyVersionNotStarted(id());
        }
        endedAt = at;
        endedBy = by;
    }

    public PolicyVersionId id() {
        return new PolicyVersionId(id);
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }
}
