package com.estateguard.policy;

/** What a refusal triggers (ACC-05, EMG-03): a report to the community, a move to the observation point. */
public enum FollowUpKind { REPORT_COMMUNITY, OBSERVATION_POINT }
