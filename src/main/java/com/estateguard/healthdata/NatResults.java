package com.estateguard.healthdata;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The NAT comparison register (核酸比对登记簿) read for many people at once, e.g. a screening round. */
public interface NatResults {

    /** For each of these people (keyed ID numbers) with a result sampled in [from, to]: the newest one. */
    Map<String, NatRecord> newestBetween(Collection<String> personKeys, Instant from, Instant to);
}
