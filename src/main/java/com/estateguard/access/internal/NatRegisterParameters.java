package com.estateguard.access.internal;

import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import org.springframework.stereotype.Component;

/**
 * Who must be in the NAT comparison register (核酸比对登记簿) to come in: the checkpoint's policy
 * group, stored under "natRegister". Seed 000 (Beijing 2022) asks it of renovation and repair
 * workers ("散装散建"从业人员, "一登三查"); the other documents do not name the register.
 *
 * @param renovationWorkers renovation and repair workers
 * @param couriers          couriers and delivery riders
 * @param estateStaff       the estate's own staff
 */
public record NatRegisterParameters(boolean renovationWorkers, boolean couriers, boolean estateStaff) {

    public boolean requires(EntrantCategory category) {
        return switch (category) {
            case RENOVATION_WORKER -> renovationWorkers;
            case COURIER -> couriers;
            case ESTATE_STAFF -> estateStaff;
            default -> false;
        };
    }

    /** Declares the group to the policy module, with each preset's seed. */
    @Component
    static class Group implements PolicyGroup<NatRegisterParameters> {

        @Override
        public String key() {
            return "natRegister";
        }

        @Override
        public Class<NatRegisterParameters> type() {
            return NatRegisterParameters.class;
        }

        @Override
        public NatRegisterParameters seed(PolicyPreset preset) {
            return new NatRegisterParameters(preset == PolicyPreset.BEIJING_2022, false, false);
        }
    }
}
