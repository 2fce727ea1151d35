package com.estateguard.emergency.internal.lockdown;

import java.util.Objects;

/**
 * A person as the gate can match them: {@code personKey} is the keyed hash of their ID number
 * ({@code healthdata.PersonKeys}), the key a check record carries when the gate identified someone
 * (an ID number read, a scanned health code, a resident pass). Name, mask and phone are for people.
 */
public record RestrictedPerson(String personKey, String name, String idMasked, String phone) {

    public RestrictedPerson {
        Objects.requireNonNull(personKey, "personKey");
        Objects.requireNonNull(name, "name");
    }
}
