package com.estateguard.emergency.internal.contacts;

import java.time.Instant;
import java.util.List;

/**
 * A person the records suggest as a contact, with every rule that found them and the record behind
 * each ({@code record} names the table row, {@code detail} says what it shows).
 */
public record Candidate(String identity, String name, String personKey, Long residentId, Long staffUserId, String idMasked,
                        String phone, List<Reason> reasons) {

    public record Reason(CandidateRule rule, String record, String detail, Instant at) {
    }

    public Candidate {
        reasons = List.copyOf(reasons);
    }

    public Subject asSubject() {
        return new Subject(name, personKey, residentId, staffUserId);
    }

    /** The reasons in one line, as a decision keeps them. */
    public String reasonsText() {
        return String.join("；", reasons.stream().map(r -> r.rule() + " " + r.record() + " " + r.detail()).toList());
    }
}
