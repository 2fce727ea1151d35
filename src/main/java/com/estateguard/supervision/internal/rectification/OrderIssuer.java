package com.estateguard.supervision.internal.rectification;

import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.InspectionSubmitted;
import com.estateguard.supervision.Inspections;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Below the pass mark an order follows (seed 001: "低于60分视为不合格…限期整改"): after an inspection is
 * committed, an unqualified one gets its rectification order. A re-check is settled on the order itself
 * ({@link Rechecks}); a correction of an inspection that already has an order adds none.
 */
@Component
class OrderIssuer {

    private final RectificationOrders orders;
    private final Inspections inspections;

    OrderIssuer(RectificationOrders orders, Inspections inspections) {
        this.orders = orders;
        this.inspections = inspections;
    }

    @ApplicationModuleListener
    void on(InspectionSubmitted submitted) {
        if (submitted.qualified() || submitted.kind() == InspectionKind.RECHECK) {
            return;
        }
        if (submitted.corrects() != null && orders.orderFor(submitted.corrects().value()).isPresent()) {
            return;
        }
        orders.issue(inspections.result(submitted.inspectionId()));
    }
}
