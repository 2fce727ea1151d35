package com.estateguard.supplies.internal;

import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import com.estateguard.supervision.RecordEvidence;
import com.estateguard.supervision.RecordFigure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the supplies ledger shows beside a supervision item ({@code supplies.cover}): the shortest
 * days of cover among the estate's items against the policy's cover days (an item not being used
 * lasts). No item at all is no reserve.
 */
@Component
class SuppliesRecordEvidence implements RecordEvidence {

    static final String COVER = "supplies.cover";

    private final Supplies supplies;
    private final OrgDirectory org;
    private final Policies policies;
    private final ZoneId zone;

    SuppliesRecordEvidence(Supplies supplies, OrgDirectory org, Policies policies, ZoneId zone) {
        this.supplies = supplies;
        this.org = org;
        this.policies = policies;
        this.zone = zone;
    }

    @Override
    public Set<String> keys() {
        return Set.of(COVER);
    }

    @Override
    public Optional<RecordFigure> figure(String key, EstateId estate, Instant at) {
        if (!COVER.equals(key)) {
            return Optional.empty();
        }
        Optional<EstateRef> ref = org.estate(estate, "R/");
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        List<Supplies.Stock> stock = supplies.stockOfEstate(ref.get(), LocalDate.ofInstant(at, zone));
        if (stock.isEmpty()) {
            return Optional.of(new RecordFigure(COVER, BigDecimal.ZERO, "supervision.figure.suppliesNone", List.of()));
        }
        int required = policies.inForce(ref.get().regionPath(), at).parameters().group(SupplyParameters.class).supplyCoverDays();
        Optional<Supplies.Stock> shortest = stock.stream().filter(s -> s.cover().days() != null)
                .min(Comparator.comparing(s -> s.cover().days()));
        if (shortest.isEmpty()) {
            return Optional.of(new RecordFigure(COVER, BigDecimal.ONE, "supervision.figure.suppliesCover",
                    List.of("∞", stock.get(0).item().name(), required)));
        }
        BigDecimal days = shortest.get().cover().days();
        BigDecimal share = days.divide(BigDecimal.valueOf(required), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        return Optional.of(new RecordFigure(COVER, share, "supervision.figure.suppliesCover",
                List.of(days.stripTrailingZeros().toPlainString(), shortest.get().item().name(), required)));
    }
}
