package com.estateguard.access.internal;

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
 * What the checkpoint's records show beside a supervision item ({@code access.checksComplete}): of
 * today's entries (checks inward, corrected ones counted once, as corrected), the share with every
 * check the policy required and the health code scanned, not shown or typed: none refused for a
 * missing check ({@code MISSING_*}) or a code not scanned.
 */
@Component
class AccessRecordEvidence implements RecordEvidence {

    static final String CHECKS_COMPLETE = "access.checksComplete";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    AccessRecordEvidence(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public Set<String> keys() {
        return Set.of(CHECKS_COMPLETE);
    }

    @Override
    public Optional<RecordFigure> figure(String key, EstateId estate, Instant at) {
        if (!CHECKS_COMPLETE.equals(key)) {
            return Optional.empty();
        }
        Instant from = LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
        long[] counts = jdbc.sql("""
                        SELECT count(*),
                               count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM unnest(c.reason_codes) r
                                                                   WHERE r LIKE 'MISSING\\_%' OR r IN ('CODE_SHOWN_NOT_SCANNED', 'CODE_TYPED_NOT_SCANNED')))
                          FROM access_check c
                         WHERE c.estate_id = :e AND c.direction = 'IN' AND c.occurred_at >= :from AND c.occurred_at <= :to
                           AND NOT EXISTS (SELECT 1 FROM access_check k WHERE k.corrects_check_id = c.id)""")
                .param("e", estate.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(at))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (counts[0] == 0) {
            return Optional.of(new RecordFigure(CHECKS_COMPLETE, null, "supervision.figure.checksNone", List.of()));
        }
        BigDecimal share = BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(counts[0]), 4, RoundingMode.HALF_UP);
        return Optional.of(new RecordFigure(CHECKS_COMPLETE, share, "supervision.figure.checksComplete",
                List.of(counts[0], counts[1], share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP))));
    }
}
