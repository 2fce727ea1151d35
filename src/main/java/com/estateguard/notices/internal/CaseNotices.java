package com.estateguard.notices.internal;

import com.estateguard.notices.CaseKind;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.org.OrgDirectory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Publishing and reading case notices; only a {@link PublicNotice} can be published. */
@Service
public class CaseNotices {

    public record NoticeForm(@NotNull(message = "{ntc.error.kind}") CaseKind kind,
                             @NotBlank(message = "{ntc.error.name}") @Size(max = 20, message = "{ntc.error.name}") String fullName,
                             @NotBlank(message = "{ntc.error.building}") String building,
                             @NotNull(message = "{ntc.error.date}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate caseDate,
                             @Size(max = 200, message = "{ntc.error.note}") String note) {
    }

    public record Published(long id, String estateName, CaseKind kind, String maskedName, String building, LocalDate caseDate,
                            String note, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    CaseNotices(JdbcClient jdbc, OrgDirectory org, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    public long publish(long estateId, NoticeForm form, CurrentUser user) {
        org.estate(new EstateId(estateId), user.scopePath()).orElseThrow(() -> new NotFoundException("estate", estateId));
        if (form.caseDate().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("ntc.error.date");
        }
        PublicNotice notice = PublicNotice.deidentify(
                new PublicNotice.CaseReport(form.kind(), form.fullName(), form.building(), form.caseDate(), form.note()),
                org.buildings(new EstateId(estateId)));
        return insert(estateId, notice, user);
    }

    private long insert(long estateId, PublicNotice n, CurrentUser user) {
        return jdbc.sql("""
                        INSERT INTO ntc_case_notice (estate_id, kind, masked_name, building, case_date, note, created_by)
                        VALUES (:e, :k, :m, :b, :d, :note, :by) RETURNING id""")
                .param("e", estateId).param("k", n.kind().name()).param("m", n.maskedName()).param("b", n.building())
                .param("d", n.caseDate()).param("note", n.note()).param("by", user.actor()).query(Long.class).single();
    }

    public List<Published> visible(CurrentUser user, int limit) {
        return jdbc.sql("""
                        SELECT n.id, e.name AS estate_name, n.kind, n.masked_name, n.building, n.case_date, n.note, n.created_at
                          FROM ntc_case_notice n JOIN org_estate e ON e.id = n.estate_id
                         WHERE\s""" + EstateScope.where("n.estate_id") + "\nORDER BY n.case_date DESC, n.id DESC LIMIT :limit")
                .param("scope", EstateScope.bind(user.scopePath())).param("limit", limit)
                .query((rs, i) -> new Published(rs.getLong("id"), rs.getString("estate_name"), CaseKind.valueOf(rs.getString("kind")),
                        rs.getString("masked_name"), rs.getString("building"), rs.getObject("case_date", LocalDate.class),
                        rs.getString("note"), rs.getTimestamp("created_at").toInstant())).list();
    }
}
