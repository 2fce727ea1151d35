package com.estateguard.emergency.internal.contacts;

/**
 * The tiers of seed 004 section 四: 密切接触者, 密接的密接, 一般接触者 (also 涉疫场所暴露人员) and
 * 重点人群. Who is which is the investigator's decision; what follows from it is the protocol's.
 */
public enum ContactTier {
    /** 密切接触者. */
    CLOSE,
    /** 密接的密接: a contact of a close contact. */
    SECONDARY,
    /** 一般接触者 / 涉疫场所暴露人员. */
    GENERAL,
    /** 重点人群: everyone else in the estate who stays in and leaves only with an approval. */
    KEY_GROUP
}
