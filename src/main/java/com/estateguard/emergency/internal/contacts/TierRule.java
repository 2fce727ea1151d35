package com.estateguard.emergency.internal.contacts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * How one tier is managed: {@code isolationDays} of isolation (central or at home, as
 * {@code centralIsolation} says), then {@code monitoringDays} of home health monitoring, and a NAT
 * on each of {@code natDays}, counted over the whole period with day 1 the first day of management.
 */
public record TierRule(@Min(0) @Max(60) int isolationDays, boolean centralIsolation, @Min(0) @Max(60) int monitoringDays,
                       @NotNull List<@Min(1) @Max(120) Integer> natDays) {

    public TierRule {
        natDays = List.copyOf(natDays);
    }

    /** The whole period in days: isolation then monitoring. */
    public int periodDays() {
        return isolationDays + monitoringDays;
    }
}
