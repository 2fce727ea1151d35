package com.estateguard.supervision;

/** How a template item is scored (SPV-01). The item's points come from the template, never from code. */
public enum ScoringMode {
    /** Full points or none: "建立落实得3分，未建立落实不得分". The value entered is 0 or the item's maximum. */
    ALL_OR_NOTHING,
    /** A score within the item's range: "视工作实际情况给予1-3分". The value entered is the score, from min to max points. */
    GRADED,
    /** Full points less a deduction: "配合得10分，配合不到位酌情扣1-10分". The value entered is the deduction, from 0 to max − min points. */
    DEDUCTION,
    /** Yes, no or not applicable, without points (the Zhongshan 检查登记表, the letter's questions). "No" fails the item. */
    YES_NO_NA,
    /** A finding written down, without points or answer ("检查发现的其他情况"); never fails. */
    TEXT
}
