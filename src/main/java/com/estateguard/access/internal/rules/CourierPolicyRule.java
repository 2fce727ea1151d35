package com.estateguard.access.internal.rules;

import com.estateguard.common.Reason;
import com.estateguard.policy.CourierPolicy;
import com.estateguard.policy.EntrantCategory;
import com.estateguard.policy.ReasonCode;
import java.util.List;

/** ACC-13: where couriers are kept out, parcels go to the pickup point instead. */
final class CourierPolicyRule implements EntryRule {
    @Override
    public List<Reason<ReasonCode>> evaluate(EntryContext c) {
        return c.category() == EntrantCategory.COURIER && c.policy().courierPolicy() == CourierPolicy.KEPT_OUT_PICKUP_POINT
                ? List.of(EntryReason.of(ReasonCode.COURIER_KEPT_OUT)) : List.of();
    }
}
