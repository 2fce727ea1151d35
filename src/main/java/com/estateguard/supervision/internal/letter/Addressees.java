package com.estateguard.supervision.internal.letter;

import com.estateguard.org.CompanyRef;
import com.estateguard.org.EstateRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who must sign a letter to a city: every company managing an estate in the letter's scope signs
 * through the right offices. A local company signs by its head office and each of its branches in
 * the city; a company based in another city by its branch in the city (or, with none recorded,
 * by the offices that manage its estates here).
 */
public final class Addressees {

    /** One office that must sign, and why. */
    public record Addressee(CompanyRef office, SignerBasis basis) {
    }

    private Addressees() {
    }

    public static List<Addressee> of(long cityId, Collection<EstateRef> estatesInScope, Collection<CompanyRef> companies) {
        Map<Long, CompanyRef> byId = companies.stream().collect(Collectors.toMap(CompanyRef::id, Function.identity()));
        Set<Long> managing = estatesInScope.stream().map(EstateRef::companyId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> roots = managing.stream().map(id -> rootOf(byId.get(id))).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Addressee> out = new ArrayList<>();
        for (long root : roots) {
            CompanyRef head = byId.get(root);
            List<CompanyRef> branches = companies.stream().filter(c -> !c.headOffice() && c.path().startsWith(head.path())).toList();
            if (head.basedIn(cityId)) {
                out.add(new Addressee(head, SignerBasis.LOCAL_HEAD_OFFICE));
                branches.stream().filter(b -> b.basedIn(cityId)).forEach(b -> out.add(new Addressee(b, SignerBasis.LOCAL_COMPANY_BRANCH)));
            } else {
                List<CompanyRef> local = branches.stream().filter(b -> b.cityId() != null && b.cityId() == cityId).toList();
                if (local.isEmpty()) {
                    managing.stream().map(byId::get).filter(c -> c.path().startsWith(head.path()))
                            .forEach(c -> out.add(new Addressee(c, SignerBasis.MANAGING_OFFICE)));
                } else {
                    local.forEach(b -> out.add(new Addressee(b, SignerBasis.OUT_OF_TOWN_LOCAL_BRANCH)));
                }
            }
        }
        return out;
    }

    /** "C/3/7/" is a branch of head office 3. */
    static long rootOf(CompanyRef company) {
        return Long.parseLong(company.path().split("/")[1]);
    }

    /** The city of a region path "R/1/4/9/" is region 1. */
    public static long cityOf(String regionPath) {
        String[] parts = regionPath.split("/");
        if (parts.length < 2 || !"R".equals(parts[0])) {
            throw new LetterInvalid("letter.error.scope");
        }
        return Long.parseLong(parts[1]);
    }
}
