package com.estateguard.emergency.internal.screening;

import java.time.Instant;

/** A screening round (第 N 轮核酸筛查) of an incident: its sampling period. */
public record Round(long id, long incidentId, long estateId, int number, Instant startsAt, Instant endsAt, String createdBy) {
}
