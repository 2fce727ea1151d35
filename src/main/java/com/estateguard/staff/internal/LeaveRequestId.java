package com.estateguard.staff.internal;

/** Identifies a request to leave town (离城申请). */
public record LeaveRequestId(long value) {
}
