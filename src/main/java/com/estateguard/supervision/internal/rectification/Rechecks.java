package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.supervision.InspectionId;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.InspectionPhoto;
import com.estateguard.supervision.InspectionResult;
import com.estateguard.supervision.Inspections;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.SubmitInspection;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.internal.sanctions.Sanctions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The re-check (回头看) of an answered order: a RECHECK inspection of only the items the order lists, by an
 * authority user who did not submit the answer. All of them at full marks (or "yes") closes the order;
 * anything short records 降档降级 and the loss of the year's awards (seed 001).
 */
@Service
public class Rechecks {

    private final RectificationOrders orders;
    private final Inspections inspections;
    private final Sanctions sanctions;
    private final Clock clock;

    Rechecks(RectificationOrders orders, Inspections inspections, Sanctions sanctions, Clock clock) {
        this.orders = orders;
        this.inspections = inspections;
        this.sanctions = sanctions;
        this.clock = clock;
    }

    /** The template items the re-check carries forward: the order's failed items, in template order. */
    public List<TemplateItem> items(long orderId, CurrentUser user) {
        OrderViews.Order order = orders.order(orderId, user);
        InspectionResult original = inspections.result(InspectionId.of(order.inspectionId()));
        Set<Long> carried = order.items().stream().map(OrderViews.Item::itemId).collect(Collectors.toSet());
        return inspections.items(original.template()).stream().filter(i -> carried.contains(i.id())).toList();
    }

    /** Re-inspects the order's items and closes it or records the failure; true when the items now pass. */
    @Transactional
    public boolean recheck(long orderId, List<ItemEntry> entries, String note, List<InspectionPhoto> photos, CurrentUser verifier) {
        RectificationOrder order = orders.load(orderId, verifier);
        order.checkVerifier(verifier);
        Set<Long> carried = items(orderId, verifier).stream().map(TemplateItem::id).collect(Collectors.toSet());
        List<ItemEntry> kept = entries.stream().filter(e -> carried.contains(e.itemId())).toList();
        if (kept.size() != carried.size()) {
            throw new InvalidInputException("spv.recheck.error.allItems");
        }
        InspectionResult original = inspections.result(InspectionId.of(order.inspectionId()));
        InspectionId recheck = inspections.submit(new SubmitInspection(original.template(), original.estate(), original.campaignId(),
                original.phaseId(), InspectionKind.RECHECK, original.id(), null, kept, note, photos), verifier);
        boolean passed = inspections.result(recheck).failedItems().isEmpty();
        order.recheck(verifier, recheck.value(), passed, clock.instant());
        orders.save(order);
        if (!passed) {
            sanctions.recordFailedRecheck(orderId, original.estate(), "回头看未通过（整改通知 #" + orderId + "，复查 #" + recheck + "）",
                    verifier.actor());
        }
        return passed;
    }
}
