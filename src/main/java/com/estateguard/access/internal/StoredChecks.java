package com.estateguard.access.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * Finds the check a retry refers to. Client ids are unique per estate (V143): the same id may be stored in two
 * estates, so a retry is answered with the one its sender can see, never with another estate's. Asked only for a
 * retry (the insert stored nothing) or when a check fails validation, never before a new check is stored.
 */
@Repository
class StoredChecks {

    private final CheckRepository checks;

    StoredChecks(CheckRepository checks) {
        this.checks = checks;
    }

    /** The first check stored under this client id in an estate of the scope (through the client-id table's key). */
    Optional<CheckRow> visible(UUID clientId, String scope) {
        return checks.byClientId(clientId, scope);
    }
}
