package com.estateguard.supervision.internal;

import com.estateguard.supervision.InvalidItemValues.Refusal;
import com.estateguard.supervision.ItemEntry;
import com.estateguard.supervision.ScoringMode;
import com.estateguard.supervision.TemplateItem;
import com.estateguard.supervision.YesNoNa;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scoring rule of each mode (SPV-01/02): what value an item may take and the points it gives.
 * The points themselves (full marks, the range's low end) are the template's, never this code's.
 */
public final class ItemRules {

    static final int MAX_NOTE = 1000;

    /** An item's outcome: the points given (null for items without points) and whether it fell short. */
    public record Outcome(BigDecimal score, boolean failed) {
    }

    private ItemRules() {
    }

    /** Why the entry is impossible for the item, if it is. A missing entry is refused too. */
    public static Optional<Refusal> refusal(TemplateItem item, ItemEntry entry) {
        if (entry != null && entry.note() != null && entry.note().length() > MAX_NOTE) {
            return refuse(item, "supervision.item.noteTooLong", MAX_NOTE);
        }
        ScoringMode mode = item.mode();
        if (mode == ScoringMode.TEXT) {
            return Optional.empty();
        }
        if (mode == ScoringMode.YES_NO_NA) {
            return entry == null || entry.answer() == null ? refuse(item, "supervision.item.answerMissing") : Optional.empty();
        }
        BigDecimal value = entry == null ? null : entry.value();
        if (value == null) {
            return refuse(item, "supervision.item.valueMissing");
        }
        boolean tenths = value.stripTrailingZeros().scale() <= 1;
        BigDecimal max = item.maxPoints();
        BigDecimal min = item.minPoints();
        return switch (mode) {
            case ALL_OR_NOTHING -> value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(max) == 0
                    ? Optional.empty() : refuse(item, "supervision.item.allOrNothing", plain(max));
            case GRADED -> tenths && value.compareTo(min) >= 0 && value.compareTo(max) <= 0
                    ? Optional.empty() : refuse(item, "supervision.item.graded", plain(min), plain(max));
            case DEDUCTION -> tenths && value.signum() >= 0 && value.compareTo(max.subtract(min)) <= 0
                    ? Optional.empty() : refuse(item, "supervision.item.deduction", plain(max.subtract(min)), plain(max));
            default -> Optional.empty();
        };
    }

    /** The outcome of a valid entry (see {@link #refusal}). */
    public static Outcome outcome(TemplateItem item, ItemEntry entry) {
        return switch (item.mode()) {
            case TEXT -> new Outcome(null, false);
            case YES_NO_NA -> new Outcome(null, entry.answer() == YesNoNa.NO);
            case ALL_OR_NOTHING, GRADED -> new Outcome(entry.value(), entry.value().compareTo(item.maxPoints()) < 0);
            case DEDUCTION -> new Outcome(item.maxPoints().subtract(entry.value()), entry.value().signum() > 0);
        };
    }

    /** The share of full marks an outcome gives, 0..1; for a yes/no item 1 or 0; null when it has none (n.a., text). */
    public static BigDecimal share(TemplateItem item, ItemEntry entry, Outcome outcome) {
        if (item.mode() == ScoringMode.YES_NO_NA) {
            return entry.answer() == YesNoNa.NA ? null : entry.answer() == YesNoNa.YES ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (outcome.score() == null || item.maxPoints().signum() == 0) {
            return null;
        }
        return outcome.score().divide(item.maxPoints(), 4, java.math.RoundingMode.HALF_UP);
    }

    private static Optional<Refusal> refuse(TemplateItem item, String key, Object... args) {
        return Optional.of(new Refusal(item.id(), item.text(), key, List.of(args)));
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
