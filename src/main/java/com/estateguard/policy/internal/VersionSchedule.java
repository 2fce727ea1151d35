package com.estateguard.policy.internal;

import com.estateguard.policy.PolicyVersionId;
import com.estateguard.policy.PolicyVersionInEffect;
import com.estateguard.policy.PolicyVersionWithdrawn;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * When a policy version (政策版本) takes effect and whether it was withdrawn before that: the one
 * part of a version that ever changes. A scheduled version can be withdrawn until its effective
 * time; from then on checks are decided under it, so it stays. The parameters are read through
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
    @Version
    private Integer version;

    VersionSchedule(Long id, Instant effectiveFrom, Instant withdrawnAt, String withdrawnBy, Integer version) {
        this.id = id;
        this.effectiveFrom = effectiveFrom;
        this.withdrawnAt = withdrawnAt;
        this.withdrawnBy = withdrawnBy;
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
