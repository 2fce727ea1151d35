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
                        WITH c AS (SELECT id, created_at, estate_id, occurred_at, direction, decision, reason_codes, corrects_check_id
                                     FROM access_check WHERE id > :after ORDER BY id LIMIT :limit),
                             unsettled AS (SELECT min(id) AS id FROM c WHERE created_at >= now() - make_interval(secs => :settle))
                        SELECT c.id, c.estate_id, c.occurred_at, c.direction, c.decision, c.reason_codes,
                               o.id AS o_id, o.estate_id AS o_estate_id, o.occurred_at AS o_occurred_at,
                               o.direction AS o_direction, o.decision AS o_decision, o.reason_codes AS o_reason_codes
                          FROM c
                          -- Only a correction looks up what it corrects: the condition on c alone gates the look-up, so
                          -- the other records probe no partition (the id is not the partition key).
                          LEFT JOIN LATERAL (SELECT o.id, o.estate_id, o.occurred_at, o.direction, o.decision, o.reason_codes
                                               FROM access_check o
                                              WHERE c.corrects_check_id IS NOT NULL AND o.id = c.corrects_check_id
                                                AND NOT EXISTS (SELECT 1 FROM access_check x WHERE x.corrects_check_id = o.id AND x.id < c.id)) o ON true
                         WHERE c.id < coalesce((SELECT id FROM unsettled), 9223372036854775807)
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
     * in SQL cost more than the scan itself (a hash table of estate-hours, a string per group for the reasons); each
     * record here is one look-up of its estate-hour. An allowed record (most) carries no text: a third column names a
     * verdict other than allow, and a refusal's reasons after it, as one string.
     */
    @Override
    public List<HourCount> recount(Instant from, Instant to, long upTo) {
        LocalHours localHours = new LocalHours(zone, from, to);
        Map<Long, Tally> tallies = new HashMap<>();
        jdbc.sql("""
                        SELECT c.estate_id, date_part('epoch', c.occurred_at),
                               CASE WHEN c.decision = 'REFUSE' THEN 'REFUSE ' || array_to_string(c.reason_codes, ' ')
                                    WHEN c.decision <> 'ALLOW' THEN c.decision END
                          FROM access_check c
                         WHERE c.occurred_at >= :from AND c.occurred_at < :to AND c.direction = 'IN' AND c.id <= :upTo
                           -- The corrected records, few, read once from their partial index into a hash (a NOT EXISTS
                           -- probed that index in every month's partition for each of the day's records).
                           AND c.id NOT IN (SELECT x.corrects_check_id FROM access_check x
                                             WHERE x.corrects_check_id IS NOT NULL AND x.id <= :upTo)""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("upTo", upTo)
                .query((RowCallbackHandler) rs -> {
                    long estate = rs.getLong(1);
                    // The moment as epoch seconds (a double: microseconds are exact at this size, so the floor is
                    // the second), not a date-time built for every record.
                    int hour = localHours.of((long) Math.floor(rs.getDouble(2)));
                    Long key = estate * LocalHours.MAX + hour;
                    Tally tally = tallies.get(key);
                    if (tally == null) {
                        tally = new Tally(estate, hour);
                        tallies.put(key, tally);
                    }
                    String outcome = rs.getString(3);   // null: allowed (most records), so most rows carry no text
                    if (outcome == null) {
                        tally.entries[Verdict.ALLOW.ordinal()]++;
                    } else {
                        tally.count(outcome.split(" "));
                    }
                });
        List<HourCount> counts = new ArrayList<>(tallies.size() * 2);
        for (Tally t : tallies.values()) {
            Instant hour = localHours.hour(t.hour);
            for (int v = 0; v < t.entries.length; v++) {
                if (t.entries[v] > 0) {
                    counts.add(new HourCount(t.estate, hour, ENTRY[v], t.entries[v]));
                }
            }
            if (t.reasons != null) {
                t.reasons.forEach((code, n) -> counts.add(new HourCount(t.estate, hour, "REFUSAL." + code, n)));
            }
        }
        return counts;
    }

    private static final Verdict[] VERDICTS = Verdict.values();
    private static final String[] ENTRY = Arrays.stream(VERDICTS).map(v -> "ENTRY." + v.name()).toArray(String[]::new);

    /** One estate's entries in one local hour: per verdict, and the refusals per reason. */
    private static final class Tally {
        final long estate;
        final int hour;
        final long[] entries = new long[VERDICTS.length];
        Map<String, Long> reasons;

        Tally(long estate, int hour) {
            this.estate = estate;
            this.hour = hour;
        }

        /** A verdict other than allow, and for a refusal its reasons after it. */
        void count(String[] verdictAndReasons) {
            entries[Verdict.valueOf(verdictAndReasons[0]).ordinal()]++;
            if (verdictAndReasons.length > 1 && reasons == null) {
                reasons = new HashMap<>(4);
            }
            for (int i = 1; i < verdictAndReasons.length; i++) {
                if (!verdictAndReasons[i].isEmpty()) {
                    reasons.merge(verdictAndReasons[i], 1L, Long::sum);
                }
            }
        }
    }

    /**
     * The local hour a moment lies in, named as the roll-up names it (the local hour's start in the zone; a clock
     * turned back: both of the repeated hours the first) and numbered in order of first sight, remembered per quarter
     * hour of UTC: where every offset in force and every change of it fall on whole quarter hours, as in practice
     * they do, a quarter hour never straddles two local hours. Otherwise (a zone's local mean time before 1900, say)
     * each second is looked up on its own.
     */
    private static final class LocalHours {
        static final long MAX = 1 << 20;
        private final ZoneId zone;
        private final long slot;
        private final long firstSlot;
        private final int[] bySlot;
        private final Map<Long, Integer> bySecond = new HashMap<>();
        private final List<Instant> hours = new ArrayList<>();
        private final Map<Instant, Integer> numbers = new HashMap<>();

        LocalHours(ZoneId zone, Instant from, Instant to) {
            this.zone = zone;
            this.slot = quarterHourOffsetsOnly(zone.getRules(), from, to) ? 900 : 1;
            this.firstSlot = Math.floorDiv(from.getEpochSecond(), slot);
            long slots = Math.floorDiv(to.getEpochSecond(), slot) - firstSlot + 1;
            this.bySlot = slot == 900 && slots < MAX ? new int[(int) slots] : null;
            if (bySlot != null) {
                Arrays.fill(bySlot, -1);
            }
        }

        int of(long epochSecond) {
            if (bySlot != null) {
                int i = (int) (Math.floorDiv(epochSecond, slot) - firstSlot);
                if (bySlot[i] < 0) {
                    bySlot[i] = number(epochSecond);
                }
                return bySlot[i];
            }
            return bySecond.computeIfAbsent(epochSecond, this::number);
        }

        Instant hour(int number) {
            return hours.get(number);
        }

        private int number(long epochSecond) {
            Instant hour = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), zone).truncatedTo(ChronoUnit.HOURS).atZone(zone).toInstant();
            return numbers.computeIfAbsent(hour, h -> {
                hours.add(h);
                return hours.size() - 1;
            });
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
