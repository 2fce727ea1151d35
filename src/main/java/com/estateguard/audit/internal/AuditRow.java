package com.estateguard.audit.internal;

import com.estateguard.audit.AuditAction;
import java.time.Instant;

/** One line of the audit trail as the page shows it. */
public record AuditRow(long id, Instant occurredAt, AuditAction action, Long actorId, String actorName, Long estateId,
                       String estateName, String subject, Integer rowCount, Boolean masked, String reason, String clientIp) {
}
