package com.estateguard.staff.internal;

import com.estateguard.org.EstateId;
import com.estateguard.staff.StaffOnSite;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link StaffOnSite} from the duty roster and the staff NAT register. */
@Component
class RosterOnSite implements StaffOnSite {

    private final JdbcClient jdbc;

    RosterOnSite(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OnSite> onShift(EstateId estate, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT DISTINCT u.id, u.display_name FROM access_shift s
                          JOIN access_shift_member m ON m.shift_id = s.id JOIN identity_staff u ON u.id = m.user_id
                         WHERE s.estate_id = :e AND s.starts_at < :to AND s.ends_at > :from
                         ORDER BY u.display_name, u.id""")
                .param("e", estate.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> new OnSite(rs.getLong("id"), rs.getString("display_name"))).list();
    }

    @Override
    public List<StaffNat> natSince(EstateId estate, LocalDate day) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (user_id) user_id, sampled_on, result FROM stf_nat
                         WHERE estate_id = :e AND sampled_on >= :d AND result <> 'PENDING'
                         ORDER BY user_id, sampled_on DESC, id DESC""")
                .param("e", estate.value()).param("d", day)
                .query((rs, i) -> new StaffNat(rs.getLong("user_id"), rs.getObject("sampled_on", LocalDate.class),
                        "POSITIVE".equals(rs.getString("result")))).list();
    }
}
