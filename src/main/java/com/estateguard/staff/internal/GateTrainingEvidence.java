package com.estateguard.staff.internal;

import com.estateguard.common.Role;
import com.estateguard.identity.StaffDirectory.StaffMember;
import com.estateguard.org.EstateId;
import com.estateguard.supervision.RecordEvidence;
import com.estateguard.supervision.RecordFigure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether an estate's gate staff were trained (seed 000: "确保负责卡口查验的物业服务人员全部培训到位",
 * spot-checked and circulated), from the training register: of the estate's guards, how many had
 * attended a session held by then. Supervision shows it beside the training item and in circulars.
 */
@Component
class GateTrainingEvidence implements RecordEvidence {

    static final String KEY = "staff.training";

    private final DutyRoster roster;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    GateTrainingEvidence(DutyRoster roster, JdbcClient jdbc, ZoneId zone) {
        this.roster = roster;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @Override
    public Set<String> keys() {
        return Set.of(KEY);
    }

    @Override
    public Optional<RecordFigure> figure(String key, EstateId estate, Instant at) {
        if (!KEY.equals(key)) {
            return Optional.empty();
        }
        List<Long> guards = roster.staffOf(estate.value()).stream().filter(m -> m.role() == Role.GUARD).map(StaffMember::id).toList();
        if (guards.isEmpty()) {
            return Optional.empty();
        }
        long trained = jdbc.sql("""
                        SELECT count(DISTINCT a.user_id) FROM stf_training_attendance a JOIN stf_training t ON t.id = a.training_id
                         WHERE t.estate_id = :e AND t.held_on <= :day AND a.user_id = ANY(:guards)""")
                .param("e", estate.value()).param("day", LocalDate.ofInstant(at, zone))
                .param("guards", guards.toArray(Long[]::new)).query(Long.class).single();
        BigDecimal share = BigDecimal.valueOf(trained).divide(BigDecimal.valueOf(guards.size()), 4, RoundingMode.HALF_UP);
        return Optional.of(new RecordFigure(KEY, share, "stf.evidence.training", List.of(guards.size(), trained)));
    }
}
