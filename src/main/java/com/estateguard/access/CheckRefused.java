package com.estateguard.access;

import com.estateguard.org.EntranceId;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyVersionId;
import com.estateguard.policy.ReasonCode;
import java.time.Instant;
import java.util.List;

/**
 * A person was refused at an entrance (the record is committed). The checkpoint itself opens the
 * follow-ups the policy names from it; other modules (the cockpit, emergency response) may react
 * too. Only refusals are published: the registry writes a row per event, and a row for every
 * allowed entry would double the gate's writes.
 */
public record CheckRefused(CheckId checkId, EstateId estateId, EntranceId entranceId, PolicyVersionId policyVersionId,
                           List<ReasonCode> reasons,
                           Instant occurredAt, String recordedBy) {
}
