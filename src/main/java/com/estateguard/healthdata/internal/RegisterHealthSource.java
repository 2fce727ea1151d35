package com.estateguard.healthdata.internal;

import com.estateguard.common.IdNumber;
import com.estateguard.healthdata.CodeStatus;
import com.estateguard.healthdata.CodeWithNat;
import com.estateguard.healthdata.HealthCodeResult;
import com.estateguard.healthdata.HealthSource;
import com.estateguard.healthdata.NatRecord;
import com.estateguard.healthdata.NatResult;
import com.estateguard.healthdata.PersonKeys;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's own registers: NAT results imported from the 核酸比对登记簿 and health-code
 * status lists. A scanned payload is {@code HC:<ID number>} or the bare ID number.
 */
@Component
@Order(1)
class RegisterHealthSource implements HealthSource {

    static final String NAME = "REGISTER";
    private final JdbcClient jdbc;
    private final PersonKeys keys;

    RegisterHealthSource(JdbcClient jdbc, PersonKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean demo() {
        return false;
    }

    @Override
    public Optional<HealthCodeResult> healthCode(String payload) {
        String id = payload.startsWith("HC:") ? payload.substring(3) : payload;
        if (!IdNumber.valid(id)) {
            return Optional.empty();
        }
        String key = keys.keyOf(id);
        return jdbc.sql("""
                        SELECT person_name, id_masked, status, as_of FROM health_code_status
                         WHERE person_key = :k ORDER BY as_of DESC LIMIT 1""")
                .param("k", key)
                .query((rs, i) -> new HealthCodeResult(key, rs.getString("person_name"), rs.getString("id_masked"),
                        CodeStatus.valueOf(rs.getString("status")), rs.getTimestamp("as_of").toInstant(), NAME, false))
                .optional();
    }

    /** The code status and the newest NAT in one statement (the gate's path for every scanned code). */
    @Override
    public Optional<CodeWithNat> healthCodeWithNat(String payload) {
        String id = payload.startsWith("HC:") ? payload.substring(3) : payload;
        if (!IdNumber.valid(id)) {
            return Optional.empty();
        }
        String key = keys.keyOf(id);
        return jdbc.sql("""
                        SELECT c.person_name, c.id_masked, c.status, c.as_of, n.sampled_at, n.result
                          FROM (SELECT person_name, id_masked, status, as_of FROM health_code_status
                                 WHERE person_key = ? ORDER BY as_of DESC LIMIT 1) c
                          LEFT JOIN LATERAL (SELECT sampled_at, result FROM health_nat_result
                                              WHERE person_key = ? ORDER BY sampled_at DESC LIMIT 1) n ON true""")
                .param(key).param(key)
                .query((rs, i) -> {
                    var code = new HealthCodeResult(key, rs.getString(1), rs.getString(2), CodeStatus.valueOf(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(), NAME, false);
                    var sampled = rs.getTimestamp(5);
                    return new CodeWithNat(code, sampled == null ? null
                            : new NatRecord(sampled.toInstant(), NatResult.valueOf(rs.getString(6)), NAME, false));
                })
                .optional();
    }

    @Override
    public Optional<NatRecord> latestNat(String personKey) {
        return jdbc.sql("SELECT sampled_at, result FROM health_nat_result WHERE person_key = :k ORDER BY sampled_at DESC LIMIT 1")
                .param("k", personKey)
                .query((rs, i) -> new NatRecord(rs.getTimestamp("sampled_at").toInstant(),
                        NatResult.valueOf(rs.getString("result")), NAME, false))
                .optional();
    }
}
