package com.estateguard.access.internal;

import com.estateguard.common.InvalidInputException;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What a refusal at the gate triggered (处置事项): a report to the community or a move to the
 * observation point. It stays open until staff close it with a note of what was done, and a
 * closed one stays closed. Opened by the recorder's insert; only its closing columns are mapped.
 */
@Table("access_follow_up")
class FollowUp {

    static final int MAX_NOTE = 500;

    enum Status { OPEN, CLOSED }

    @Id
    private final Long id;
    @ReadOnlyProperty
    private final long estateId;
    private Status status;
    private Instant closedAt;
    private String closedBy;
    private String closingNote;
    @Version
    private Integer version;

    FollowUp(Long id, long estateId, Status status, Instant closedAt, String closedBy, String closingNote, Integer version) {
        this.id = id;
        this.estateId = estateId;
        this.status = status;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.closingNote = closingNote;
        this.version = version;
    }

    /** Closes the item with what was done; a closed item cannot be closed again. */
    void close(String note, String by, Instant at) {
        if (status == Status.CLOSED) {
            throw new FollowUpAlreadyClosed(new FollowUpId(id));
        }
        if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
            throw new InvalidInputException("error.followUp.note");
        }
        status = Status.CLOSED;
        closedAt = at;
        closedBy = by;
        closingNote = note.trim();
    }

    FollowUpId id() {
        return new FollowUpId(id);
    }

    long estateId() {
        return estateId;
    }

    Status status() {
        return status;
    }

    String closedBy() {
        return closedBy;
    }

    String closingNote() {
        return closingNote;
    }
}
