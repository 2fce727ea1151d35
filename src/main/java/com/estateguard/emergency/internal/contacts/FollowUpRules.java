package com.estateguard.emergency.internal.contacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The protocol's release and upgrade rules, applied to one managed person's tests. Each refusal
 * is a message key, so the page and the API say which rule holds the person.
 */
public final class FollowUpRules {

    /** A NAT result of a managed person. */
    public record Nat(LocalDate sampledOn, boolean positive) {
    }

    private FollowUpRules() {
    }

    /**
     * Why a person may not be released today; empty when they may. A contact of a contact also needs
     * the first {@code secondaryReleaseCloseNegatives} tests of their close contact, all negative.
     */
    public static List<String> releaseRefusals(ContactProtocol protocol, ContactTier tier, ManagementPeriod period,
                                               LocalDate today, List<Nat> own, List<Nat> closeContacts) {
        List<String> refusals = new ArrayList<>();
        if (today.isBefore(period.endsOn())) {
            refusals.add("contacts.release.periodNotOver");
        }
        if (own.stream().anyMatch(Nat::positive)) {
            refusals.add("contacts.release.positive");
        }
        boolean missing = period.natDates().stream().filter(d -> !d.isAfter(today))
                .anyMatch(d -> own.stream().noneMatch(n -> n.sampledOn().equals(d)));
        if (missing) {
            refusals.add("contacts.release.natMissing");
        }
        if (tier == ContactTier.SECONDARY && !closeContactClear(protocol, closeContacts)) {
            refusals.add("contacts.release.closeContactNotClear");
        }
        return refusals;
    }

    /** The close contact's first tests, as many as the protocol asks, are there and all negative. */
    public static boolean closeContactClear(ContactProtocol protocol, List<Nat> closeContacts) {
        List<Nat> first = closeContacts.stream().sorted(Comparator.comparing(Nat::sampledOn))
                .limit(protocol.secondaryReleaseCloseNegatives()).toList();
        return first.size() == protocol.secondaryReleaseCloseNegatives() && first.stream().noneMatch(Nat::positive);
    }

    /** A positive test of a close contact makes their contacts of contacts close contacts, when the protocol says so. */
    public static boolean upgradesContacts(ContactProtocol protocol, ContactTier tier, Nat result) {
        return result.positive() && tier == ContactTier.CLOSE && protocol.upgradeSecondaryOnPositive();
    }

    /** NAT dates of the period up to and including today without a test sampled that day. */
    public static List<LocalDate> overdue(ManagementPeriod period, LocalDate today, List<Nat> own) {
        return period.natDates().stream().filter(d -> d.isBefore(today))
                .filter(d -> own.stream().noneMatch(n -> n.sampledOn().equals(d))).toList();
    }

    public static boolean dueToday(ManagementPeriod period, LocalDate today, List<Nat> own) {
        return period.natDates().contains(today) && own.stream().noneMatch(n -> n.sampledOn().equals(today));
    }
}
