package com.estateguard.access.internal;

import com.estateguard.access.Direction;
import com.estateguard.access.Whereabouts;
import com.estateguard.org.EstateId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checkpoint's answer to an investigation. A person's own passages use the index on (person, time) (V88), the
 * search around each of them the estate's index on (estate, time), its entrance a filter on those minutes (an
 * entrance's records are its estate's; V202 dropped the (entrance, time) index), so a case's window over millions of
 * check records is a few index range scans.
 */
@Service
@Transactional(readOnly = true)
class WhereaboutsQueries implements Whereabouts {

    private static final String COLUMNS = "c.id, c.entrance_id, c.occurred_at, c.direction, c.category, c.person_name, c.person_key, c.vehicle_plate";
    /** An address as typed, without spaces, dashes and the words around the numbers. */
    private static final String BARE = "regexp_replace(%s, '[\\s\\-—_#号栋幢楼单元室]', '', 'g')";

    private final JdbcClient jdbc;

    WhereaboutsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Passage> of(EstateId estate, String personKey, Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM access_check c WHERE c.person_key = :k AND c.estate_id = :e"
                        + " AND c.occurred_at >= :from AND c.occurred_at < :to ORDER BY c.occurred_at, c.id")
                .param("k", personKey).param("e", estate.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> passage(rs)).list();
    }

    @Override
    public List<NearPassage> near(EstateId estate, String personKey, Instant from, Instant to, Duration within) {
        return jdbc.sql("""
                        WITH mine AS (
                            SELECT id, entrance_id, occurred_at FROM access_check
                             WHERE person_key = :k AND estate_id = :e AND occurred_at >= :from AND occurred_at < :to)
                        SELECT %s, m.id AS near_id, m.occurred_at AS near_at
                          FROM mine m
                          JOIN access_check c ON c.estate_id = :e AND c.entrance_id = m.entrance_id
                           AND c.occurred_at BETWEEN m.occurred_at - make_interval(secs => :s) AND m.occurred_at + make_interval(secs => :s)
                         WHERE c.id <> m.id AND c.person_key IS DISTINCT FROM :k
                         ORDER BY m.occurred_at, c.occurred_at, c.id""".formatted(COLUMNS))
                .param("k", personKey).param("e", estate.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("s", (double) within.toSeconds())
                .query((rs, n) -> new NearPassage(passage(rs), rs.getLong("near_id"), rs.getTimestamp("near_at").toInstant()))
                .list();
    }

    @Override
    public List<HostedVisit> visitsHosted(EstateId estate, Collection<String> hostNames, String hostAddress, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT id, visit_date, host_name, host_address, visitor_name, person_key, id_masked, phone FROM res_visit
                         WHERE estate_id = :e AND visit_date BETWEEN :from AND :to
                           AND (host_name IN (:names) OR %s = %s)
                         ORDER BY visit_date, id""".formatted(BARE.formatted("host_address"), BARE.formatted(":addr")))
                .param("e", estate.value()).param("from", from).param("to", to)
                .param("names", hostNames.isEmpty() ? List.of("") : hostNames).param("addr", hostAddress)
                .query((rs, n) -> new HostedVisit(rs.getLong("id"), rs.getObject("visit_date", LocalDate.class),
                        rs.getString("host_name"), rs.getString("host_address"), rs.getString("visitor_name"),
                        rs.getString("person_key"), rs.getString("id_masked"), rs.getString("phone")))
                .list();
    }

    @Override
    public List<WorkerDay> renovationAt(EstateId estate, String address, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT s.id AS site_id, s.address, s.company, w.id AS worker_id, w.name, w.person_key, w.id_masked, v.day
                          FROM res_site s
                          JOIN res_site_visit v ON v.site_id = s.id AND v.admitted AND v.day BETWEEN :from AND :to
                          JOIN res_site_worker w ON w.id = v.worker_id
                         WHERE s.estate_id = :e AND %s = %s
                         ORDER BY v.day, w.id""".formatted(BARE.formatted("s.address"), BARE.formatted(":addr")))
                .param("e", estate.value()).param("from", from).param("to", to).param("addr", address)
                .query((rs, n) -> new WorkerDay(rs.getLong("site_id"), rs.getString("address"), rs.getString("company"),
                        rs.getLong("worker_id"), rs.getString("name"), rs.getString("person_key"), rs.getString("id_masked"),
                        rs.getObject("day", LocalDate.class)))
                .list();
    }

    private static Passage passage(ResultSet rs) throws SQLException {
        return new Passage(rs.getLong("id"), rs.getLong("entrance_id"), rs.getTimestamp("occurred_at").toInstant(),
                Direction.valueOf(rs.getString("direction")), rs.getString("category"), rs.getString("person_name"),
                rs.getString("person_key"), rs.getString("vehicle_plate"));
    }
}
