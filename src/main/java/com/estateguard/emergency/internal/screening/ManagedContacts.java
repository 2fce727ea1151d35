package com.estateguard.emergency.internal.screening;

import com.estateguard.emergency.IncidentId;
import java.util.Set;

/**
 * The seam to the contacts under management in an incident (密接, 一般接触者…): screening leaves them
 * out of the due list, since they are tested under their own management (seed 004 四(五)2).
 * The contacts part of this module implements it; until then {@link NoManagedContacts} answers.
 */
public interface ManagedContacts {

    /** The people (keyed ID numbers) under management in the incident at this moment. */
    Set<String> personKeys(IncidentId incident);
}
