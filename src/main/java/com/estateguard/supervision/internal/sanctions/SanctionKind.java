package com.estateguard.supervision.internal.sanctions;

import java.time.LocalDate;
import java.time.Month;

/**
 * What an authority may impose on a company (SPV-09): seed 002's 信用惩戒 and 取消二年内评优、承接新业务资格
 * (for the policy's {@code sanctionYears}), seed 004's 通报批评, 约谈负责人 and 黑名单, and seed 001's
 * 降档降级 with 取消年度评先评优资格 after a failed re-check.
 */
public enum SanctionKind {
    CREDIT_PENALTY, NO_AWARDS, NO_NEW_BUSINESS, CIRCULATED_CRITICISM, INTERVIEW, BLACKLIST, DOWNGRADE, NO_AWARDS_THIS_YEAR;

    /** The expiry when the authority names none: the policy's years, the year's end, or none (until further notice). */
    public LocalDate defaultExpiry(LocalDate imposedOn, int sanctionYears) {
        return switch (this) {
            case CREDIT_PENALTY, NO_AWARDS, NO_NEW_BUSINESS -> imposedOn.plusYears(sanctionYears).minusDays(1);
            case NO_AWARDS_THIS_YEAR -> LocalDate.of(imposedOn.getYear(), Month.DECEMBER, 31);
            case CIRCULATED_CRITICISM, INTERVIEW, BLACKLIST, DOWNGRADE -> null;
        };
    }
}
