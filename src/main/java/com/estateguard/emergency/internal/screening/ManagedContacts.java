package com.estateguard.emergency.internal.screening;

import com.estateguard.emergency.IncidentId;
import java.util.Set;

/**
 * The seam to the contacts under management in an incident: screening leaves them out of the due
 * list, since they are tested under their own management (seed 004 四(五)2: 对小区内除密切接触者、
 * 一般接触者以外的人员实施核酸筛查). The contacts part of this module implements it (close contacts,
 * contacts of contacts and general contacts under management; key-group members are still
 * screened); the contacts part answers (ContactsUnderManagement).
 */
public interface ManagedContacts {

    /** Who is under management: residents by keyed ID number, staff by account. */
    record Managed(Set<String> personKeys, Set<Long> staffUserIds) {

        public static final Managed NONE = new Managed(Set.of(), Set.of());
    }

    /** The people under management in the incident at this moment. */
    Managed in(IncidentId incident);
}
