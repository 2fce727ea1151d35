package com.estateguard.residents.internal;

import com.estateguard.common.InvalidInputException;
import com.estateguard.org.EstateId;
import com.estateguard.residents.PassId;
import com.estateguard.residents.PassRevoked;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A resident's pass (出入证, RES-03): valid from issue until it expires or is revoked, and a
 * revocation is written once and announced as {@link PassRevoked} when saved. Issued by
 * {@link Passes#issue}; only what revoking changes is mapped.
 */
@Table("res_pass")
class Pass extends AbstractAggregateRoot<Pass> {

    @Id
    private final Long id;
    @ReadOnlyProperty
    private final long estateId;
    private Instant revokedAt;
    private String revokedBy;
    private String revokeReason;
    @Version
    private Integer version;

    Pass(Long id, long estateId, Instant revokedAt, String revokedBy, String revokeReason, Integer version) {
        this.id = id;
        this.estateId = estateId;
        this.revokedAt = revokedAt;
        this.revokedBy = revokedBy;
        this.revokeReason = revokeReason;
        this.version = version;
    }

    /** Revokes the pass with a reason; the gate refuses it from then on. A revoked pass stays revoked. */
    void revoke(String reason, String by, Instant at) {
        if (revokedAt != null) {
            throw new PassAlreadyRevoked(id());
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("pass.error.reasonRequired");
        }
        revokedAt = at;
        revokedBy = by;
        revokeReason = reason.trim();
        registerEvent(new PassRevoked(id(), new EstateId(estateId), at, revokeReason));
    }

    PassId id() {
        return new PassId(id);
    }

    long estateId() {
        return estateId;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    String revokeReason() {
        return revokeReason;
    }
}
