package com.estateguard.access;

import com.estateguard.policy.ReasonCode;
import java.time.Instant;
import java.util.List;

/**
 * A person was refused at an entrance (the record is committed). The checkpoint itself opens the
 * follow-ups the policy names from it; other modules (the cockpit, emergency response) may react
 * too. Only refusals are published: the registry writes a row per event, and a row for every
 * allowed entry would double the gate's writes.
 */
public record CheckRefused(long checkId, long estateId, long entranceId, long policyVersionId, List<ReasonCode> reasons,
                           Instant occurredAt, String recordedBy) {
}
