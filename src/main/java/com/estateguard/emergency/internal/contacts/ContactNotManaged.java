package com.estateguard.emergency.internal.contacts;

import com.estateguard.common.IllegalTransition;

/** The person is not (or no longer) under management: released, lost, upgraded or dismissed. */
public class ContactNotManaged extends IllegalTransition {
    public ContactNotManaged(long contactId) {
        super("contacts.error.notManaged", contactId);
    }
}
