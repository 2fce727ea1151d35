package com.estateguard.policy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * Policy numbers of the estate ledgers and the daily report (HYG, SUP, STF, COM). Versions
 * written before a field existed read it as 0 (or null) and get the seed default.
 *
 * @param supplyCoverDays          days of stock below which a shortfall is raised (one month in 001/004)
 * @param disinfectionTimesPerDay  public areas, touch points, lifts, bins: at least this often a day (2 in 001/002)
 * @param chlorineMinMgL           lowest available-chlorine concentration for public areas (250 mg/L in 001)
 * @param chlorineMaxMgL           highest available-chlorine concentration for public areas (500 mg/L in 001)
 * @param wasteBinChlorineMgL      concentration required around waste bins (500 mg/L in 001)
 * @param ventilationMinutes       ventilation after disinfecting a public area (15-20 min in 001: the lower bound)
 * @param indoorVentilationMinutes ventilation of indoor common rooms (30 min in 001)
 * @param liftWipeHeightM          lift cars wiped at least this high (1.8 m in 001)
 * @param dailyReportDeadline      local time by which the day's report must be submitted (日报制, 002)
 * @param consumptionWindowDays    days of consumption averaged for the days of cover (recent daily use)
 * @param staffNatIntervalDays     a staff member's NAT is overdue after this many days (STF-04, "提高核酸检测频率" in 003)
 */
public record LedgerParameters(@Min(1) @Max(365) int supplyCoverDays,
                               @Min(1) @Max(24) int disinfectionTimesPerDay,
                               @Min(1) @Max(10000) int chlorineMinMgL,
                               @Min(1) @Max(10000) int chlorineMaxMgL,
                               @Min(1) @Max(10000) int wasteBinChlorineMgL,
                               @Min(1) @Max(240) int ventilationMinutes,
                               @Min(1) @Max(240) int indoorVentilationMinutes,
                               @DecimalMin("0.5") @DecimalMax("5.0") BigDecimal liftWipeHeightM,
                               LocalTime dailyReportDeadline,
                               @Min(1) @Max(90) int consumptionWindowDays,
                               @Min(1) @Max(60) int staffNatIntervalDays) {

    public LedgerParameters {
        supplyCoverDays = supplyCoverDays == 0 ? 30 : supplyCoverDays;
        disinfectionTimesPerDay = disinfectionTimesPerDay == 0 ? 2 : disinfectionTimesPerDay;
        chlorineMinMgL = chlorineMinMgL == 0 ? 250 : chlorineMinMgL;
        chlorineMaxMgL = chlorineMaxMgL == 0 ? 500 : chlorineMaxMgL;
        wasteBinChlorineMgL = wasteBinChlorineMgL == 0 ? 500 : wasteBinChlorineMgL;
        ventilationMinutes = ventilationMinutes == 0 ? 15 : ventilationMinutes;
        indoorVentilationMinutes = indoorVentilationMinutes == 0 ? 30 : indoorVentilationMinutes;
        liftWipeHeightM = liftWipeHeightM == null ? new BigDecimal("1.8") : liftWipeHeightM;
        dailyReportDeadline = dailyReportDeadline == null ? LocalTime.of(18, 0) : dailyReportDeadline;
        consumptionWindowDays = consumptionWindowDays == 0 ? 7 : consumptionWindowDays;
        staffNatIntervalDays = staffNatIntervalDays == 0 ? 7 : staffNatIntervalDays;
    }

    /** Only the supply cover given; the other numbers take their seed defaults. */
    public LedgerParameters(int supplyCoverDays) {
        this(supplyCoverDays, 0, 0, 0, 0, 0, 0, null, null, 0, 0);
    }

    public static LedgerParameters defaults() {
        return new LedgerParameters(30, 2, 250, 500, 500, 15, 30, new BigDecimal("1.8"), LocalTime.of(18, 0), 7, 7);
    }
}
