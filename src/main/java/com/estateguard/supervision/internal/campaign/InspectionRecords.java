package com.estateguard.supervision.internal.campaign;

import com.estateguard.supervision.InspectionKind;
import com.estateguard.org.EstateScope;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What campaigns read of the submitted inspections (the core's {@code sup_inspection}): which estates
 * a phase has inspected, with the standing result of each (the latest; a correction replaces what it
 * corrects), and who has inspected their own home.
 */
@Component
public class InspectionRecords {

    private final JdbcClient jdbc;

    InspectionRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The standing result of one estate in a phase. */
    public record Result(long inspectionId, long estateId, InspectionKind kind, BigDecimal score, BigDecimal maxScore,
                         boolean qualified) {

        /** The score as a share of the maximum, 0..100; null for a form without points. */
        public BigDecimal percent() {
            if (score == null || maxScore == null || maxScore.signum() == 0) {
                return null;
            }
            return score.multiply(BigDecimal.valueOf(100)).divide(maxScore, 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /** Per estate in the scope, the latest inspection submitted in the phase (kept in sup_phase_result, V98). */
    public Map<Long, Result> results(long campaignId, long phaseId, String scope) {
        Map<Long, Result> results = new HashMap<>();
        jdbc.sql("""
                        SELECT r.inspection_id, r.estate_id, r.kind, r.score, r.max_score, r.qualified FROM sup_phase_result r
                         WHERE r.campaign_id = :c AND r.phase_id = :p AND\s""" + EstateScope.where("r.estate_id"))
                .param("c", campaignId).param("p", phaseId).param("scope", EstateScope.bind(scope))
                .query(rs -> {
                    results.put(rs.getLong("estate_id"), new Result(rs.getLong("inspection_id"), rs.getLong("estate_id"),
                            InspectionKind.valueOf(rs.getString("kind")), rs.getBigDecimal("score"), rs.getBigDecimal("max_score"),
                            rs.getBoolean("qualified")));
                });
        return results;
    }

    /** The people who have inspected their own home (SELF_HOME) in the phase. */
    public Set<Long> homeInspectors(long campaignId, long phaseId) {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT inspector_staff_id FROM sup_inspection
                         WHERE campaign_id = :c AND phase_id = :p AND kind = 'SELF_HOME'""")
                .param("c", campaignId).param("p", phaseId).query(Long.class).list());
    }
}
