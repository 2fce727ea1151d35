package com.estateguard.policy.internal;

import java.util.List;

/**
 * A stored policy version lacks values. Every version holds every number records are judged by;
 * filling a gap with a default would judge records by a number no one wrote, so the version is
 * refused at load, naming it and each missing field. A policy group added later brings a migration
 * that writes its values into the stored versions (as V72 did for the values older versions lacked).
 */
public class IncompletePolicyVersion extends IllegalStateException {

    private final long version;
    private final List<String> fields;

    public IncompletePolicyVersion(long version, List<String> fields) {
        super("Policy version " + version + " lacks the value of " + String.join(", ", fields)
                + ": a stored version must hold every value; write the missing ones with a migration");
        this.version = version;
        this.fields = List.copyOf(fields);
    }

    public long version() {
        return version;
    }

    public List<String> fields() {
        return fields;
    }
}
