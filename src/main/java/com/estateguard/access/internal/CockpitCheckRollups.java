package com.estateguard.access.internal;

import com.estateguard.access.Verdict;
import com.estateguard.cockpit.CheckRollups;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * One pass over the hours' standing records (entries in, up to {@code upTo}, a corrected record left out), counted
     * here as they stream in: the database only scans and filters them, as a plain scan of the same rows does. Grouping
     * in SQL cost more than the scan itself (a hash table of estate-hours, a second pass for the reasons); each record
     * here is one look-up of its estate-hour. Only a refused record's reasons are sent, as one string.
     */
    @Override
    public List<HourCount> recount(Instant from, Instant to, long upTo) {
        LocalHours localHours = new LocalHours(zone, from, to);
        Map<EstateHour, long[]> entries = new HashMap<>();
        Map<EstateHour, Map<String, Long>> refusals = new HashMap<>();
        jdbc.sql("""
                        SELECT c.estate_id, c.occurred_at, c.decision,
                               CASE WHEN c.decision = 'REFUSE' THEN array_to_string(c.reason_codes, ' ') END
                          FROM access_check c
                         WHERE c.occurred_at >= :from AND c.occurred_at < :to AND c.direction = 'IN' AND c.id <= :upTo
                           -- The corrected records, few, read once from their partial index into a hash (a NOT EXISTS
                           -- probed that index in every month's partition for each of the day's records).
                           AND c.id NOT IN (SELECT x.corrects_check_id FROM access_check x
                                             WHERE x.corrects_check_id IS NOT NULL AND x.id <= :upTo)""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("upTo", upTo)
                .query((RowCallbackHandler) rs -> {
                    EstateHour key = new EstateHour(rs.getLong(1), localHours.of(rs.getObject(2, OffsetDateTime.class).toEpochSecond()));
                    entries.computeIfAbsent(key, k -> new long[VERDICTS.length])[Verdict.valueOf(rs.getString(3)).ordinal()]++;
                    String reasons = rs.getString(4);
                    if (reasons != null && !reasons.isEmpty()) {
                        Map<String, Long> byReason = refusals.computeIfAbsent(key, k -> new HashMap<>(4));
                        for (String code : reasons.split(" ")) {
                            byReason.merge(code, 1L, Long::sum);
                        }
                    }
                });
        List<HourCount> counts = new ArrayList<>(entries.size() + refusals.size() * 2);
        entries.forEach((key, n) -> {
            for (int v = 0; v < n.length; v++) {
                if (n[v] > 0) {
                    counts.add(new HourCount(key.estateId(), key.hour(), ENTRY[v], n[v]));
                }
            }
        });
        refusals.forEach((key, byReason) -> byReason.forEach((code, n) -> counts.add(new HourCount(key.estateId(), key.hour(), "REFUSAL." + code, n))));
        return counts;
    }

    private static final Verdict[] VERDICTS = Verdict.values();
    private static final String[] ENTRY = Arrays.stream(VERDICTS).map(v -> "ENTRY." + v.name()).toArray(String[]::new);

    private record EstateHour(long estateId, Instant hour) {
    }

    /**
     * The local hour a moment lies in, named as the roll-up names it (the local hour's start in the zone; a clock
     * turned back: both of the repeated hours the first), remembered per quarter hour of UTC: where every offset in
     * force and every change of it fall on whole quarter hours, as in practice they do, a quarter hour never straddles
     * two local hours. Otherwise (a zone's local mean time before 1900, say) each second is looked up on its own.
     */
    private static final class LocalHours {
        private final ZoneId zone;
        private final long slot;
        private final Map<Long, Instant> bySlot = new HashMap<>();

        LocalHours(ZoneId zone, Instant from, Instant to) {
            this.zone = zone;
            this.slot = quarterHourOffsetsOnly(zone.getRules(), from, to) ? 900 : 1;
        }

        Instant of(long epochSecond) {
            return bySlot.computeIfAbsent(Math.floorDiv(epochSecond, slot), s -> LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone)
                    .truncatedTo(ChronoUnit.HOURS).atZone(zone).toInstant());
        }

        private static boolean quarterHourOffsetsOnly(ZoneRules rules, Instant from, Instant to) {
            if (rules.getOffset(from).getTotalSeconds() % 900 != 0) {
                return false;
            }
            for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to); t = rules.nextTransition(t.getInstant())) {
                if (t.getOffsetAfter().getTotalSeconds() % 900 != 0 || t.getInstant().getEpochSecond() % 900 != 0) {
                    return false;
                }
            }
            return true;
        }
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
