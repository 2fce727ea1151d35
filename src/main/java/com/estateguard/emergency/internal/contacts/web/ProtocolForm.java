package com.estateguard.emergency.internal.contacts.web;

import com.estateguard.emergency.internal.contacts.ContactProtocol;
import com.estateguard.emergency.internal.contacts.ContactTier;
import com.estateguard.emergency.internal.contacts.TierRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A new protocol version copied from another with the authorities' changes: the numbers as the
 * page shows them, NAT days as a comma-separated list per tier. Bounds are checked on the protocol.
 */
record ProtocolForm(@NotBlank @Size(max = 100) String name, @NotNull Long basedOnId, int exposureWindowDays,
                    int closeIsolationDays, Boolean closeCentral, int closeMonitoringDays, @NotNull @Pattern(regexp = DAYS) String closeNatDays,
                    int secondaryIsolationDays, Boolean secondaryCentral, int secondaryMonitoringDays, @NotNull @Pattern(regexp = DAYS) String secondaryNatDays,
                    int generalIsolationDays, Boolean generalCentral, int generalMonitoringDays, @NotNull @Pattern(regexp = DAYS) String generalNatDays,
                    int keyGroupIsolationDays, Boolean keyGroupCentral, int keyGroupMonitoringDays, @NotNull @Pattern(regexp = DAYS) String keyGroupNatDays,
                    int secondaryReleaseCloseNegatives, Boolean upgradeSecondaryOnPositive, Boolean sameUnitFloor, int floorsAbove,
                    int floorsBelow, int entranceMinutes) {

    static final String DAYS = "^\\s*(\\d{1,3}\\s*(,\\s*\\d{1,3}\\s*)*)?$";

    static ProtocolForm of(String name, long basedOnId, ContactProtocol p) {
        TierRule c = p.rule(ContactTier.CLOSE);
        TierRule s = p.rule(ContactTier.SECONDARY);
        TierRule g = p.rule(ContactTier.GENERAL);
        TierRule k = p.rule(ContactTier.KEY_GROUP);
        return new ProtocolForm(name, basedOnId, p.exposureWindowDays(),
                c.isolationDays(), c.centralIsolation(), c.monitoringDays(), days(c.natDays()),
                s.isolationDays(), s.centralIsolation(), s.monitoringDays(), days(s.natDays()),
                g.isolationDays(), g.centralIsolation(), g.monitoringDays(), days(g.natDays()),
                k.isolationDays(), k.centralIsolation(), k.monitoringDays(), days(k.natDays()),
                p.secondaryReleaseCloseNegatives(), p.upgradeSecondaryOnPositive(), p.sameUnitFloor(), p.floorsAbove(),
                p.floorsBelow(), p.entranceMinutes());
    }

    ContactProtocol protocol() {
        Map<ContactTier, TierRule> tiers = new EnumMap<>(ContactTier.class);
        tiers.put(ContactTier.CLOSE, new TierRule(closeIsolationDays, Boolean.TRUE.equals(closeCentral), closeMonitoringDays, days(closeNatDays)));
        tiers.put(ContactTier.SECONDARY, new TierRule(secondaryIsolationDays, Boolean.TRUE.equals(secondaryCentral), secondaryMonitoringDays, days(secondaryNatDays)));
        tiers.put(ContactTier.GENERAL, new TierRule(generalIsolationDays, Boolean.TRUE.equals(generalCentral), generalMonitoringDays, days(generalNatDays)));
        tiers.put(ContactTier.KEY_GROUP, new TierRule(keyGroupIsolationDays, Boolean.TRUE.equals(keyGroupCentral), keyGroupMonitoringDays, days(keyGroupNatDays)));
        return new ContactProtocol(exposureWindowDays, tiers, secondaryReleaseCloseNegatives, Boolean.TRUE.equals(upgradeSecondaryOnPositive),
                Boolean.TRUE.equals(sameUnitFloor), floorsAbove, floorsBelow, entranceMinutes);
    }

    private static List<Integer> days(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).sorted().distinct().toList();
    }

    private static String days(List<Integer> days) {
        return String.join(",", days.stream().map(String::valueOf).toList());
    }
}
