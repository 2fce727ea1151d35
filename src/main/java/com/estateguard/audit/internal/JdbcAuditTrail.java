package com.estateguard.audit.internal;

import com.estateguard.audit.AuditEntry;
import com.estateguard.audit.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes each entry in a transaction of its own (REQUIRES_NEW): a read-only caller (an export, a
 * page) can still record, and a caller that fails afterwards does not take the record with it.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, action, actor_id, actor_name, estate_id, scope_path, subject,
                                               row_count, masked, reason, client_ip)
                        VALUES (:at, :action, :actorId, :actorName, :estate, :scope, :subject, :rows, :masked, :reason, :ip)""")
                .param("at", Timestamp.from(Instant.now(clock))).param("action", entry.action().name())
                .param("actorId", entry.actorId()).param("actorName", entry.actorName() == null ? "" : entry.actorName())
                .param("estate", entry.estateId()).param("scope", entry.scopePath()).param("subject", entry.subject())
                .param("rows", entry.rowCount()).param("masked", entry.masked()).param("reason", entry.reason())
                .param("ip", entry.clientIp() != null ? entry.clientIp() : currentClientIp())
                .update();
    }

    /** The connection's peer as the servlet container sees it (a proxy's header only where configured to be believed). */
    private static String currentClientIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
