package com.estateguard.supervision.internal.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the order pages show: rows of the lists and the order with its items, answers and interviews. */
public final class OrderViews {

    private OrderViews() {
    }

    /** Which orders a list shows. */
    public enum Filter { OPEN, DUE, OVERDUE, ANSWERED, CLOSED, ALL }

    public record Row(long id, long estateId, String estateName, String companyName, BigDecimal score, OrderStatus status,
                      Instant issuedAt, LocalDate dueOn, boolean overdue, boolean late, int items, Instant dueAt) {
    }

    public record Order(long id, long inspectionId, long estateId, String estateName, long companyId, String companyName,
                        BigDecimal score, BigDecimal passMark, OrderStatus status, Instant issuedAt, int workingDays,
                        LocalDate dueOn, boolean overdue, boolean late, Instant answeredAt, String answeredBy,
                        Long recheckInspectionId, Instant verifiedAt, String verifiedBy, List<Item> items,
                        List<Interview> interviews) {
    }

    public record Item(long id, long itemId, int position, String text, BigDecimal score, BigDecimal maxPoints, String action,
                       List<Long> evidenceIds) {
    }

    public record Interview(Instant heldAt, String heldBy, String withWhom, String notes, String recordedBy) {
    }
}
