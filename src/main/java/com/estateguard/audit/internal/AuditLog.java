package com.estateguard.audit.internal;

import com.estateguard.audit.AuditPermission;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotPermittedException;
import com.estateguard.common.KeysetPage;
import com.estateguard.org.EstateScope;
import java.sql.Timestamp;
import java.time.Instant;
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
    /** A row placed in an estate is visible where the estate is; a row without one where its path is under the reader's. */
    private static final String IN_ESTATE = "a.estate_id IS NOT NULL AND " + EstateScope.where("a.estate_id");
    private static final String BY_PATH = "a.estate_id IS NULL AND a.scope_path LIKE :scope || '%'";
    private static final String COMMON = """

               AND a.occurred_at >= :from AND a.occurred_at < :to
               AND (cast(:action AS text) IS NULL OR a.action = :action)
               AND (:actor = '' OR a.actor_name ILIKE '%' || :actor || '%')
               AND (cast(:estate AS bigint) IS NULL OR a.estate_id = :estate)""";
    private static final String COLUMNS = """
            SELECT a.id, a.occurred_at, a.action, a.actor_id, a.actor_name, a.estate_id, e.name AS estate_name, a.subject,
                   a.row_count, a.masked, a.reason, a.client_ip""";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the trail newest first by (occurred_at, id), read by keyset (issue 12 §3): the rows placed in an
     * estate and those placed by organisation path are each read in list order from their own index and merged,
     * so a page costs the same deep in a city's trail; the count stops at {@link KeysetPage#COUNT_CAP}.
     */
    public KeysetPage<AuditRow> search(AuditFilter filter, CurrentUser reader, String after, String before, int size) {
        if (!reader.can(AuditPermission.AUDIT_READ)) {
            throw new NotPermittedException();
        }
        return KeysetPage.read(after, before, 2, size, (cursor, backwards, limit) -> {
            String seek = cursor == null ? "" : backwards ? " AND (a.occurred_at, a.id) > (:at, :id)" : " AND (a.occurred_at, a.id) < (:at, :id)";
            String order = backwards ? " ORDER BY a.occurred_at, a.id" : " ORDER BY a.occurred_at DESC, a.id DESC";
            String tail = COMMON + seek + order + " LIMIT :limit";
            String sql = COLUMNS + FROM + " JOIN ((SELECT a.id FROM audit_log a WHERE " + IN_ESTATE + tail
                    + ") UNION ALL (SELECT a.id FROM audit_log a WHERE " + BY_PATH + tail + ")) page ON page.id = a.id" + order + " LIMIT :limit";
            var spec = filtered(jdbc.sql(sql), filter, reader).param("limit", limit);
            if (cursor != null) {
                spec = spec.param("at", Timestamp.from(Instant.parse(cursor[0]))).param("id", Long.parseLong(cursor[1]));
            }
            return spec.query(AuditRow.class).list();
        }, r -> KeysetPage.cursor(r.occurredAt(), r.id()),
                () -> filtered(jdbc.sql("SELECT count(*) FROM ((SELECT 1 FROM audit_log a WHERE " + IN_ESTATE + COMMON + " LIMIT :cap)"
                        + " UNION ALL (SELECT 1 FROM audit_log a WHERE " + BY_PATH + COMMON + " LIMIT :cap)) AS capped"), filter, reader)
                        .param("cap", KeysetPage.COUNT_CAP + 1).query(Long.class).single());
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, AuditFilter filter, CurrentUser reader) {
        return spec.param("scope", EstateScope.bind(reader.scopePath()))
                .param("from", Timestamp.from(filter.from())).param("to", Timestamp.from(filter.to()))
                .param("action", filter.action() == null ? null : filter.action().name())
                .param("actor", filter.actor()).param("estate", filter.estate());
    }
}
