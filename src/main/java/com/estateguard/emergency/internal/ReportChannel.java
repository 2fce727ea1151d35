package com.estateguard.emergency.internal;

/** How a report was made. */
public enum ReportChannel {
    PHONE, IN_PERSON, WECHAT, DOCUMENT, SYSTEM
}
