package com.estateguard.residents;

import com.estateguard.org.EstateId;
import java.util.List;

/**
 * The register (住户名册) as other modules may read it: who lives where, found by their keyed ID
 * number (the key the checkpoint and the health registers use). No ID number leaves it unmasked.
 */
public interface ResidentDirectory {

    /** A person of the register and their home. */
    record RegisteredPerson(long id, String name, String building, String unit, String room, String personKey,
                            String idMasked) {
    }

    /** Everyone registered at the estate, ordered by building, unit, room and name. */
    List<RegisteredPerson> people(EstateId estate);
}
