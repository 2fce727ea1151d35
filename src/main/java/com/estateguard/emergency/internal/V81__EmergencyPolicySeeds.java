package com.estateguard.emergency.internal;

import com.estateguard.policy.StoredPolicyValues;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** Writes the "emergency" group's seed ({@link EmergencyParameters}) into every stored policy version. */
@Component
public class V81__EmergencyPolicySeeds extends BaseJavaMigration {

    private final StoredPolicyValues values;

    V81__EmergencyPolicySeeds(StoredPolicyValues values) {
        this.values = values;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        values.writeMissing(context.getConnection());
    }
}
