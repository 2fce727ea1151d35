package com.estateguard.supplies.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How long the stock lasts at the recent daily consumption (可用天数), and the shortfall (缺口)
 * against the policy's cover: stock below cover days × daily use is short by the difference.
 *
 * @param dailyUse average daily consumption over the window, zero when nothing was used
 * @param days     days of cover, null when nothing is being used (the stock lasts)
 */
public record DaysOfCover(BigDecimal stock, BigDecimal dailyUse, BigDecimal days, BigDecimal shortfall) {

    public static DaysOfCover of(BigDecimal stock, BigDecimal usedInWindow, int windowDays, int requiredDays) {
        BigDecimal daily = usedInWindow.divide(BigDecimal.valueOf(windowDays), 2, RoundingMode.HALF_UP);
        if (daily.signum() == 0) {
            return new DaysOfCover(stock, daily, null, BigDecimal.ZERO);
        }
        BigDecimal days = stock.max(BigDecimal.ZERO).divide(daily, 1, RoundingMode.DOWN);
        BigDecimal needed = daily.multiply(BigDecimal.valueOf(requiredDays));
        BigDecimal shortfall = needed.subtract(stock).max(BigDecimal.ZERO).setScale(0, RoundingMode.UP);
        return new DaysOfCover(stock, daily, days, shortfall);
    }

    public boolean belowCover() {
        return shortfall.signum() > 0;
    }
}
