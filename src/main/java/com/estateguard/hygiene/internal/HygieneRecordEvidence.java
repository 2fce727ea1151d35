package com.estateguard.hygiene.internal;

import com.estateguard.org.EstateId;
import com.estateguard.supervision.RecordEvidence;
import com.estateguard.supervision.RecordFigure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the disinfection ledger shows beside a supervision item ({@code hygiene.compliance}): of the
 * tasks of the last 7 days already due, the share done and compliant (the latest record of each).
 */
@Component
class HygieneRecordEvidence implements RecordEvidence {

    static final String COMPLIANCE = "hygiene.compliance";
    static final int WINDOW_DAYS = 7;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    HygieneRecordEvidence(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public Set<String> keys() {
        return Set.of(COMPLIANCE);
    }

    @Override
    public Optional<RecordFigure> figure(String key, EstateId estate, Instant at) {
        if (!COMPLIANCE.equals(key)) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(at, zone);
        long[] counts = jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE r.compliant)
                          FROM hyg_task t
                          LEFT JOIN LATERAL (SELECT compliant FROM hyg_record r WHERE r.task_id = t.id ORDER BY r.id DESC LIMIT 1) r ON true
                         WHERE t.estate_id = :e AND t.task_date BETWEEN :from AND :to AND t.due_at <= :at""")
                .param("e", estate.value()).param("from", today.minusDays(WINDOW_DAYS - 1)).param("to", today)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (counts[0] == 0) {
            return Optional.of(new RecordFigure(COMPLIANCE, null, "supervision.figure.hygieneNone", List.of(WINDOW_DAYS)));
        }
        BigDecimal share = BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_UP);
        return Optional.of(new RecordFigure(COMPLIANCE, share, "supervision.figure.hygiene",
                List.of(WINDOW_DAYS, counts[0], counts[1], share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP))));
    }
}
