package com.estateguard.supervision.internal.letter;

/**
 * Why an office must sign (seed 003: "中山市本土企业由总公司、各分公司负责人签阅、外市企业由中山分公司负责人签阅").
 */
public enum SignerBasis {
    /** The head office of a company based in the letter's city. */
    LOCAL_HEAD_OFFICE,
    /** A branch, in the city, of a company based there. */
    LOCAL_COMPANY_BRANCH,
    /** The branch in the city of a company based in another city. */
    OUT_OF_TOWN_LOCAL_BRANCH,
    /** A company based elsewhere with no branch recorded in the city: the office that manages its estates signs. */
    MANAGING_OFFICE
}
