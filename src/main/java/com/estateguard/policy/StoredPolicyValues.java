package com.estateguard.policy;

import com.estateguard.policy.internal.V72__PolicyValuesWhole;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.stereotype.Component;

/**
 * For a module that adds a policy group after versions were stored: its Flyway Java migration
 * (a {@code @Component} extending {@code BaseJavaMigration}, named {@code V<n>__<Module>PolicySeeds}
 * in its {@code internal} package) calls {@link #writeMissing} so every stored version holds the
 * new group's seed, exactly as V72 did for the groups of its day. Reading never fills a gap.
 */
@Component
public class StoredPolicyValues {

    private final V72__PolicyValuesWhole filler;

    StoredPolicyValues(V72__PolicyValuesWhole filler) {
        this.filler = filler;
    }

    /** Writes each stored version's missing values from its preset's seeds; returns how many versions changed. */
    public int writeMissing(Connection connection) throws SQLException {
        return filler.fillAll(connection);
    }
}
