package com.estateguard.access.internal;

import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import org.springframework.stereotype.Component;

/**
 * Whether people leaving are checked too: the checkpoint's policy group, stored under "leaving".
 * In normal times the gate records who leaves and checks nothing; seed 004's emergency plan
 * (第一时间封闭物业小区) asks temperature and health code of everyone "进出", in and out.
 *
 * @param checkLeaving leaving, temperature and a scanned green health code are required and checked
 */
public record LeavingParameters(boolean checkLeaving) {

    /** Declares the group to the policy module, with each preset's seed. */
    @Component
    static class Group implements PolicyGroup<LeavingParameters> {

        @Override
        public String key() {
            return "leaving";
        }

        @Override
        public Class<LeavingParameters> type() {
            return LeavingParameters.class;
        }

        @Override
        public LeavingParameters seed(PolicyPreset preset) {
            return new LeavingParameters(preset == PolicyPreset.QUANZHOU_2021_EMERGENCY);
        }
    }
}
