package com.estateguard.supervision.internal.campaign;

import com.estateguard.supervision.InspectionKind;
import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionId;
import com.estateguard.org.RegionRef;
import com.estateguard.supervision.SupervisionPermission;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns and their phases. A campaign is seen by the authorities of its region and above, and
 * by those of the regions inside it (who see only their own estates' figures, see {@link Coverage}).
 */
@Service
public class Campaigns {

    /** Visible when the campaign's region lies inside the user's scope or contains it. */
    private static final String VISIBLE = "(c.region_path LIKE :scope || '%' OR :scope LIKE c.region_path || '%')";
    private static final String SELECT = """
            SELECT c.id, c.name, c.region_id, c.region_path, c.template_id, c.kinds, c.version FROM sup_campaign c""";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    Campaigns(JdbcClient jdbc, OrgDirectory org, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Transactional
    public long create(CampaignForm form, CurrentUser by) {
        requireManager(by);
        RegionRef region = org.region(new RegionId(form.regionId()))
                .filter(r -> r.path().startsWith(by.scopePath()))
                .orElseThrow(() -> new NotFoundException("region", form.regionId()));
        checkDates(form.startsOn(), form.endsOn());
        long id = jdbc.sql("""
                        INSERT INTO sup_campaign (name, region_id, region_path, template_id, kinds, created_at, created_by)
                        VALUES (:name, :region, :path, :template, :kinds::text[], :at, :by) RETURNING id""")
                .param("name", form.name().strip()).param("region", region.id()).param("path", region.path())
                .param("template", form.templateId()).param("kinds", kindsLiteral(form.kinds()))
                .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).query(Long.class).single();
        insertPhase(id, 1, form.phaseName(), form.startsOn(), form.endsOn());
        return id;
    }

    /** The next phase; the one before it, if it runs on without an end, ends the day before. */
    @Transactional
    public long addPhase(long campaignId, PhaseForm form, CurrentUser by) {
        requireManager(by);
        Campaign campaign = get(campaignId, by);
        checkDates(form.startsOn(), form.endsOn());
        Campaign.Phase previous = campaign.last();
        if (!form.startsOn().isAfter(previous.startsOn())
                || (previous.endsOn() != null && !form.startsOn().isAfter(previous.endsOn()))) {
            throw new PhaseDatesInvalid("error.sup.phaseOverlap", previous.name());
        }
        if (previous.endsOn() == null) {
            jdbc.sql("UPDATE sup_phase SET ends_on = :end WHERE id = :id")
                    .param("end", Date.valueOf(form.startsOn().minusDays(1))).param("id", previous.id()).update();
        }
        int updated = jdbc.sql("UPDATE sup_campaign SET version = version + 1 WHERE id = :id AND version = :v")
                .param("id", campaignId).param("v", campaign.version()).update();
        if (updated == 0) {
            throw new ConcurrentChange("campaign", campaignId);
        }
        return insertPhase(campaignId, previous.position() + 1, form.name(), form.startsOn(), form.endsOn());
    }

    public Campaign get(long id, CurrentUser user) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND " + VISIBLE).param("id", id).param("scope", user.scopePath())
                .query(this::campaign).optional().orElseThrow(() -> new NotFoundException("campaign", id));
    }

    /** The phase asked for, or the one running today. */
    public Campaign.Phase phase(Campaign campaign, Long phaseId) {
        return phaseId == null ? campaign.current(today())
                : campaign.phase(phaseId).orElseThrow(() -> new NotFoundException("phase", phaseId));
    }

    /** "campaign · phase" for a phase of a campaign the user may see; the phase is not found otherwise. */
    public String phaseLabel(long phaseId, CurrentUser user) {
        return jdbc.sql("SELECT c.name || ' · ' || p.name FROM sup_phase p JOIN sup_campaign c ON c.id = p.campaign_id WHERE p.id = :p AND "
                        + VISIBLE).param("p", phaseId).param("scope", user.scopePath())
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("phase", phaseId));
    }

    /** Without a scope: for the listeners and the demo, which act for the system. */
    public Campaign get(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(this::campaign).optional()
                .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    public List<Campaign> visible(CurrentUser user) {
        return jdbc.sql(SELECT + " WHERE " + VISIBLE + " ORDER BY c.id DESC").param("scope", user.scopePath())
                .query(this::campaign).list();
    }

    /**
     * The campaigns reaching the estates under {@code path} (their region contains it or lies inside it) with a phase
     * running on {@code day}, newest first; {@code path} is a scope the caller has checked (the cockpit's place).
     */
    public List<Campaign> runningAt(String path, LocalDate day) {
        return jdbc.sql(SELECT + " WHERE " + VISIBLE + """
                         AND EXISTS (SELECT 1 FROM sup_phase p WHERE p.campaign_id = c.id AND p.starts_on <= :day
                                      AND (p.ends_on IS NULL OR p.ends_on >= :day))
                        ORDER BY c.id DESC""")
                .param("scope", EstateScope.bind(path)).param("day", Date.valueOf(day))
                .query(this::campaign).list();
    }

    static void requireManager(CurrentUser by) {
        if (!by.can(SupervisionPermission.SUPERVISION_MANAGE)) {
            throw new NotPermittedException();
        }
    }

    private static void checkDates(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new PhaseDatesInvalid("error.sup.phaseDates");
        }
    }

    private long insertPhase(long campaignId, int position, String name, LocalDate startsOn, LocalDate endsOn) {
        return jdbc.sql("""
                        INSERT INTO sup_phase (campaign_id, position, name, starts_on, ends_on)
                        VALUES (:c, :pos, :name, :start, :end) RETURNING id""")
                .param("c", campaignId).param("pos", position).param("name", name.strip())
                .param("start", Date.valueOf(startsOn)).param("end", endsOn == null ? null : Date.valueOf(endsOn))
                .query(Long.class).single();
    }

    private List<Campaign.Phase> phases(long campaignId) {
        return jdbc.sql("SELECT id, campaign_id, position, name, starts_on, ends_on FROM sup_phase WHERE campaign_id = :c ORDER BY position")
                .param("c", campaignId).query(Campaign.Phase.class).list();
    }

    private Campaign campaign(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long region = rs.getLong("region_id");
        String regionName = org.region(new RegionId(region)).map(RegionRef::name).orElse("");
        Array kinds = rs.getArray("kinds");
        return new Campaign(id, rs.getString("name"), region, rs.getString("region_path"), regionName, rs.getLong("template_id"),
                Arrays.stream((String[]) kinds.getArray()).map(InspectionKind::valueOf).toList(), phases(id), rs.getInt("version"));
    }

    private static String kindsLiteral(List<InspectionKind> kinds) {
        if (kinds.isEmpty()) {
            throw new InvalidInputException("error.sup.noKinds");
        }
        return "{" + String.join(",", kinds.stream().distinct().map(Enum::name).toList()) + "}";
    }
}
