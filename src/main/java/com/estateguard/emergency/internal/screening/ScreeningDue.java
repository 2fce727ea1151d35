package com.estateguard.emergency.internal.screening;

import com.estateguard.residents.ResidentDirectory.RegisteredPerson;
import com.estateguard.staff.StaffOnSite.OnSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is due in a round, computed and never typed (seed 004 四(五)2: everyone in the estate except
 * close and general contacts): the register minus those away by the gate records (last passage out,
 * none back in) minus the contacts under management, plus the staff on site by the roster.
 */
final class ScreeningDue {

    private ScreeningDue() {
    }

    static List<DuePerson> of(List<RegisteredPerson> register, Set<String> away, ManagedContacts.Managed managed, List<OnSite> staff) {
        List<DuePerson> due = new ArrayList<>();
        for (RegisteredPerson p : register) {
            if (!away.contains(p.personKey()) && !managed.personKeys().contains(p.personKey())) {
                due.add(DuePerson.resident(p));
            }
        }
        staff.stream().filter(s -> !managed.staffUserIds().contains(s.userId()))
                .collect(Collectors.toMap(OnSite::userId, s -> s, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().forEach(s -> due.add(DuePerson.staff(s)));
        return due;
    }
}
