package com.estateguard.residents.internal;

import java.time.Instant;

/** One person of the register as pages and exports show them: the ID number only masked. */
public record ResidentRow(long id, long estateId, String estateName, long householdId, String building, String unit,
                          String room, String name, PersonKind kind, String phone, String personKey, String idMasked,
                          boolean noSmartphone, boolean accessControl, Instant createdAt) {

    public String address() {
        return building + (unit.isBlank() ? "" : "-" + unit) + "-" + room;
    }
}
