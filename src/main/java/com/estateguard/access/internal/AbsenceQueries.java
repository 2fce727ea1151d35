package com.estateguard.access.internal;

import com.estateguard.access.Absences;
import com.estateguard.org.EstateId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
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
    public Set<String> away(EstateId estate, Collection<String> personKeys, Instant at) {
        if (personKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT k.key FROM unnest(cast(:keys AS text[])) AS k(key)
                          CROSS JOIN LATERAL (SELECT c.direction FROM access_check c
                                               WHERE c.person_key = k.key AND c.occurred_at <= :at AND c.estate_id = :e
                                                 AND c.decision <> 'REFUSE'
                                               ORDER BY c.occurred_at DESC LIMIT 1) last
                         WHERE last.direction = 'OUT'""")
                .param("keys", personKeys.toArray(String[]::new)).param("e", estate.value()).param("at", Timestamp.from(at))
                .query(String.class).list());
    }
}
