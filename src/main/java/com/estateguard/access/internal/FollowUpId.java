package com.estateguard.access.internal;

/** Identifies a follow-up (处置事项). */
public record FollowUpId(long value) {
}
