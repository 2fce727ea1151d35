package com.estateguard.evidence.internal;

import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's own sealer and verifier, built on another database than the suite's: a migration test seals rows
 * at the old version and verifies the chains at the new one with the same code the platform runs.
 */
public final class EvidenceChainOf {

    private final TransactionTemplate transactions;
    private final Sealer sealer;
    private final ChainVerifier verifier;

    /** {@code summaryKey}: the key the platform signs purge summaries with (a purge record signed otherwise excuses nothing). */
    public EvidenceChainOf(DataSource database, JsonMapper json, String summaryKey, Clock clock, ZoneId zone) {
        JdbcTransactionManager manager = new JdbcTransactionManager(database);
        JdbcClient jdbc = JdbcClient.create(database);
        this.transactions = new TransactionTemplate(manager);
        this.sealer = new Sealer(jdbc, manager, zone, 10_000);
        this.verifier = new ChainVerifier(jdbc, sealer, new PurgeLog(jdbc, json, summaryKey), clock, zone);
    }

    /** Seals every pending row; returns how many. */
    public int seal() {
        return transactions.execute(status -> sealer.seal(Sealer.Scope.ALL));
    }

    /** Seals what is pending, then walks every chain. */
    public ChainReport verify() {
        return transactions.execute(status -> verifier.verify(ChainVerifier.Scope.EVERYTHING));
    }
}
