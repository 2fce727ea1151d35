package com.estateguard.emergency.internal.contacts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The contact-tracing protocol (密切接触者判定与管理) as data: the exposure window, how each tier is
 * managed, when a contact of a contact is released, what a close contact's positive test does to
 * their contacts, and the parameters of the candidate search. Stored as a version
 * ({@code emg_contact_protocol}); an incident records the version it uses and every tier decision
 * cites it. The presets are {@link ProtocolEdition}.
 *
 * @param exposureWindowDays       contacts are looked for from this many days before onset (or sampling for an asymptomatic case)
 * @param tiers                    management per tier
 * @param secondaryReleaseCloseNegatives a contact of a contact is released only when their own tests are negative AND
 *                                 this many first tests of their close contact are negative
 * @param upgradeSecondaryOnPositive when a close contact tests positive, their contacts of contacts become close contacts
 * @param sameUnitFloor            neighbours on the same unit and floor are candidates
 * @param floorsAbove              floors directly above in the same unit that are candidates
 * @param floorsBelow              floors directly below in the same unit that are candidates
 * @param entranceMinutes          people passing the same entrance within this many minutes of the case, either direction
 */
public record ContactProtocol(@Min(1) @Max(21) int exposureWindowDays,
                              @NotNull Map<ContactTier, @Valid TierRule> tiers,
                              @Min(0) @Max(5) int secondaryReleaseCloseNegatives,
                              boolean upgradeSecondaryOnPositive,
                              boolean sameUnitFloor,
                              @Min(0) @Max(5) int floorsAbove,
                              @Min(0) @Max(5) int floorsBelow,
                              @Min(0) @Max(120) int entranceMinutes) {

    public ContactProtocol {
        EnumMap<ContactTier, TierRule> copy = new EnumMap<>(ContactTier.class);
        copy.putAll(tiers);
        for (ContactTier tier : ContactTier.values()) {
            if (!copy.containsKey(tier)) {
                throw new IllegalArgumentException("no rule for tier " + tier);
            }
        }
        tiers = Map.copyOf(copy);
    }

    /** Where the search for contacts starts: the window's days before onset (or sampling, for an asymptomatic case). */
    public java.time.Instant windowStart(java.time.Instant onsetOrSampling) {
        return onsetOrSampling.minus(java.time.Duration.ofDays(exposureWindowDays));
    }

    public TierRule rule(ContactTier tier) {
        return tiers.get(tier);
    }

    /** The days of the period on which a person of this tier is tested, in order. */
    public List<Integer> natDays(ContactTier tier) {
        return rule(tier).natDays();
    }
}
