package com.estateguard.audit.internal;

import com.estateguard.audit.AuditPermission;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.Paging;
import com.estateguard.org.EstateScope;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail, always within the reader's scope: a row placed in an estate is visible
 * where the estate is (EstateScope), a row without an estate where its organisation path is under
 * the reader's. This is the one place that scope becomes SQL for the trail.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private static final String FROM = " FROM audit_log a LEFT JOIN org_estate e ON e.id = a.estate_id";
    private static final String WHERE = """
             WHERE ((a.estate_id IS NOT NULL AND %s) OR (a.estate_id IS NULL AND a.scope_path LIKE :scope || '%%'))
               AND a.occurred_at >= :from AND a.occurred_at < :to
               AND (cast(:action AS text) IS NULL OR a.action = :action)
               AND (:actor = '' OR a.actor_name ILIKE '%%' || :actor || '%%')
               AND (cast(:estate AS bigint) IS NULL OR a.estate_id = :estate)
            """.formatted(EstateScope.where("a.estate_id"));
    private static final String COLUMNS = """
            SELECT a.id, a.occurred_at, a.action, a.actor_id, a.actor_name, a.estate_id, e.name AS estate_name, a.subject,
                   a.row_count, a.masked, a.reason, a.client_ip""";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Paging<AuditRow> search(AuditFilter filter, CurrentUser reader, int page, int size) {
        if (!reader.can(AuditPermission.AUDIT_READ)) {
            throw new NotPermittedException();
        }
        long total = filtered(jdbc.sql("SELECT count(*)" + FROM + WHERE), filter, reader).query(Long.class).single();
        List<AuditRow> rows = filtered(jdbc.sql(COLUMNS + FROM + WHERE + " ORDER BY a.occurred_at DESC, a.id DESC LIMIT :limit OFFSET :offset"),
                filter, reader).param("limit", size).param("offset", (long) (page - 1) * size).query(AuditRow.class).list();
        return new Paging<>(rows, page, size, total);
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, AuditFilter filter, CurrentUser reader) {
        return spec.param("scope", EstateScope.bind(reader.scopePath()))
                .param("from", Timestamp.from(filter.from())).param("to", Timestamp.from(filter.to()))
                .param("action", filter.action() == null ? null : filter.action().name())
                .param("actor", filter.actor()).param("estate", filter.estate());
    }
}
