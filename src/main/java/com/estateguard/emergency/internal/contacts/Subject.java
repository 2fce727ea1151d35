package com.estateguard.emergency.internal.contacts;

/**
 * Whom contacts are looked for around: the case or a confirmed close contact. Each of the keys may
 * be missing; the search uses what there is (the keyed ID number finds gate passages and the
 * register entry, a register entry the household, a staff account the shifts).
 */
public record Subject(String name, String personKey, Long residentId, Long staffUserId) {

    /** One identity per person across the rules: the keyed ID number first, then the register, the account, the name. */
    public String identity() {
        return identity(personKey, residentId, staffUserId, name);
    }

    public static String identity(String personKey, Long residentId, Long staffUserId, String name) {
        if (personKey != null) {
            return "key:" + personKey;
        }
        if (residentId != null) {
            return "resident:" + residentId;
        }
        if (staffUserId != null) {
            return "staff:" + staffUserId;
        }
        return "name:" + name;
    }
}
