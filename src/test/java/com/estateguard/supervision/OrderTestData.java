package com.estateguard.supervision;

import com.estateguard.common.CurrentUser;
import com.estateguard.org.EstateId;
import com.estateguard.supervision.internal.rectification.RectificationOrders;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Inspections for the order tests: the Huachuan 100-point sheet filled in through the {@link Inspections}
 * facade, failing items from the first until the score falls below the pass mark (or passing them all).
 */
@Component
public class OrderTestData {

    public static final String SHEET = "HUACHUAN_2021";
    private static final BigDecimal PASS_SHARE = new BigDecimal("0.6");

    private final Inspections inspections;
    private final RectificationOrders orders;

    OrderTestData(Inspections inspections, RectificationOrders orders) {
        this.inspections = inspections;
        this.orders = orders;
    }

    /** An inspection just below the pass mark: the first items get their lowest value until the score drops under 60 %. */
    public InspectionId unqualified(long estate, CurrentUser inspector) {
        return unqualified(estate, null, null, inspector);
    }

    /** The same, as an inspection of a campaign's phase. */
    public InspectionId unqualified(long estate, Long campaign, Long phase, CurrentUser inspector) {
        TemplateId template = inspections.inUse(SHEET).orElseThrow();
        List<TemplateItem> items = inspections.items(template);
        BigDecimal total = items.stream().map(TemplateItem::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = total;
        List<ItemEntry> entries = new ArrayList<>();
        for (TemplateItem item : items) {
            boolean fail = score.compareTo(total.multiply(PASS_SHARE)) >= 0 && item.maxPoints().signum() > 0;
            if (fail) {
                score = score.subtract(item.maxPoints()).add(item.minPoints());
            }
            entries.add(entry(item, !fail));
        }
        return inspections.submit(new SubmitInspection(template, new EstateId(estate), campaign, phase, InspectionKind.GROUP, null, null,
                entries, "测试：低于合格线", List.of()), inspector);
    }

    /** An inspection with every item at full marks (or "yes"): qualified, so no order follows. */
    public InspectionId qualified(long estate, CurrentUser inspector) {
        TemplateId template = inspections.inUse(SHEET).orElseThrow();
        List<ItemEntry> entries = inspections.items(template).stream().map(item -> entry(item, true)).toList();
        return inspections.submit(new SubmitInspection(template, new EstateId(estate), null, null, InspectionKind.GROUP, null, null,
                entries, "测试：全部合格", List.of()), inspector);
    }

    /** The entry that gives an item full marks (or "yes"), or its lowest value (or "no"). */
    public static ItemEntry entry(TemplateItem item, boolean pass) {
        return switch (item.mode()) {
            case ALL_OR_NOTHING, GRADED -> new ItemEntry(item.id(), pass ? item.maxPoints() : item.minPoints(), null, null);
            case DEDUCTION -> new ItemEntry(item.id(), pass ? BigDecimal.ZERO : item.maxPoints().subtract(item.minPoints()), null, null);
            case YES_NO_NA -> new ItemEntry(item.id(), null, pass ? YesNoNa.YES : YesNoNa.NO, null);
            case TEXT -> new ItemEntry(item.id(), null, null, "无");
        };
    }

    /** The order the listener issues for an inspection, once the event has been handled. */
    public long orderOf(InspectionId inspection) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            var order = orders.orderFor(inspection.value());
            if (order.isPresent()) {
                return order.get();
            }
            sleep();
        }
        throw new AssertionError("no rectification order for inspection " + inspection);
    }

    /** The items an order carries, as the template knows them. */
    public List<TemplateItem> items(Set<Long> itemIds) {
        TemplateId template = inspections.inUse(SHEET).orElseThrow();
        Predicate<TemplateItem> carried = i -> itemIds.contains(i.id());
        return inspections.items(template).stream().filter(carried).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
