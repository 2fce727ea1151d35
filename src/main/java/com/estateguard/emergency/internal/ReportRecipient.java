package com.estateguard.emergency.internal;

/** Whom an incident is reported to (立即报告属地街道社区及住建、卫健、疾控等部门). */
public enum ReportRecipient {
    COMMUNITY, HOUSING, HEALTH, CDC
}
