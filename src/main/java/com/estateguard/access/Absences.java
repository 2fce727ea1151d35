package com.estateguard.access;

import com.estateguard.org.EstateId;
import java.time.Instant;
import java.util.Set;

/** Who is away from the estate by the gate records, for other modules (NAT screening leaves them out). */
public interface Absences {

    /**
     * The people (by keyed ID number) whose last passage through the estate's gates before {@code at}
     * was on the way out, with no way back in after it: they are away. A refused exit is no passage.
     */
    Set<String> away(EstateId estate, Instant at);
}
