package com.estateguard.staff.internal;

import com.estateguard.access.GuardShifts;
import com.estateguard.access.ShiftId;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.identity.StaffDirectory.StaffMember;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.identity.UserId;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import com.estateguard.staff.StaffPermission;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty roster (值守排班, ACC-01): shifts per entrance with mixed teams and a named leader. A guard
 * records checks only for a shift they are on; no one is on two posts at once (STF-07).
 */
@Service
public class DutyRoster implements GuardShifts {

    public enum Team { DISPATCHED_CADRE, COMMUNITY_CADRE, VOLUNTEER, GUARD }

    public record Shift(long id, long estateId, long entranceId, String entranceName, Instant startsAt, Instant endsAt,
                        long leaderUserId, String leaderName, String members) {
    }

    private static final String SELECT = """
            SELECT s.id, s.estate_id, s.entrance_id, n.name AS entrance_name, s.starts_at, s.ends_at, s.leader_user_id,
                   l.display_name AS leader_name,
                   (SELECT string_agg(u.display_name || '(' || m.team || ')', '、' ORDER BY u.display_name)
                      FROM access_shift_member m JOIN identity_staff u ON u.id = m.user_id WHERE m.shift_id = s.id) AS members
              FROM access_shift s JOIN org_entrance n ON n.id = s.entrance_id JOIN identity_staff l ON l.id = s.leader_user_id""";

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final StaffDirectory directory;

    DutyRoster(JdbcClient jdbc, OrgDirectory org, StaffDirectory directory) {
        this.jdbc = jdbc;
        this.org = org;
        this.directory = directory;
    }

    @Override
    public Optional<ShiftId> onDuty(UserId user, EntranceId entrance, Instant at) {
        return jdbc.sql("""
                        SELECT s.id FROM access_shift s JOIN access_shift_member m ON m.shift_id = s.id
                         WHERE m.user_id = :u AND s.entrance_id = :e AND s.starts_at <= :at AND s.ends_at > :at
                         ORDER BY s.starts_at DESC LIMIT 1""")
                .param("u", user.value()).param("e", entrance.value()).param("at", Timestamp.from(at)).query(Long.class)
                .optional().map(ShiftId::new);
    }

    @Override
    public List<GuardShift> currentFor(UserId user, Instant at) {
        return shiftsOf(user.value(), at).stream().map(s -> new GuardShift(new ShiftId(s.id()), new EstateId(s.estateId()),
                new EntranceId(s.entranceId()), s.entranceName(), s.startsAt(), s.endsAt(), s.leaderName())).toList();
    }

    /** Distinct people on the estate's shifts (members are "name(team)" joined by 、). */
    @Override
    public long staffOnDuty(EstateId estate, String regionPath, Instant from, Instant to) {
        return between(regionPath, from, to).stream()
                .filter(s -> s.estateId() == estate.value() && s.members() != null)
                .flatMap(s -> java.util.Arrays.stream(s.members().split("、")))
                .distinct().count();
    }

    private List<Shift> shiftsOf(long userId, Instant at) {
        return jdbc.sql(SELECT + "\n" + """
                         WHERE s.starts_at <= :at AND s.ends_at > :at
                           AND EXISTS (SELECT 1 FROM access_shift_member m WHERE m.shift_id = s.id AND m.user_id = :u)
                         ORDER BY s.starts_at""")
                .param("u", userId).param("at", Timestamp.from(at)).query(Shift.class).list();
    }

    public Optional<Shift> shift(long id, String scope) {
        return jdbc.sql(SELECT + " WHERE s.id = :id AND " + EstateScope.where("s.estate_id"))
                .param("id", id).param("scope", EstateScope.bind(scope)).query(Shift.class).optional();
    }

    public List<Shift> between(String scope, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE " + EstateScope.where("s.estate_id")
                        + " AND s.ends_at > :from AND s.starts_at < :to ORDER BY s.starts_at, n.name")
                .param("scope", EstateScope.bind(scope)).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Shift.class).list();
    }

    @Transactional
    public long create(long entranceId, Instant startsAt, Instant endsAt, long leaderUserId, Map<Long, Team> members,
                       CurrentUser by) {
        if (!by.can(StaffPermission.ROSTER_WRITE)) {
            throw new NotPermittedException();
        }
        EntranceRef entrance = org.entrance(new EntranceId(entranceId), by.scopePath())
                .orElseThrow(() -> new NotFoundException("entrance", entranceId));
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("error.shift.times");
        }
        if (!members.containsKey(leaderUserId)) {
            throw new InvalidInputException("error.shift.leader");
        }
        for (long userId : members.keySet()) {
            requireStaffOf(entrance.estateId(), userId);
            if (overlapping(userId, startsAt, endsAt)) {
                throw new InvalidInputException("error.shift.overlap", userName(userId));
            }
        }
        long id = jdbc.sql("""
                        INSERT INTO access_shift (estate_id, entrance_id, starts_at, ends_at, leader_user_id, created_by)
                        VALUES (:estate, :entrance, :from, :to, :leader, :by) RETURNING id""")
                .param("estate", entrance.estateId()).param("entrance", entranceId).param("from", Timestamp.from(startsAt))
                .param("to", Timestamp.from(endsAt)).param("leader", leaderUserId).param("by", by.actor())
                .query(Long.class).single();
        members.forEach((userId, team) -> jdbc.sql(
                        "INSERT INTO access_shift_member (shift_id, estate_id, user_id, team) VALUES (:s, :e, :u, :t)")
                .param("s", id).param("e", entrance.estateId()).param("u", userId).param("t", team.name()).update());
        return id;
    }

    private void requireStaffOf(long estateId, long userId) {
        if (!directory.mayServeAt(new UserId(userId), new EstateId(estateId))) {
            throw new InvalidInputException("error.shift.member", userId);
        }
    }

    private boolean overlapping(long userId, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT count(*) FROM access_shift s JOIN access_shift_member m ON m.shift_id = s.id
                         WHERE m.user_id = :u AND s.starts_at < :to AND s.ends_at > :from""")
                .param("u", userId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single() > 0;
    }

    private String userName(long userId) {
        return directory.byId(new UserId(userId)).map(StaffMember::displayName).orElse(String.valueOf(userId));
    }

    /** What taking a person off duty did: shifts left, and shifts they lead that now need a new leader. */
    public record OffDuty(int shiftsLeft, int shiftsLedNeedingLeader) {
    }

    /**
     * Takes a person off every shift not yet over (STF-01: ineligible for duty). A leader cannot be
     * removed without a replacement, so the shifts they lead are counted for the administrator.
     */
    @Transactional
    public OffDuty takeOffDuty(long userId, Instant from) {
        int left = jdbc.sql("""
                        DELETE FROM access_shift_member m USING access_shift s
                         WHERE m.shift_id = s.id AND m.user_id = :u AND s.ends_at > :from AND s.leader_user_id <> :u""")
                .param("u", userId).param("from", Timestamp.from(from)).update();
        int led = jdbc.sql("SELECT count(*) FROM access_shift WHERE leader_user_id = :u AND ends_at > :from")
                .param("u", userId).param("from", Timestamp.from(from)).query(Integer.class).single();
        return new OffDuty(left, led);
    }

    /** Staff who may be put on a shift at this estate. */
    public List<StaffMember> staffOf(long estateId) {
        return directory.staffOf(new EstateId(estateId));
    }
}
