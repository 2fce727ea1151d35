package com.estateguard.access.internal;

import com.estateguard.access.Direction;
import com.estateguard.access.GatePassages;
import com.estateguard.org.EstateId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link GatePassages} from the check records: ALLOW and REFER count as passing, REFUSE does not. */
@Service
class GatePassageQueries implements GatePassages {

    private final JdbcClient jdbc;

    GatePassageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> firstAfter(EstateId estate, String personKey, Direction direction, Instant after) {
        return jdbc.sql("""
                        SELECT occurred_at FROM access_check
                         WHERE estate_id = :estate AND person_key = :key AND direction = :direction
                           AND decision <> 'REFUSE' AND occurred_at > :after
                         ORDER BY occurred_at LIMIT 1""")
                .param("estate", estate.value()).param("key", personKey).param("direction", direction.name())
                .param("after", Timestamp.from(after))
                .query(Timestamp.class).list().stream().findFirst().map(Timestamp::toInstant);
    }
}
