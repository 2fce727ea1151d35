package com.estateguard.access.internal;

import com.estateguard.access.Absences;
import com.estateguard.org.EstateId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link Absences} from the check records (corrections included: they are passages too). */
@Component
class AbsenceQueries implements Absences {

    private final JdbcClient jdbc;

    AbsenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> away(EstateId estate, Instant at) {
        return new HashSet<>(jdbc.sql("""
                        SELECT person_key FROM (
                            SELECT DISTINCT ON (person_key) person_key, direction FROM access_check
                             WHERE estate_id = :e AND person_key IS NOT NULL AND occurred_at <= :at AND decision <> 'REFUSE'
                             ORDER BY person_key, occurred_at DESC, id DESC) last
                         WHERE direction = 'OUT'""")
                .param("e", estate.value()).param("at", Timestamp.from(at)).query(String.class).list());
    }
}
