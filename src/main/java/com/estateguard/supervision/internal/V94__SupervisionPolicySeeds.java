package com.estateguard.supervision.internal;

import com.estateguard.policy.StoredPolicyValues;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/** Writes the new "supervision" policy group's seed into every stored policy version (see {@link StoredPolicyValues}). */
@Component
public class V94__SupervisionPolicySeeds extends BaseJavaMigration {

    private final StoredPolicyValues stored;

    V94__SupervisionPolicySeeds(StoredPolicyValues stored) {
        this.stored = stored;
    }

    @Override
    public void migrate(Context context) throws Exception {
        stored.writeMissing(context.getConnection());
    }
}
