package com.estateguard.notices.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.notices.PublicityChannel;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The publicity checklist (宣传, COM-01), the state of indoor activity rooms (COM-04) and
 * risk-screening reports (排查, COM-05) of an estate.
 */
@Service
public class Publicity {

    public enum RiskKind { SYMPTOMS, RISK_AREA_ARRIVAL, GATHERING }

    public record PublicityForm(@NotNull(message = "{pub.error.channel}") PublicityChannel channel,
                                @NotNull(message = "{stf.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn,
                                @Size(max = 200, message = "{hyg.error.note}") String note) {
    }

    public record RoomForm(@NotBlank(message = "{pub.error.room}") @Size(max = 60, message = "{pub.error.room}") String room,
                           Boolean open, @Size(max = 200, message = "{hyg.error.note}") String note) {
    }

    public record ScreeningForm(@NotNull(message = "{pub.error.kind}") RiskKind kind, String building,
                                @NotBlank(message = "{pub.error.description}") @Size(max = 300, message = "{pub.error.description}") String description,
                                @NotNull(message = "{stf.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundOn,
                                Boolean reported) {
    }

    public record Room(String name, boolean open, String note, String by) {
    }

    public record Screening(RiskKind kind, String building, String description, LocalDate foundOn, boolean reported, String by) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    Publicity(JdbcClient jdbc, OrgDirectory org, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    public EstateRef estate(long estateId, CurrentUser user) {
        return org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Each channel's latest date; a channel never used is missing from the checklist. */
    public Map<PublicityChannel, LocalDate> checklist(long estateId, CurrentUser user) {
        estate(estateId, user);
        Map<PublicityChannel, LocalDate> latest = new EnumMap<>(PublicityChannel.class);
        jdbc.sql("SELECT channel, max(done_on) AS d FROM ntc_publicity WHERE estate_id = :e GROUP BY channel").param("e", estateId)
                .query((rs, i) -> latest.put(PublicityChannel.valueOf(rs.getString("channel")), rs.getObject("d", LocalDate.class))).list();
        return latest;
    }

    public void publicised(long estateId, PublicityForm form, CurrentUser user) {
        estate(estateId, user);
        notFuture(form.doneOn());
        jdbc.sql("INSERT INTO ntc_publicity (estate_id, channel, done_on, note, created_by) VALUES (:e, :c, :d, :n, :by)")
                .param("e", estateId).param("c", form.channel().name()).param("d", form.doneOn()).param("n", blank(form.note()))
                .param("by", user.actor()).update();
    }

    public List<Room> rooms(long estateId, CurrentUser user) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (room) room, open, note, created_by FROM ntc_room_state
                         WHERE estate_id = :e AND\s""" + EstateScope.where("estate_id") + "\nORDER BY room, id DESC")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> new Room(rs.getString("room"), rs.getBoolean("open"), rs.getString("note"), rs.getString("created_by")))
                .list();
    }

    public void roomState(long estateId, RoomForm form, CurrentUser user) {
        estate(estateId, user);
        jdbc.sql("INSERT INTO ntc_room_state (estate_id, room, open, note, created_by) VALUES (:e, :r, :o, :n, :by)")
                .param("e", estateId).param("r", form.room().trim()).param("o", Boolean.TRUE.equals(form.open()))
                .param("n", blank(form.note())).param("by", user.actor()).update();
    }

    public List<Screening> screenings(long estateId, CurrentUser user) {
        return jdbc.sql("""
                        SELECT kind, building, description, found_on, reported, created_by FROM ntc_screening
                         WHERE estate_id = :e AND\s""" + EstateScope.where("estate_id") + "\nORDER BY found_on DESC, id DESC LIMIT 100")
                .param("e", estateId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> new Screening(RiskKind.valueOf(rs.getString("kind")), rs.getString("building"),
                        rs.getString("description"), rs.getObject("found_on", LocalDate.class), rs.getBoolean("reported"),
                        rs.getString("created_by"))).list();
    }

    public void screened(long estateId, ScreeningForm form, CurrentUser user) {
        estate(estateId, user);
        notFuture(form.foundOn());
        String building = blank(form.building());
        if (building != null && !org.buildings(new EstateId(estateId)).contains(building)) {
            throw new InvalidInputException("ntc.error.building");
        }
        jdbc.sql("""
                        INSERT INTO ntc_screening (estate_id, kind, building, description, found_on, reported, created_by)
                        VALUES (:e, :k, :b, :d, :on, :r, :by)""")
                .param("e", estateId).param("k", form.kind().name()).param("b", building).param("d", form.description().trim())
                .param("on", form.foundOn()).param("r", Boolean.TRUE.equals(form.reported())).param("by", user.actor()).update();
    }

    private void notFuture(LocalDate d) {
        if (d.isAfter(today())) {
            throw new InvalidInputException("stf.error.future");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
