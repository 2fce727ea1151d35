package com.estateguard.evidence.internal;

import com.estateguard.dailyreport.ChainWitness;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the daily report's witness: the estate's chains of the day, sealed first, by their last link. */
@Component
class ChainHeads implements ChainWitness {

    private final JdbcClient jdbc;
    private final Sealer sealer;

    ChainHeads(JdbcClient jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    @Override
    @Transactional
    public List<ChainHead> sealAndHeads(long estateId, LocalDate day) {
        sealer.seal(Sealer.Scope.of(estateId, day));
        return jdbc.sql("""
                        SELECT DISTINCT ON (kind) kind, seq, link_hash FROM evidence_seal
                         WHERE estate_id = :estate AND day = :day ORDER BY kind, seq DESC""")
                .param("estate", estateId).param("day", day)
                .query((rs, i) -> new ChainHead(rs.getString("kind"), rs.getInt("seq"), Chain.hex(rs.getBytes("link_hash"))))
                .list();
    }
}
