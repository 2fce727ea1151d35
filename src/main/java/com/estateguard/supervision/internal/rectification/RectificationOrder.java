package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A rectification order (整改通知, SPV-07) and the moves it allows: the estate answers it once; an
 * authority user who did not submit that answer re-checks it. The order is written by
 * {@link RectificationOrders#issue}; only the columns its transitions change are mapped here.
 */
@Table("sup_rectification_order")
class RectificationOrder {

    @Id
    private final Long id;
    @ReadOnlyProperty
    private final long estateId;
    @ReadOnlyProperty
    private final long inspectionId;
    private OrderStatus status;
    private Instant answeredAt;
    private String answeredBy;
    private Long answeredById;
    private Long recheckInspectionId;
    private Instant verifiedAt;
    private String verifiedBy;
    private Long verifiedById;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private Integer version;

    RectificationOrder(Long id, long estateId, long inspectionId, OrderStatus status, Instant answeredAt, String answeredBy,
                       Long answeredById, Long recheckInspectionId, Instant verifiedAt, String verifiedBy, Long verifiedById,
                       Instant updatedAt, String updatedBy, Integer version) {
        this.id = id;
        this.estateId = estateId;
        this.inspectionId = inspectionId;
        this.status = status;
        this.answeredAt = answeredAt;
        this.answeredBy = answeredBy;
        this.answeredById = answeredById;
        this.recheckInspectionId = recheckInspectionId;
        this.verifiedAt = verifiedAt;
        this.verifiedBy = verifiedBy;
        this.verifiedById = verifiedById;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.version = version;
    }

    /** The estate reports its rectification; late or not, it is the answer (lateness shows against the deadline). */
    void answer(CurrentUser by, Instant at) {
        status = status.answer();
        answeredAt = at;
        answeredBy = by.actor();
        answeredById = by.id();
        touched(by, at);
    }

    /** Refuses a verifier who is not an authority or who submitted the answer, before anything is re-inspected. */
    void checkVerifier(CurrentUser verifier) {
        if (verifier.role().level() != Role.Level.REGION) {
            throw new VerifierNotAuthority();
        }
        if (status != OrderStatus.ANSWERED) {
            throw new OrderNotAnswered();
        }
        if (answeredById != null && answeredById == verifier.id()) {
            throw new VerifierAnsweredOrder();
        }
    }

    /** The re-check's outcome: passing the carried-forward items closes the order; failing them again does not. */
    void recheck(CurrentUser verifier, long recheckInspection, boolean passed, Instant at) {
        checkVerifier(verifier);
        status = status.recheck(passed);
        recheckInspectionId = recheckInspection;
        verifiedAt = at;
        verifiedBy = verifier.actor();
        verifiedById = verifier.id();
        touched(verifier, at);
    }

    private void touched(CurrentUser by, Instant at) {
        updatedAt = at;
        updatedBy = by.actor();
    }

    long id() {
        return id;
    }

    long estateId() {
        return estateId;
    }

    long inspectionId() {
        return inspectionId;
    }

    OrderStatus status() {
        return status;
    }
}
