package com.estateguard.supervision.internal.circular;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The campaigns and phases a circular or an archive is made for (the campaign tables of this module, read only). */
@Component
public class CampaignPhases {

    public record Phase(long campaignId, String campaignName, String regionPath, long phaseId, String phaseName, LocalDate startsOn,
                        LocalDate endsOn) {
    }

    private static final String SELECT = """
            SELECT c.id AS campaign_id, c.name AS campaign_name, c.region_path, p.id AS phase_id, p.name AS phase_name,
                   p.starts_on, p.ends_on
              FROM sup_campaign c JOIN sup_phase p ON p.campaign_id = c.id""";

    private final JdbcClient jdbc;

    CampaignPhases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Phase> phase(long phaseId) {
        return jdbc.sql(SELECT + " WHERE p.id = :p").param("p", phaseId).query(Phase.class).optional();
    }

    /** Phases of the campaigns run in or above the scope, or below it, newest first. */
    public List<Phase> phases(String scope) {
        return jdbc.sql(SELECT + " WHERE c.region_path LIKE :scope || '%' OR :scope LIKE c.region_path || '%'"
                        + " ORDER BY c.created_at DESC, p.position")
                .param("scope", scope).query(Phase.class).list();
    }

    public Optional<Phase> firstPhase(long campaignId) {
        return jdbc.sql(SELECT + " WHERE c.id = :c ORDER BY p.position LIMIT 1").param("c", campaignId).query(Phase.class).optional();
    }
}
