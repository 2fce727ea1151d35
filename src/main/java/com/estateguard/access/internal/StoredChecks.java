package com.estateguard.access.internal;

import com.estateguard.org.EstateScope;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds the check a retry refers to. Client ids are unique per estate (V143): the same id may be stored in two
 * estates, so a retry is answered with the one its sender can see, never with another estate's. Asked only for a
 * retry (the insert stored nothing) or when a check fails validation, never before a new check is stored.
 */
@Repository
class StoredChecks {

    private final JdbcClient jdbc;
    private final CheckRepository checks;

    StoredChecks(JdbcClient jdbc, CheckRepository checks) {
        this.jdbc = jdbc;
        this.checks = checks;
    }

    /** The first check stored under this client id in an estate of the scope. */
    Optional<CheckRow> visible(UUID clientId, String scope) {
        return jdbc.sql("SELECT id FROM access_check WHERE client_id = :client AND " + EstateScope.where("estate_id")
                        + " ORDER BY id LIMIT 1")
                .param("client", clientId).param("scope", EstateScope.bind(scope)).query(Long.class).optional()
                .flatMap(id -> checks.byId(id, scope));
    }
}
