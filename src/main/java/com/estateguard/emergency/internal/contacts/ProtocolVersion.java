package com.estateguard.emergency.internal.contacts;

import java.time.Instant;

/** A stored version of the contact-tracing protocol: what a tier decision cites. */
public record ProtocolVersion(long id, String name, ProtocolEdition edition, ContactProtocol protocol, Long basedOnId,
                              Instant createdAt, String createdBy) {

    /** How a decision cites it, e.g. "#2 新型冠状病毒肺炎防控方案（第九版）". */
    public String citation() {
        return "#" + id + " " + name;
    }
}
