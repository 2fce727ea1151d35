package com.estateguard.emergency.internal.screening;

import com.estateguard.emergency.IncidentId;
import org.springframework.stereotype.Component;

/**
 * Stands in for the contacts list until it implements {@link ManagedContacts}: no one is under
 * management, so screening's due list is the register minus those away plus staff. Remove this
 * class when the contacts part provides its bean.
 */
@Component
class NoManagedContacts implements ManagedContacts {

    @Override
    public Managed in(IncidentId incident) {
        return Managed.NONE;
    }
}
