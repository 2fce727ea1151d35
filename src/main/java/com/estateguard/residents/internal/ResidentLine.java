package com.estateguard.residents.internal;

import com.estateguard.common.IdNumber;

/** A person ready to enter the register, already checked (ID checksum, phone, kind). */
public record ResidentLine(String building, String unit, String room, String name, PersonKind kind, String phone,
                    String idNumber, boolean noSmartphone, boolean accessControl) {

    public static final String MOBILE_OR_LANDLINE = com.estateguard.common.PhoneNumber.MOBILE_OR_LANDLINE;

    public ResidentLine {
        building = building.trim();
        unit = unit == null ? "" : unit.trim();
        room = room.trim();
        name = name.trim();
        phone = phone == null ? "" : phone.trim();
        idNumber = IdNumber.normalise(idNumber);
    }

    /** The home's address as a key (a list, so that no building or room name can pass for another's). */
    java.util.List<String> householdKey() {
        return java.util.List.of(building, unit, room);
    }
}
