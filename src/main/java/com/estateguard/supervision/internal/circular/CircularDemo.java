package com.estateguard.supervision.internal.circular;

import com.estateguard.common.CurrentUser;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.identity.StaffDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo circular (演示数据): the city authority circulates the results of the demo campaign's first phase. */
@Component
@Order(46)
class CircularDemo implements DemoExtension {

    private final Circulars circulars;
    private final CampaignPhases phases;
    private final StaffDirectory staff;

    CircularDemo(Circulars circulars, CampaignPhases phases, StaffDirectory staff) {
        this.circulars = circulars;
        this.phases = phases;
        this.staff = staff;
    }

    @Override
    public void load(DemoBase base) {
        staff.authoritiesWithin("R/").stream().filter(a -> a.username().equals("city")).findFirst().ifPresent(a -> {
            CurrentUser city = new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.scopePath(), null, null);
            phases.phases(city).stream().filter(p -> p.campaignName().contains("演示数据")).findFirst()
                    .or(() -> phases.phases(city).stream().findFirst())
                    .ifPresent(p -> circulars.publish(new CircularForm(p.phaseId(), null, 3), city));
        });
    }
}
