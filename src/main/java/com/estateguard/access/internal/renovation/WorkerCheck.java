package com.estateguard.access.internal.renovation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A renovation worker's daily "一登三查" (ACC-14) decided by small named checks: the health code is
 * green, the temperature is under the limit, the NAT comparison register holds a negative result
 * within the NAT window, and the site has room under the policy's cap (4 workers in 001).
 */
public final class WorkerCheck {

    /** What was found at the door of the site. */
    public record Facts(BigDecimal temperature, boolean codeGreen, Instant natSampledAt, boolean natNegative, Instant now,
                 int onSite) {
    }

    /** The policy numbers used. */
    public record Limits(BigDecimal temperatureLimit, int natWindowHours, int workersPerSite) {
    }

    private WorkerCheck() {
    }

    /** Every reason the worker may not go in; empty means admitted. */
    public static List<String> refusals(Facts f, Limits l) {
        List<String> reasons = new ArrayList<>();
        if (!f.codeGreen()) {
            reasons.add("健康码非绿码");
        }
        if (f.temperature().compareTo(l.temperatureLimit()) >= 0) {
            reasons.add("体温 " + f.temperature() + " °C 不低于 " + l.temperatureLimit() + " °C");
        }
        if (f.natSampledAt() == null || !f.natNegative()
                || f.natSampledAt().isBefore(f.now().minus(Duration.ofHours(l.natWindowHours())))) {
            reasons.add("核酸比对登记簿中无 " + l.natWindowHours() + " 小时内阴性结果");
        }
        if (!roomOnSite(f.onSite(), l.workersPerSite())) {
            reasons.add("工地已有 " + f.onSite() + " 人，超过每个工地 " + l.workersPerSite() + " 人的上限");
        }
        return reasons;
    }

    /** At most {@code cap} workers on one site at once. */
    public static boolean roomOnSite(int onSite, int cap) {
        return onSite < cap;
    }
}
