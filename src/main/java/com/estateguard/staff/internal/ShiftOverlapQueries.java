package com.estateguard.staff.internal;

import com.estateguard.staff.ShiftOverlaps;
import java.sql.Timestamp;
import java.util.List;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The roster read for an investigation: a person's shifts and who overlapped with them at the same post. */
@Service
@Transactional(readOnly = true)
class ShiftOverlapQueries implements ShiftOverlaps {

    private static final String MINE = """
            SELECT s.id, s.entrance_id, greatest(s.starts_at, :from) AS f, least(s.ends_at, :to) AS t, s.starts_at, s.ends_at
              FROM access_shift s JOIN access_shift_member m ON m.shift_id = s.id
             WHERE m.user_id = :u AND s.starts_at < :to AND s.ends_at > :from""";

    private final JdbcClient jdbc;

    ShiftOverlapQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Duty> shiftsOf(long userId, Instant from, Instant to) {
        return jdbc.sql(MINE + " ORDER BY s.starts_at").param("u", userId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Duty(rs.getLong("id"), rs.getLong("entrance_id"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant()))
                .list();
    }

    @Override
    public List<Colleague> overlapping(long userId, Instant from, Instant to) {
        return jdbc.sql("""
                        WITH mine AS (%s)
                        SELECT DISTINCT ON (m.user_id, s.id) m.user_id, u.display_name, s.id, s.entrance_id,
                               greatest(s.starts_at, mine.f) AS f, least(s.ends_at, mine.t) AS t
                          FROM mine
                          JOIN access_shift s ON s.entrance_id = mine.entrance_id AND s.starts_at < mine.t AND s.ends_at > mine.f
                          JOIN access_shift_member m ON m.shift_id = s.id
                          JOIN identity_staff u ON u.id = m.user_id
                         WHERE m.user_id <> :u
                         ORDER BY m.user_id, s.id, f""".formatted(MINE))
                .param("u", userId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Colleague(rs.getLong("user_id"), rs.getString("display_name"), rs.getLong("id"),
                        rs.getLong("entrance_id"), rs.getTimestamp("f").toInstant(), rs.getTimestamp("t").toInstant()))
                .list();
    }
}
