package com.estateguard.healthdata.internal;

import com.estateguard.healthdata.NatRecord;
import com.estateguard.healthdata.NatResult;
import com.estateguard.healthdata.NatResults;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers {@link NatResults} from the platform's own NAT register, imported or entered one by one. */
@Component
class RegisterNatResults implements NatResults {

    private static final String SOURCE = RegisterHealthSource.NAME;

    private final JdbcClient jdbc;

    RegisterNatResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, NatRecord> newestBetween(Collection<String> personKeys, Instant from, Instant to) {
        Map<String, NatRecord> newest = new HashMap<>();
        if (personKeys.isEmpty()) {
            return newest;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (person_key) person_key, sampled_at, result FROM health_nat_result
                         WHERE person_key = ANY(:keys) AND sampled_at BETWEEN :from AND :to
                         ORDER BY person_key, sampled_at DESC""")
                .param("keys", personKeys.toArray(String[]::new)).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, i) -> newest.put(rs.getString("person_key"), new NatRecord(rs.getTimestamp("sampled_at").toInstant(),
                        NatResult.valueOf(rs.getString("result")), SOURCE, false))).list();
        return newest;
    }
}
