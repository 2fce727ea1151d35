package com.estateguard.emergency;

/** What the case is when the incident is opened (seed 004 三(一)): 有症状 / 疑似 / 确诊 / 无症状感染者. */
public enum IncidentKind {
    SYMPTOMATIC, SUSPECTED, CONFIRMED, ASYMPTOMATIC
}
