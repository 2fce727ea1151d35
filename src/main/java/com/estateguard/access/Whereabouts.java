package com.estateguard.access;

import com.estateguard.org.EstateId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Whereabouts (行动轨迹): what the checkpoint's records say about a person's comings and goings, for an epidemiological
 * investigation (流行病学调查, EMG-07): their own passages, who passed the same entrance close in
 * time, the visitors a household registered and the renovation workers at an address. Read only;
 * the caller decides who may see it and audits the view.
 */
public interface Whereabouts {

    /** One check record at a gate: a passage in or out. {@code personKey} is null for someone not identified by an ID number. */
    record Passage(long checkId, long entranceId, Instant at, Direction direction, String category, String personName,
                   String personKey, String plate) {
    }

    /** Someone else's passage within the window around one of the person's own passages at the same entrance. */
    record NearPassage(Passage passage, long nearCheckId, Instant nearAt) {

        public long secondsApart() {
            return Math.abs(Duration.between(nearAt, passage.at()).toSeconds());
        }
    }

    /** A visit a household registered (pre-registered or at the gate desk). */
    record HostedVisit(long visitId, LocalDate day, String hostName, String hostAddress, String visitorName, String personKey,
                       String idMasked, String phone) {
    }

    /** A renovation worker's admitted day at a site. */
    record WorkerDay(long siteId, String siteAddress, String company, long workerId, String workerName, String personKey,
                     String idMasked, LocalDate day) {
    }

    /** The person's passages (by their keyed ID number) in the estate in {@code [from, to)}, in time order. */
    List<Passage> of(EstateId estate, String personKey, Instant from, Instant to);

    /**
     * Everyone else through the same entrance within {@code within} of each of the person's passages
     * in {@code [from, to)}, either direction, in time order.
     */
    List<NearPassage> near(EstateId estate, String personKey, Instant from, Instant to, Duration within);

    /** Visits registered by any of the host names or for the address (building-unit-room, compared without separators), by day. */
    List<HostedVisit> visitsHosted(EstateId estate, Collection<String> hostNames, String hostAddress, LocalDate from, LocalDate to);

    /** Workers admitted at sites at the address (compared without separators) on the days. */
    List<WorkerDay> renovationAt(EstateId estate, String address, LocalDate from, LocalDate to);
}
