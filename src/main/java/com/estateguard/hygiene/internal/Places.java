package com.estateguard.hygiene.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The places of each estate and their disinfection plans (HYG-01..05, 07, 08). */
@Service
public class Places {

    static final String SELECT = """
            SELECT p.id, p.estate_id, p.name, p.place_type, p.times_per_day, p.agent, p.min_mg_l, p.max_mg_l,
                   p.ventilation_minutes, p.wipe_height_m, p.active FROM hyg_place p""";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Policies policies;
    private final HygieneTasks tasks;
    private final Clock clock;

    Places(JdbcClient jdbc, OrgDirectory org, Policies policies, HygieneTasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.tasks = tasks;
        this.policies = policies;
        this.clock = clock;
    }

    public List<Place> of(long estateId, CurrentUser user) {
        return jdbc.sql(SELECT + " WHERE p.estate_id = :estate AND " + EstateScope.where("p.estate_id")
                        + " ORDER BY p.place_type, p.name")
                .param("estate", estateId).param("scope", EstateScope.bind(user.scopePath())).query(Places::map).list();
    }

    /**
     * Adds a place; empty plan values take the policy's numbers, and a plan weaker than the policy is refused. Its tasks
     * of today are made at once (pages only read tasks), as the nightly job makes every later day's.
     */
    @Transactional
    public long add(long estateId, PlaceForm form, CurrentUser user) {
        EstateRef estate = org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
        HygieneParameters policy = policies.inForce(estate.regionPath(), clock.instant()).parameters().group(HygieneParameters.class);
        Place plan = planFrom(form, policy);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO hyg_place (estate_id, name, place_type, times_per_day, agent, min_mg_l, max_mg_l,
                                                   ventilation_minutes, wipe_height_m, created_by)
                            VALUES (:estate, :name, :type, :times, :agent, :min, :max, :vent, :wipe, :by) RETURNING id""")
                    .param("estate", estateId).param("name", plan.name()).param("type", plan.type().name())
                    .param("times", plan.timesPerDay()).param("agent", plan.agent().name()).param("min", plan.minMgL())
                    .param("max", plan.maxMgL()).param("vent", plan.ventilationMinutes()).param("wipe", plan.wipeHeightM())
                    .param("by", user.actor()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("hyg.error.placeExists", plan.name());
        }
        tasks.ensureToday(estate, user.actor());
        return id;
    }

    public static Place planFrom(PlaceForm form, HygieneParameters policy) {
        PlaceType type = form.type();
        PlaceType.Requirement floor = type.policyRequirement(policy);
        int times = form.timesPerDay() == null ? floor.timesPerDay() : form.timesPerDay();
        if (times < floor.timesPerDay()) {
            throw new InvalidInputException("hyg.error.timesBelowPolicy", floor.timesPerDay());
        }
        Agent agent = form.agent() == null ? type.defaultAgent() : form.agent();
        if (!type.allowedAgents().contains(agent)) {
            throw new InvalidInputException("hyg.error.agentNotAllowed");
        }
        boolean chlorine = agent == Agent.CHLORINE;
        Integer min = !chlorine ? null : form.minMgL() == null ? floor.minMgL() : form.minMgL();
        Integer max = !chlorine ? null : form.maxMgL() == null ? floor.maxMgL() : form.maxMgL();
        if (chlorine && (min > max || min < floor.minMgL() || max > floor.maxMgL())) {
            throw new InvalidInputException("hyg.error.rangeOutsidePolicy", floor.minMgL(), floor.maxMgL());
        }
        int vent = form.ventilationMinutes() == null ? floor.ventilationMinutes() : form.ventilationMinutes();
        if (vent < floor.ventilationMinutes()) {
            throw new InvalidInputException("hyg.error.ventilationBelowPolicy", floor.ventilationMinutes());
        }
        BigDecimal wipe = floor.wipeHeightM() == null ? null : form.wipeHeightM() == null ? floor.wipeHeightM() : form.wipeHeightM();
        if (wipe != null && wipe.compareTo(floor.wipeHeightM()) < 0) {
            throw new InvalidInputException("hyg.error.wipeBelowPolicy", floor.wipeHeightM());
        }
        return new Place(0, 0, form.name().trim(), type, times, agent, min, max, vent, wipe, true);
    }

    static Place map(ResultSet rs, int row) throws SQLException {
        return new Place(rs.getLong("id"), rs.getLong("estate_id"), rs.getString("name"), PlaceType.valueOf(rs.getString("place_type")),
                rs.getInt("times_per_day"), Agent.valueOf(rs.getString("agent")), (Integer) rs.getObject("min_mg_l"),
                (Integer) rs.getObject("max_mg_l"), rs.getInt("ventilation_minutes"), rs.getBigDecimal("wipe_height_m"),
                rs.getBoolean("active"));
    }
}
