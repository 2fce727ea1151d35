package com.estateguard.supervision.internal.rectification;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.org.EstateId;
import com.estateguard.supervision.InspectionId;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.supervision.InspectionResult;
import com.estateguard.supervision.Inspections;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.SubmitInspection;
import com.estateguard.supervision.TemplateId;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.YesNoNa;
import com.estateguard.supervision.internal.sanctions.SanctionKind;
import com.estateguard.supervision.internal.sanctions.Sanctions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo rectification orders (演示数据), one in every state: 阳光花园 issued (for the demo admin to answer) and
 * verified, 锦绣苑 answered, 望江华庭 overdue with an interview (issued as if ten days ago), 湖滨一号 re-check
 * failed with its downgrade, plus a 2-year "no new business" sanction in force on its company.
 */
@Component
@Order(40)
class RectificationDemo implements DemoExtension {

    private static final String SHEET = "HUACHUAN_2021";
    private static final BigDecimal PASS_SHARE = new BigDecimal("0.6");
    private static final CurrentUser INSPECTOR = new CurrentUser(0, "demo", "演示数据 督导员", Role.STREET_AUTHORITY, "R/", null, null);
    private static final CurrentUser VERIFIER = new CurrentUser(-2, "demo-verifier", "演示数据 复查员", Role.DISTRICT_AUTHORITY, "R/", null, null);

    private final Inspections inspections;
    private final RectificationOrders orders;
    private final Rechecks rechecks;
    private final Sanctions sanctions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ZoneId zone;

    RectificationDemo(Inspections inspections, RectificationOrders orders, Rechecks rechecks, Sanctions sanctions,
                      PlatformTransactionManager transactions, Clock clock, ZoneId zone) {
        this.inspections = inspections;
        this.orders = orders;
        this.rechecks = rechecks;
        this.sanctions = sanctions;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
        Optional<TemplateId> sheet = inspections.inUse(SHEET);
        if (sheet.isEmpty() || base.estates().size() < 5) {
            return;
        }
        List<TemplateItem> items = inspections.items(sheet.get());
        List<Long> estates = base.estates();
        order(sheet.get(), items, estates.get(0), Duration.ZERO);
        long verified = order(sheet.get(), items, estates.get(0), Duration.ofDays(20));
        answer(verified, estates.get(0));
        rechecks.recheck(verified, entries(items, verified, true), "演示数据：回头看整改到位", List.of(), VERIFIER);
        answer(order(sheet.get(), items, estates.get(1), Duration.ofDays(1)), estates.get(1));
        long overdue = order(sheet.get(), items, estates.get(2), Duration.ofDays(10));
        orders.recordInterview(overdue, new InterviewForm(LocalDateTime.now(clock.withZone(zone)).minusDays(9).withHour(10).withMinute(0)
                .withSecond(0).withNano(0), "江南区住建局 吴科长", "和园物业管理有限公司 总经理", "演示数据：通报检查发现的问题，要求两个工作日内报送整改情况。"),
                zone, INSPECTOR);
        long failed = order(sheet.get(), items, estates.get(4), Duration.ofDays(15));
        answer(failed, estates.get(4));
        rechecks.recheck(failed, entries(items, failed, false), "演示数据：回头看仍未整改到位", List.of(), VERIFIER);
        sanctions.impose(new Sanctions.SanctionForm(SanctionKind.NO_NEW_BUSINESS, Sanctions.GroundKind.ORDER, failed, null, null,
                "演示数据：防控工作不到位，取消二年内承接新业务资格（联合市信用办）"), VERIFIER);
    }

    /** An unqualified inspection and its order, issued as if {@code ago} earlier (in one transaction, before the listener sees it). */
    private long order(TemplateId sheet, List<TemplateItem> items, long estate, Duration ago) {
        return transaction.execute(status -> {
            InspectionId id = inspections.submit(new SubmitInspection(sheet, new EstateId(estate), null, null, InspectionKind.GROUP,
                    null, null, unqualified(items), "演示数据", List.of()), INSPECTOR);
            InspectionResult r = inspections.result(id);
            return orders.issue(new InspectionResult(r.id(), r.template(), r.estate(), r.kind(), r.campaignId(), r.phaseId(), r.rechecks(),
                    r.corrects(), r.score(), r.maxScore(), r.passMark(), r.qualified(), r.failedItems(), r.flaggedItemIds(),
                    r.inspectorName(), r.submittedAt().minus(ago), r.correctedBy())).orElseThrow();
        });
    }

    private void answer(long order, long estate) {
        CurrentUser admin = new CurrentUser(-1, "demo-admin", "演示数据 防疫管理员", Role.PREVENTION_ADMIN, "R/", estate, null);
        Map<Long, String> actions = new HashMap<>();
        orders.order(order, admin).items().forEach(i -> actions.put(i.id(), "演示数据：已落实整改，责任到人并张贴上墙"));
        orders.answer(order, actions, Map.of(), admin);
    }

    /** The first items at their lowest until the score falls under 60 %, the rest at full marks. */
    private static List<ItemEntry> unqualified(List<TemplateItem> items) {
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
        return entries;
    }

    private List<ItemEntry> entries(List<TemplateItem> items, long order, boolean pass) {
        var carried = orders.order(order, INSPECTOR).items().stream().map(OrderViews.Item::itemId).toList();
        return items.stream().filter(i -> carried.contains(i.id())).map(i -> entry(i, pass)).toList();
    }

    private static ItemEntry entry(TemplateItem item, boolean pass) {
        return switch (item.mode()) {
            case ALL_OR_NOTHING, GRADED -> new ItemEntry(item.id(), pass ? item.maxPoints() : item.minPoints(), null, null);
            case DEDUCTION -> new ItemEntry(item.id(), pass ? BigDecimal.ZERO : item.maxPoints().subtract(item.minPoints()), null, null);
            case YES_NO_NA -> new ItemEntry(item.id(), null, pass ? YesNoNa.YES : YesNoNa.NO, null);
            case TEXT -> new ItemEntry(item.id(), null, null, "演示数据");
        };
    }
}
