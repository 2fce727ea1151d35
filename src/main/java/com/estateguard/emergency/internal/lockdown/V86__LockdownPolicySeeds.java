package com.estateguard.emergency.internal.lockdown;

import com.estateguard.policy.StoredPolicyValues;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Writes the seeds of the two groups the lockdown brought into every stored policy version: this
 * module's "recovery" (EMG-13) and the checkpoint's "leaving" (ACC-15, whether leaving is checked;
 * true only in the Quanzhou 2021 emergency preset), so each stored version holds the numbers its
 * checks are decided by. Like every such migration it writes whatever group a version lacks.
 */
@Component
public class V86__LockdownPolicySeeds extends BaseJavaMigration {

    private final StoredPolicyValues values;

    V86__LockdownPolicySeeds(StoredPolicyValues values) {
        this.values = values;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        values.writeMissing(context.getConnection());
    }
}
