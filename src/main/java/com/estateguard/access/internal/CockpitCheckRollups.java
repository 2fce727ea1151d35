package com.estateguard.access.internal;

import com.estateguard.cockpit.CheckRollups;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checkpoint's side of the cockpit's entry roll-up: reads the records by id, never touching the
 * gate's insert. A record adds one to its verdict (and, refused, one to each reason) at its local
 * hour; the first correction of a record also takes that record's counts away.
 */
@Component
class CockpitCheckRollups implements CheckRollups {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    CockpitCheckRollups(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    private record Entry(long id, long estateId, Instant at, String direction, String decision, String[] reasons) {
    }

    @Override
    public Increment since(long after, Duration settle, int limit) {
        List<HourCount> changes = new ArrayList<>();
        long[] watermark = {after};
        int[] records = {0};
        jdbc.sql("""
                        WITH batch AS (SELECT id, created_at FROM access_check WHERE id > :after ORDER BY id LIMIT :limit),
                             unsettled AS (SELECT min(id) AS id FROM batch WHERE created_at >= now() - make_interval(secs => :settle))
                        SELECT c.id, c.estate_id, c.occurred_at, c.direction, c.decision, c.reason_codes,
                               o.id AS o_id, o.estate_id AS o_estate_id, o.occurred_at AS o_occurred_at,
                               o.direction AS o_direction, o.decision AS o_decision, o.reason_codes AS o_reason_codes
                          FROM batch b JOIN access_check c ON c.id = b.id
                          LEFT JOIN access_check o ON o.id = c.corrects_check_id
                               AND NOT EXISTS (SELECT 1 FROM access_check x WHERE x.corrects_check_id = o.id AND x.id < c.id)
                         WHERE b.id < coalesce((SELECT id FROM unsettled), 9223372036854775807)
                         ORDER BY c.id""")
                .param("after", after).param("settle", settle.toMillis() / 1000.0).param("limit", limit)
                .query((RowCallbackHandler) rs -> {
                    Entry entry = entry(rs, "");
                    watermark[0] = entry.id();
                    records[0]++;
                    count(entry, 1, changes);
                    if (rs.getObject("o_id") != null) {
                        count(entry(rs, "o_"), -1, changes);
                    }
                });
        return new Increment(watermark[0], records[0], changes);
    }

    @Override
    public List<HourCount> recount(Instant from, Instant to, long upTo) {
        return jdbc.sql("""
                        WITH standing AS (
                            SELECT c.estate_id, date_trunc('hour', c.occurred_at AT TIME ZONE :zone) AS hour, c.decision, c.reason_codes
                              FROM access_check c
                             WHERE c.occurred_at >= :from AND c.occurred_at < :to AND c.direction = 'IN' AND c.id <= :upTo
                               -- The corrected records, few, read once from their partial index into a hash (a NOT EXISTS
                               -- probed that index in every month's partition for each of the day's records).
                               AND c.id NOT IN (SELECT x.corrects_check_id FROM access_check x
                                                 WHERE x.corrects_check_id IS NOT NULL AND x.id <= :upTo))
                        SELECT estate_id, hour, 'ENTRY.' || decision AS figure, count(*) AS n FROM standing GROUP BY 1, 2, 3
                        UNION ALL
                        SELECT estate_id, hour, 'REFUSAL.' || r.code, count(*) FROM standing, unnest(reason_codes) AS r(code)
                         WHERE decision = 'REFUSE' GROUP BY 1, 2, 3""")
                .param("zone", zone.getId()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("upTo", upTo)
                .query((rs, i) -> new HourCount(rs.getLong("estate_id"),
                        rs.getObject("hour", LocalDateTime.class).atZone(zone).toInstant(), rs.getString("figure"), rs.getLong("n")))
                .list();
    }

    private Entry entry(ResultSet rs, String prefix) throws SQLException {
        Array reasons = rs.getArray(prefix + "reason_codes");
        return new Entry(rs.getLong(prefix + "id"), rs.getLong(prefix + "estate_id"),
                rs.getTimestamp(prefix + "occurred_at").toInstant(), rs.getString(prefix + "direction"),
                rs.getString(prefix + "decision"), reasons == null ? new String[0] : (String[]) reasons.getArray());
    }

    private void count(Entry entry, long sign, List<HourCount> changes) {
        if (!"IN".equals(entry.direction())) {
            return;
        }
        Instant hour = entry.at().atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        changes.add(new HourCount(entry.estateId(), hour, "ENTRY." + entry.decision(), sign));
        if ("REFUSE".equals(entry.decision())) {
            for (String reason : entry.reasons()) {
                changes.add(new HourCount(entry.estateId(), hour, "REFUSAL." + reason, sign));
            }
        }
    }
}
