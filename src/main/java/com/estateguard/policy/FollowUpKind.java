package com.estateguard.policy;

import java.util.List;

/**
 * What a refusal triggers (ACC-05, EMG-03): a report to the community, a move to the observation point.
 * {@code DEVICE_DISAGREEMENT} is no policy's choice: the checkpoint opens it for the shift leader when
 * a check decided on an offline gate is decided otherwise by the server (issue 11).
 */
public enum FollowUpKind {
    REPORT_COMMUNITY, OBSERVATION_POINT, DEVICE_DISAGREEMENT;

    /** The kinds a policy may name for a refusal. */
    public static List<FollowUpKind> forRefusals() {
        return List.of(REPORT_COMMUNITY, OBSERVATION_POINT);
    }
}
