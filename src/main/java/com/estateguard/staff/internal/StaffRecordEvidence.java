package com.estateguard.staff.internal;

import com.estateguard.identity.StaffDirectory;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.supervision.RecordEvidence;
import com.estateguard.supervision.RecordFigure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the staff ledgers show beside a supervision item: the hours the open entrances were staffed
 * by the duty roster in the last 7 days ({@code staff.gateHours}), the days of the last 7 with staff
 * temperatures ({@code staff.healthDays}), and the training of the last 30 days: sessions,
 * attendances and the share of the estate's staff trained ({@code staff.training}).
 */
@Component
class StaffRecordEvidence implements RecordEvidence {

    static final String GATE_HOURS = "staff.gateHours";
    static final String HEALTH_DAYS = "staff.healthDays";
    static final String TRAINING = "staff.training";
    static final int WINDOW_DAYS = 7;
    static final int TRAINING_DAYS = 30;

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final StaffDirectory staff;
    private final ZoneId zone;

    StaffRecordEvidence(JdbcClient jdbc, OrgDirectory org, StaffDirectory staff, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.staff = staff;
        this.zone = zone;
    }

    @Override
    public Set<String> keys() {
        return Set.of(GATE_HOURS, HEALTH_DAYS, TRAINING);
    }

    @Override
    public Optional<RecordFigure> figure(String key, EstateId estate, Instant at) {
        return switch (key) {
            case GATE_HOURS -> gateHours(estate, at);
            case HEALTH_DAYS -> healthDays(estate, at);
            case TRAINING -> training(estate, at);
            default -> Optional.empty();
        };
    }

    private Optional<RecordFigure> gateHours(EstateId estate, Instant at) {
        List<EntranceRef> open = org.entrances(estate).stream().filter(EntranceRef::open).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Instant from = at.minus(Duration.ofDays(WINDOW_DAYS));
        long coveredSeconds = 0;
        for (EntranceRef entrance : open) {
            List<Instant[]> shifts = jdbc.sql("""
                            SELECT starts_at, ends_at FROM access_shift
                             WHERE entrance_id = :e AND starts_at < :to AND ends_at > :from ORDER BY starts_at""")
                    .param("e", entrance.id()).param("from", Timestamp.from(from)).param("to", Timestamp.from(at))
                    .query((rs, n) -> new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()}).list();
            coveredSeconds += union(shifts, from, at);
        }
        long totalHours = (long) WINDOW_DAYS * 24 * open.size();
        BigDecimal covered = BigDecimal.valueOf(coveredSeconds).divide(BigDecimal.valueOf(3600), 0, RoundingMode.DOWN);
        BigDecimal share = BigDecimal.valueOf(coveredSeconds).divide(BigDecimal.valueOf(totalHours * 3600), 4, RoundingMode.HALF_UP);
        return Optional.of(new RecordFigure(GATE_HOURS, share, "supervision.figure.gateHours",
                List.of(WINDOW_DAYS, covered, totalHours, percent(share))));
    }

    /** Seconds of [from, to) covered by at least one shift. */
    static long union(List<Instant[]> shifts, Instant from, Instant to) {
        List<Instant[]> sorted = new ArrayList<>(shifts);
        sorted.sort(Comparator.comparing(s -> s[0]));
        long seconds = 0;
        Instant end = from;
        for (Instant[] s : sorted) {
            Instant start = s[0].isBefore(end) ? end : s[0];
            Instant stop = s[1].isAfter(to) ? to : s[1];
            if (stop.isAfter(start)) {
                seconds += Duration.between(start, stop).getSeconds();
                end = stop;
            }
        }
        return seconds;
    }

    private Optional<RecordFigure> healthDays(EstateId estate, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, zone);
        LocalDate first = today.minusDays(WINDOW_DAYS - 1);
        long days = jdbc.sql("SELECT count(DISTINCT day) FROM stf_health WHERE estate_id = :e AND day BETWEEN :from AND :to")
                .param("e", estate.value()).param("from", first).param("to", today).query(Long.class).single();
        BigDecimal share = BigDecimal.valueOf(days).divide(BigDecimal.valueOf(WINDOW_DAYS), 4, RoundingMode.HALF_UP);
        return Optional.of(new RecordFigure(HEALTH_DAYS, share, "supervision.figure.healthDays", List.of(WINDOW_DAYS, days, percent(share))));
    }

    private Optional<RecordFigure> training(EstateId estate, Instant at) {
        return Optional.ofNullable(figures(TRAINING, List.of(estate), at).get(estate));
    }

    /** The training figure in one query over all the estates (a circular's spot check over thousands); other keys one by one. */
    @Override
    public Map<EstateId, RecordFigure> figures(String key, Collection<EstateId> estates, Instant at) {
        if (!TRAINING.equals(key)) {
            return RecordEvidence.super.figures(key, estates, at);
        }
        Map<EstateId, RecordFigure> out = new LinkedHashMap<>();
        if (estates.isEmpty()) {
            return out;
        }
        LocalDate today = LocalDate.ofInstant(at, zone);
        LocalDate first = today.minusDays(TRAINING_DAYS - 1);
        Long[] ids = estates.stream().map(EstateId::value).distinct().toArray(Long[]::new);
        Map<Long, long[]> rows = new HashMap<>();
        jdbc.sql("""
                        SELECT t.estate_id, count(DISTINCT t.id), count(a.user_id), count(DISTINCT a.user_id)
                          FROM stf_training t LEFT JOIN stf_training_attendance a ON a.training_id = t.id
                         WHERE t.estate_id = ANY(:ids) AND t.held_on BETWEEN :from AND :to
                         GROUP BY t.estate_id""")
                .param("ids", ids).param("from", first).param("to", today)
                .query((rs, n) -> rows.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)})).list();
        Map<EstateId, Integer> people = staff.staffCounts(estates);
        for (EstateId estate : estates) {
            out.put(estate, training(rows.getOrDefault(estate.value(), new long[3]), people.getOrDefault(estate, 0)));
        }
        return out;
    }

    private static RecordFigure training(long[] row, int people) {
        BigDecimal share = people == 0 ? (row[0] > 0 ? BigDecimal.ONE : BigDecimal.ZERO)
                : BigDecimal.valueOf(Math.min(row[2], people)).divide(BigDecimal.valueOf(people), 4, RoundingMode.HALF_UP);
        return new RecordFigure(TRAINING, share, "supervision.figure.training",
                List.of(TRAINING_DAYS, row[0], row[1], people, Math.min(row[2], people), percent(share)));
    }

    private static BigDecimal percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP);
    }
}
