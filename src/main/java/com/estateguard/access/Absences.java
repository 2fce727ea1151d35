package com.estateguard.access;

import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Who is away from the estate by the gate records, for other modules (NAT screening leaves them out). */
public interface Absences {

    /**
     * Of these people (keyed ID numbers), those whose last passage through the estate's gates before
     * {@code at} was on the way out, with no way back in after it: they are away. A refused exit is no
     * passage. One index probe per person (access_check by person and time), whatever the history's size.
     */
    Set<String> away(EstateId estate, Collection<String> personKeys, Instant at);
}
