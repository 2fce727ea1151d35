package com.estateguard.access.internal;

import com.estateguard.access.internal.Evidence.TravelCode;
import com.estateguard.policy.PolicyGroup;
import com.estateguard.policy.PolicyPreset;
import org.springframework.stereotype.Component;

/**
 * What a travel code (行程码) must show to come in: the checkpoint's policy group, stored under
 * "travelCode". Whether it must be checked at all is the policy's required check
 * {@code TRAVEL_CODE} per category. Huachuan 2021 (001) singles out arrivals from medium and high
 * risk areas (中高风险地区来(返)桦人员): a starred code goes to the shift leader, a risk-area code is
 * turned away and reported. The other documents do not name the travel code, so it decides nothing there.
 *
 * @param starAllowed     a code with a star (visited a city with a risk area) passes as it is
 * @param riskAreaAllowed a code showing a stay in a medium or high risk area passes as it is
 */
public record TravelCodeParameters(boolean starAllowed, boolean riskAreaAllowed) {

    public boolean allows(TravelCode shown) {
        return switch (shown) {
            case STARRED -> starAllowed;
            case RISK_AREA -> riskAreaAllowed;
            case NORMAL, NOT_SHOWN -> true;
        };
    }

    /** Declares the group to the policy module, with each preset's seed. */
    @Component
    static class Group implements PolicyGroup<TravelCodeParameters> {

        @Override
        public String key() {
            return "travelCode";
        }

        @Override
        public Class<TravelCodeParameters> type() {
            return TravelCodeParameters.class;
        }

        @Override
        public TravelCodeParameters seed(PolicyPreset preset) {
            boolean huachuan = preset == PolicyPreset.HUACHUAN_2021;
            return new TravelCodeParameters(!huachuan, !huachuan);
        }
    }
}
