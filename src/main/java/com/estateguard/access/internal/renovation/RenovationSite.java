package com.estateguard.access.internal.renovation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A renovation or construction site (装修工地, ACC-14). It admits a worker only within its
 * registered period, once a day until they leave, and never more than the policy's number at once.
 * Loaded under a row lock, so two arrivals cannot both take the last place.
 */
@Table("res_site")
class RenovationSite {

    /** The workers admitted on a day who have not left. */
    record OnSite(LocalDate day, Set<Long> workerIds) {
        OnSite {
            workerIds = Set.copyOf(workerIds);
        }

        int count() {
            return workerIds.size();
        }
    }

    @Id
    private final Long id;
    private final long estateId;
    private final LocalDate startsOn;
    private final LocalDate endsOn;

    RenovationSite(Long id, long estateId, LocalDate startsOn, LocalDate endsOn) {
        this.id = id;
        this.estateId = estateId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    /** Refuses an arrival outright (nothing to record): a day outside the period, a worker already inside. */
    void checkArrival(long workerId, OnSite onSite) {
        if (onSite.day().isBefore(startsOn) || onSite.day().isAfter(endsOn)) {
            throw new SiteNotOpen();
        }
        if (onSite.workerIds().contains(workerId)) {
            throw new WorkerAlreadyOnSite();
        }
    }

    /** Lets in a worker who passed the daily check, if there is room under the cap; returns who is then on site. */
    OnSite admit(long workerId, OnSite onSite, int cap) {
        checkArrival(workerId, onSite);
        if (onSite.count() >= cap) {
            throw new SiteFull(cap);
        }
        Set<Long> after = new HashSet<>(onSite.workerIds());
        after.add(workerId);
        return new OnSite(onSite.day(), after);
    }

    long id() {
        return id;
    }

    long estateId() {
        return estateId;
    }
}
