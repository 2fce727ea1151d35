package com.estateguard.common;

/** What a role may do; granted as Spring Security authorities. */
public enum Permission {
    CHECK_RECORD, CHECK_READ, FOLLOW_UP_CLOSE, ROSTER_WRITE,
    POLICY_READ, POLICY_WRITE,
    ORG_READ, ORG_WRITE, ENTRANCE_WRITE, USER_ADMIN, DEVICE_KEY_ADMIN,
    HEALTH_IMPORT,
    /** Estate ledgers (issue 4): hygiene, the daily report. */
    HYGIENE_READ, HYGIENE_RECORD, HYGIENE_PLAN, REPORT_READ, REPORT_SUBMIT, SUPPLY_READ, SUPPLY_WRITE,
    STAFF_READ, STAFF_WRITE, BUDGET_WRITE, NOTICE_READ, NOTICE_WRITE,
    /** Residents register (RES-01): read masked, write, and see full ID numbers. */
    RESIDENT_READ, RESIDENT_WRITE, RESIDENT_ID_VIEW,
    /** Visitors (ACC-11/12): a resident registers their own visitors; the gate desk registers and reports. */
    VISITOR_PREREGISTER, VISITOR_REGISTER,
    /** Returnees (RES-02): the gate desk registers and follows them; a resident reports their own return. */
    RETURNEE_REGISTER, RETURN_SELF_REPORT,
    /** Renovation sites (ACC-14): open sites, keep rosters, record the daily check. */
    SITE_MANAGE
}
