package com.estateguard.emergency.internal.screening;

import com.estateguard.access.Absences;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.internal.screening.ScreeningForms.RoundForm;
import com.estateguard.emergency.internal.screening.ScreeningForms.SampleForm;
import com.estateguard.emergency.internal.screening.ScreeningOutcome.PersonStatus;
import com.estateguard.emergency.internal.screening.ScreeningOutcome.Progress;
import com.estateguard.healthdata.NatRecord;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateScope;
import com.estateguard.residents.ResidentDirectory;
import com.estateguard.residents.ResidentDirectory.RegisteredPerson;
import com.estateguard.staff.StaffOnSite;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * NAT screening rounds of an incident (核酸筛查, EMG-08): opening a round, entering samples taken on
 * site, and the live board: who is due (computed), each one's status, progress per building and
 * unit, the exact list of the untested and the people of a positive pool to re-test alone.
 */
@Service
public class ScreeningRounds {

    private final RoundStore store;
    private final Incidents incidents;
    private final ResidentDirectory register;
    private final Absences gate;
    private final StaffOnSite staff;
    private final com.estateguard.healthdata.NatResults nat;
    private final ManagedContacts contacts;
    private final Clock clock;
    private final ZoneId zone;

    ScreeningRounds(RoundStore store, Incidents incidents, ResidentDirectory register, Absences gate, StaffOnSite staff,
                    com.estateguard.healthdata.NatResults nat, ManagedContacts contacts, Clock clock, ZoneId zone) {
        this.store = store;
        this.incidents = incidents;
        this.register = register;
        this.gate = gate;
        this.staff = staff;
        this.nat = nat;
        this.contacts = contacts;
        this.clock = clock;
        this.zone = zone;
    }

    /** The live state of a round. */
    public record Board(Round round, List<PersonStatus> people, List<Progress> progress, Progress total, List<Sample> samples,
                        long millis) {

        public List<PersonStatus> untested() {
            return with(TestStatus.UNTESTED);
        }

        public List<PersonStatus> retest() {
            return with(TestStatus.RETEST);
        }

        public List<PersonStatus> positive() {
            return with(TestStatus.POSITIVE);
        }

        private List<PersonStatus> with(TestStatus status) {
            return people.stream().filter(p -> p.status() == status).toList();
        }
    }

    @Transactional
    public Round open(IncidentId incident, RoundForm form, CurrentUser user) {
        IncidentSummary summary = incidents.get(incident, user);
        if (!summary.open()) {
            throw new InvalidInputException("emg.scr.error.ended");
        }
        long estateId = summary.estate().value();
        Instant from = form.startsAt().atZone(zone).toInstant();
        Instant to = form.endsAt().atZone(zone).toInstant();
        if (!to.isAfter(from)) {
            throw new InvalidInputException("emg.scr.error.period");
        }
        Round round = store.insert(incident.value(), estateId, from, to, user.actor());
        incidents.log(incident, "SCREENING_ROUND", "第" + round.number() + "轮核酸筛查：" + form.startsAt() + " 至 " + form.endsAt(),
                user.actor());
        return round;
    }

    public List<Round> rounds(IncidentId incident, CurrentUser user) {
        incidents.get(incident, user);
        return store.ofIncident(incident.value());
    }

    public Round round(long roundId, CurrentUser user) {
        return store.find(roundId, EstateScope.bind(user.scopePath())).orElseThrow(() -> new NotFoundException("round", roundId));
    }

    @Transactional(readOnly = true)
    public Board board(long roundId, CurrentUser user) {
        long started = System.nanoTime();
        Round round = round(roundId, user);
        List<DuePerson> due = due(round);
        Set<String> keys = due.stream().map(DuePerson::personKey).filter(Objects::nonNull).collect(Collectors.toSet());
        java.util.Map<String, NatRecord> imported = nat.newestBetween(keys, round.startsAt(), round.endsAt());
        List<StaffOnSite.StaffNat> staffNats = staff.natSince(new EstateId(round.estateId()), round.startsAt().atZone(zone).toLocalDate());
        List<Sample> samples = store.samples(roundId);
        List<PersonStatus> people = ScreeningOutcome.of(due, imported, staffNats, samples, zone);
        return new Board(round, people, ScreeningOutcome.progress(people), ScreeningOutcome.total(people), samples,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Residents present (now, or at the round's end once it is over) minus managed contacts, plus staff on site. */
    private List<DuePerson> due(Round round) {
        EstateId estate = new EstateId(round.estateId());
        Instant at = clock.instant().isBefore(round.endsAt()) ? clock.instant() : round.endsAt();
        List<RegisteredPerson> people = register.people(estate);
        Set<String> keys = people.stream().map(RegisteredPerson::personKey).collect(Collectors.toSet());
        return ScreeningDue.of(people, gate.away(estate, keys, at), contacts.in(new IncidentId(round.incidentId())),
                staff.onShift(estate, round.startsAt(), round.endsAt()));
    }

    /** Enters a tube taken on site; a positive one is written in the incident's log. */
    @Transactional
    public long sample(long roundId, SampleForm form, CurrentUser user) {
        Board board = board(roundId, user);
        Instant at = form.sampledAt().atZone(zone).toInstant();
        List<String> members = form.members().stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct().toList();
        refuseImpossible(board, form, at, members);
        long id = store.insertSample(board.round(), form.code().strip(), form.pool(), form.result(), at, members, user.actor());
        if (form.result() == com.estateguard.healthdata.NatResult.POSITIVE) {
            incidents.log(new IncidentId(board.round().incidentId()), form.pool() ? "SCREENING_POOL_POSITIVE" : "SCREENING_POSITIVE",
                    "第" + board.round().number() + "轮 " + (form.pool() ? "混管 " : "单采 ") + form.code().strip() + " 阳性，"
                            + members.size() + " 人" + (form.pool() ? "待单采复核" : ""), user.actor());
        }
        return id;
    }

    private void refuseImpossible(Board board, SampleForm form, Instant at, List<String> members) {
        if (form.pool() ? members.size() < 2 : members.size() != 1) {
            throw new InvalidInputException(form.pool() ? "emg.scr.error.poolMembers" : "emg.scr.error.singleMember");
        }
        Set<String> due = board.people().stream().map(p -> p.person().ref()).collect(Collectors.toSet());
        if (!due.containsAll(members)) {
            throw new InvalidInputException("emg.scr.error.notDue");
        }
        if (at.isBefore(board.round().startsAt()) || at.isAfter(board.round().endsAt()) || at.isAfter(clock.instant().plusSeconds(300))) {
            throw new InvalidInputException("emg.scr.error.sampledAt");
        }
        if (store.codeTaken(board.round().id(), form.code().strip())) {
            throw new InvalidInputException("emg.scr.error.codeTaken", form.code().strip());
        }
    }
}
