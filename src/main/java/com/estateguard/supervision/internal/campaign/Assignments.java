package com.estateguard.supervision.internal.campaign;

import com.estateguard.supervision.InspectionKind;
import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who is to inspect which estate in a phase: one's home, one's group's gaps, one's spot checks. */
@Service
public class Assignments {

    private static final int MAX_ROWS = 200;

    private final JdbcClient jdbc;
    private final OrgDirectory org;

    Assignments(JdbcClient jdbc, OrgDirectory org) {
        this.jdbc = jdbc;
        this.org = org;
    }

    public record Assignment(long id, long estateId, String estateName, InspectionKind kind, String groupName, Instant createdAt,
                             boolean done) {
    }

    /** The user's own assignments and their groups', not yet done first. */
    public List<Assignment> mine(Campaign campaign, Campaign.Phase phase, CurrentUser user) {
        return jdbc.sql("""
                        SELECT a.id, a.estate_id, a.kind, g.name AS group_name, a.created_at,
                               EXISTS (SELECT 1 FROM sup_inspection i
                                        WHERE i.campaign_id = a.campaign_id AND i.phase_id = a.phase_id AND i.estate_id = a.estate_id
                                          AND i.kind = a.kind AND i.submitted_at IS NOT NULL) AS done
                          FROM sup_assignment a LEFT JOIN sup_group g ON g.id = a.group_id
                         WHERE a.phase_id = :p
                           AND (a.user_id = :u OR a.group_id IN (SELECT m.group_id FROM sup_group_member m WHERE m.user_id = :u))
                         ORDER BY done, a.id LIMIT :max""")
                .param("p", phase.id()).param("u", user.id()).param("max", MAX_ROWS)
                .query((rs, i) -> new Assignment(rs.getLong("id"), rs.getLong("estate_id"),
                        org.estate(new EstateId(rs.getLong("estate_id")), "R/").map(EstateRef::name).orElse(""),
                        InspectionKind.valueOf(rs.getString("kind")), rs.getString("group_name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("done")))
                .list();
    }

    /** The estates of the phase given to each group, for the group page. */
    public List<Assignment> ofGroup(long groupId, Campaign.Phase phase, CurrentUser viewer) {
        return jdbc.sql("""
                        SELECT a.id, a.estate_id, a.kind, g.name AS group_name, a.created_at,
                               EXISTS (SELECT 1 FROM sup_inspection i
                                        WHERE i.campaign_id = a.campaign_id AND i.phase_id = a.phase_id AND i.estate_id = a.estate_id
                                          AND i.submitted_at IS NOT NULL) AS done
                          FROM sup_assignment a JOIN sup_group g ON g.id = a.group_id
                         WHERE a.phase_id = :p AND a.group_id = :g ORDER BY done, a.id LIMIT :max""")
                .param("p", phase.id()).param("g", groupId).param("max", MAX_ROWS)
                .query((rs, i) -> new Assignment(rs.getLong("id"), rs.getLong("estate_id"), null,
                        InspectionKind.valueOf(rs.getString("kind")), rs.getString("group_name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getBoolean("done")))
                .list().stream()
                .flatMap(a -> org.estate(new EstateId(a.estateId()), viewer.scopePath())
                        .map(e -> new Assignment(a.id(), a.estateId(), e.name(), a.kind(), a.groupName(), a.createdAt(), a.done())).stream())
                .toList();
    }
}
