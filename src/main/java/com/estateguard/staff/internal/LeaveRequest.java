package com.estateguard.staff.internal;

import com.estateguard.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A staff member's request to leave town (离城审批, STF-05): decided once, and an approved one is
 * closed by the report on return. The request itself is written by {@link LeaveRequests#request};
 * only the columns its transitions change are mapped here.
 */
@Table("stf_leave")
class LeaveRequest {

    static final int MAX_REPORT = 500;

    @Id
    private final Long id;
    @ReadOnlyProperty
    private final long estateId;
    private LeaveStatus status;
    private Instant decidedAt;
    private String decidedBy;
    private LocalDate returnedOn;
    private String returnReport;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private Integer version;

    LeaveRequest(Long id, long estateId, LeaveStatus status, Instant decidedAt, String decidedBy, LocalDate returnedOn,
                 String returnReport, Instant updatedAt, String updatedBy, Integer version) {
        this.id = id;
        this.estateId = estateId;
        this.status = status;
        this.decidedAt = decidedAt;
        this.decidedBy = decidedBy;
        this.returnedOn = returnedOn;
        this.returnReport = returnReport;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.version = version;
    }

    /** Approves or rejects a request still waiting; a decided one stays as decided. */
    void decide(boolean approve, String by, Instant at) {
        status = status.decide(approve);
        decidedAt = at;
        decidedBy = by;
        touched(by, at);
    }

    /** Closes an approved leave with the day of return and what the person reports. */
    void reportReturn(LocalDate on, String report, String by, Instant at) {
        if (on == null || report == null || report.isBlank() || report.length() > MAX_REPORT) {
            throw new InvalidInputException("stf.error.returnReport");
        }
        status = status.reportReturn();
        returnedOn = on;
        returnReport = report.trim();
        touched(by, at);
    }

    private void touched(String by, Instant at) {
        updatedAt = at;
        updatedBy = by;
    }

    LeaveRequestId id() {
        return new LeaveRequestId(id);
    }

    long estateId() {
        return estateId;
    }

    LeaveStatus status() {
        return status;
    }

    String decidedBy() {
        return decidedBy;
    }
}
