package com.estateguard.policy.internal;

import com.estateguard.policy.PolicyPreset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policy values stored whole (issue 8, finding 9). Until this migration a stored version could lack
 * values (a group or a field added after it was written, a field cleared in the editor), and the
 * code filled each gap as it read it. This writes those values into every stored version, so the
 * version itself holds the numbers its records were judged by, and reading no longer fills anything.
 *
 * <p>Each missing value is taken from the preset the version names in {@code preset_code}, or from
 * {@link PolicyPreset#DEFAULT} (Beijing 2022) when it names none or one since removed: exactly the
 * source the old reader used for a missing group. The values the old records filled with literals
 * were those same seeds, in every preset: hygiene 2 times a day, chlorine 250-500 mg/L, bins 500
 * mg/L, ventilation 15 and 30 min, lift wiped to 1.8 m; supplies 30 days of cover over 7 days of
 * use; staff NAT every 7 days; passes after 14 days, valid 30; the daily report by 18:00. A curfew
 * end that was absent read as no curfew and is written as null, so it still means no curfew. Each
 * version changed is logged with the values written.
 *
 * <p>A Java migration because the seeds are code (each module's {@code PolicyGroup}); it runs with
 * whatever groups the application has when it is applied.
 */
@Component
public class V72__PolicyValuesWhole extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V72__PolicyValuesWhole.class);

    private final PolicyGroups groups;
    private final JsonMapper json;

    V72__PolicyValuesWhole(PolicyGroups groups, JsonMapper json) {
        this.groups = groups;
        this.json = json;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        fillAll(context.getConnection());
    }

    /** Writes every stored version's missing values; returns how many versions changed. Running it again changes none. */
    public int fillAll(Connection connection) throws SQLException {
        int changed = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, params::text, preset_code FROM policy_version ORDER BY id");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE policy_version SET params = cast(? AS jsonb) WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                ObjectNode params = (ObjectNode) json.readTree(rows.getString(2));
                PolicyPreset preset = PolicyPreset.ofCode(rows.getString(3));
                List<String> filled = groups.fill(params, groups.complete(preset.parameters(), preset.name()));
                if (!filled.isEmpty()) {
                    log.info("Policy version {}: wrote the {} values of {} it lacked", id, preset, filled);
                    update.setString(1, json.writeValueAsString(params));
                    update.setLong(2, id);
                    update.executeUpdate();
                    changed++;
                }
            }
        }
        return changed;
    }
}
