package com.estateguard.emergency.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.emergency.EmergencyPermission;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.identity.UserId;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each estate's emergency plan (应急预案, EMG-01/02): the working group, observation points, routes, numbers. */
@Service
@Transactional(readOnly = true)
public class EmergencyPlans {

    /** A post and who holds it (null name: nobody yet). */
    public record Post(PlanRole role, Long userId, String personName, String phone) {
        public boolean staffed() {
            return personName != null;
        }
    }

    /** An observation point with the people in it now (moves in open real incidents) against its capacity. */
    public record Point(long id, String name, String location, int capacity, int occupancy) {
        public boolean full() {
            return occupancy >= capacity;
        }
    }

    /** The plan as the page shows it, with what is missing. */
    public record Plan(EstateRef estate, List<Post> posts, List<Point> points, PlanForms.Contacts contacts,
                       List<PlanCompleteness.Gap> gaps) {
        public boolean complete() {
            return gaps.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final StaffDirectory staff;
    private final Clock clock;

    EmergencyPlans(JdbcClient jdbc, OrgDirectory org, StaffDirectory staff, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.staff = staff;
        this.clock = clock;
    }

    public Plan plan(long estateId, CurrentUser me) {
        if (!me.can(EmergencyPermission.EMERGENCY_READ)) {
            throw new NotPermittedException();
        }
        EstateRef estate = org.estateInScope(new EstateId(estateId), me);
        Map<PlanRole, Post> held = jdbc.sql("SELECT role, user_id, person_name, phone FROM emg_plan_role WHERE estate_id = :e")
                .param("e", estateId).query(Post.class).list().stream().collect(Collectors.toMap(Post::role, Function.identity()));
        List<Post> posts = EnumSet.allOf(PlanRole.class).stream()
                .map(role -> held.getOrDefault(role, new Post(role, null, null, null))).toList();
        List<Point> points = points(estateId);
        PlanForms.Contacts contacts = jdbc.sql("""
                        SELECT access_routes, community_phone, housing_phone, health_phone, cdc_phone FROM emg_plan WHERE estate_id = :e""")
                .param("e", estateId).query(PlanForms.Contacts.class).optional()
                .orElse(new PlanForms.Contacts(null, null, null, null, null));
        var facts = new PlanCompleteness.Facts(held.keySet(), points.size(), contacts.accessRoutes(), contacts.communityPhone(),
                contacts.housingPhone(), contacts.healthPhone(), contacts.cdcPhone());
        return new Plan(estate, posts, points, contacts, PlanCompleteness.gaps(facts));
    }

    public List<Point> points(long estateId) {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.location, p.capacity,
                               (SELECT count(*) FROM emg_observation_move m JOIN emg_incident i ON i.id = m.incident_id
                                 WHERE m.point_id = p.id AND i.status = 'OPEN' AND NOT i.drill) AS occupancy
                          FROM emg_observation_point p WHERE p.estate_id = :e ORDER BY p.name""")
                .param("e", estateId).query(Point.class).list();
    }

    @Transactional
    public void saveContacts(long estateId, PlanForms.Contacts form, CurrentUser by) {
        requireRunIn(estateId, by);
        jdbc.sql("""
                        INSERT INTO emg_plan (estate_id, access_routes, community_phone, housing_phone, health_phone, cdc_phone, updated_at, updated_by)
                        VALUES (:e, :routes, :community, :housing, :health, :cdc, :at, :by)
                        ON CONFLICT (estate_id) DO UPDATE SET access_routes = :routes, community_phone = :community,
                            housing_phone = :housing, health_phone = :health, cdc_phone = :cdc, updated_at = :at, updated_by = :by,
                            version = emg_plan.version + 1""")
                .param("e", estateId).param("routes", trim(form.accessRoutes())).param("community", trim(form.communityPhone()))
                .param("housing", trim(form.housingPhone())).param("health", trim(form.healthPhone()))
                .param("cdc", trim(form.cdcPhone())).param("at", Timestamp.from(clock.instant())).param("by", by.actor()).update();
    }

    /** Gives a post to one of the estate's staff accounts, or to a name and phone; the leader must be the project manager. */
    @Transactional
    public void assign(long estateId, PlanForms.Assignment form, CurrentUser by) {
        requireRunIn(estateId, by);
        String name = trim(form.personName());
        if (form.userId() != null) {
            var member = staff.byId(new UserId(form.userId())).filter(m -> m.estateId() != null && m.estateId() == estateId)
                    .orElseThrow(() -> new InvalidInputException("emergency.error.notStaffOfEstate"));
            if (form.role() == PlanRole.LEADER && member.role() != com.estateguard.common.Role.PROJECT_MANAGER) {
                throw new InvalidInputException("emergency.error.leaderIsProjectManager");
            }
            name = member.displayName();
        } else if (name == null) {
            throw new InvalidInputException("emergency.error.personRequired");
        }
        jdbc.sql("""
                        INSERT INTO emg_plan_role (estate_id, role, user_id, person_name, phone, updated_at, updated_by)
                        VALUES (:e, :role, :user, :name, :phone, :at, :by)
                        ON CONFLICT (estate_id, role) DO UPDATE SET user_id = :user, person_name = :name, phone = :phone,
                            updated_at = :at, updated_by = :by""")
                .param("e", estateId).param("role", form.role().name()).param("user", form.userId()).param("name", name)
                .param("phone", trim(form.phone())).param("at", Timestamp.from(clock.instant())).param("by", by.actor()).update();
    }

    @Transactional
    public long addPoint(long estateId, PlanForms.ObservationPoint form, CurrentUser by) {
        requireRunIn(estateId, by);
        boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM emg_observation_point WHERE estate_id = :e AND name = :n)")
                .param("e", estateId).param("n", form.name().strip()).query(Boolean.class).single();
        if (taken) {
            throw new InvalidInputException("emergency.error.pointNameTaken", form.name().strip());
        }
        return jdbc.sql("""
                        INSERT INTO emg_observation_point (estate_id, name, location, capacity, created_at, created_by)
                        VALUES (:e, :n, :l, :c, :at, :by) RETURNING id""")
                .param("e", estateId).param("n", form.name().strip()).param("l", trim(form.location())).param("c", form.capacity())
                .param("at", Timestamp.from(clock.instant())).param("by", by.actor()).query(Long.class).single();
    }

    /** The estate's staff accounts a post can be given to. */
    public List<StaffDirectory.StaffMember> staffOf(long estateId) {
        return staff.staffOf(new EstateId(estateId));
    }

    private void requireRunIn(long estateId, CurrentUser by) {
        IncidentService.requireRun(by);
        org.estateInScope(new EstateId(estateId), by);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
