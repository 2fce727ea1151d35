package com.estateguard.emergency.internal.contacts;

import com.estateguard.common.IllegalTransition;

/** This person was already confirmed or dismissed from the same source in this incident. */
public class ContactAlreadyDecided extends IllegalTransition {
    public ContactAlreadyDecided(String name) {
        super("contacts.error.alreadyDecided", name);
    }
}
