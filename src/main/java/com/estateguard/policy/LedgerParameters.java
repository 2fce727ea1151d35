package com.estateguard.policy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Policy numbers of the estate ledgers and the daily report (HYG, SUP, STF, COM). Versions
 * written before a field existed read it as 0 and get the seed default.
 *
 * @param supplyCoverDays days of stock below which a shortfall is raised (one month in 001/004)
 */
public record LedgerParameters(@Min(1) @Max(365) int supplyCoverDays) {

    public LedgerParameters {
        supplyCoverDays = supplyCoverDays == 0 ? 30 : supplyCoverDays;
    }

    public static LedgerParameters defaults() {
        return new LedgerParameters(30);
    }
}
