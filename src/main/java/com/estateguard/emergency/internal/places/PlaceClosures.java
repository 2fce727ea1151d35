package com.estateguard.emergency.internal.places;

import com.estateguard.common.ConcurrentChange;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.UploadedFile;
import com.estateguard.emergency.EstatePlaces;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentSummary;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.PlaceClosed;
import com.estateguard.org.EstateScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing the places the case visited (EMG-05): chosen from the estate's places (hygiene's, through
 * {@link EstatePlaces}) or named in the case's account, one per line. Each closure asks hygiene for
 * terminal disinfection by the {@link PlaceClosed} event; the place reopens after a passing assessment
 * (EMG-09). Every step goes into the incident's log.
 */
@Service
public class PlaceClosures {

    public record CloseForm(List<Long> placeIds, @Size(max = 1000, message = "{emg.place.error.account}") String account) {
    }

    public record AssessmentForm(@NotBlank(message = "{emg.place.error.assessor}") @Size(max = 100, message = "{emg.place.error.assessor}") String assessor,
                                 @NotNull(message = "{emg.place.error.result}") Boolean passed,
                                 @Size(max = 500, message = "{emg.place.error.note}") String note) {
    }

    /** A closure with its newest assessment, for the incident's page. */
    public record Row(long id, Long placeId, String name, Instant closedAt, String closedBy, Instant reopenedAt, String reopenedBy,
                      Long assessmentId, String assessor, Boolean passed, String note, Instant assessedAt) {

        public boolean reopened() {
            return reopenedAt != null;
        }
    }

    private final ClosedPlaceRepository repository;
    private final JdbcClient jdbc;
    private final Incidents incidents;
    private final EstatePlaces places;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlaceClosures(ClosedPlaceRepository repository, JdbcClient jdbc, Incidents incidents, EstatePlaces places,
                  ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.places = places;
        this.events = events;
        this.clock = clock;
    }

    /** The estate's places the form may choose from. */
    public List<EstatePlaces.EstatePlace> choices(IncidentId incident, CurrentUser user) {
        return places.of(incidents.get(incident, user).estate());
    }

    /** Closes the chosen and named places not closed already; returns how many were closed. */
    @Transactional
    public int close(IncidentId incident, CloseForm form, CurrentUser user) {
        IncidentSummary summary = incidents.get(incident, user);
        if (!summary.open()) {
            throw new InvalidInputException("emg.place.error.ended");
        }
        Map<String, Long> wanted = wanted(summary, form);
        if (wanted.isEmpty()) {
            throw new InvalidInputException("emg.place.error.none");
        }
        List<String> already = closedNames(incident.value());
        Instant now = clock.instant();
        int closed = 0;
        for (Map.Entry<String, Long> place : wanted.entrySet()) {
            if (already.contains(place.getKey())) {
                continue;
            }
            ClosedPlace saved = repository.save(ClosedPlace.close(incident.value(), summary.estate().value(), place.getValue(),
                    place.getKey(), now, user.actor()));
            events.publishEvent(new PlaceClosed(saved.id(), incident, summary.estate(), saved.placeId(), saved.name(), summary.drill(), now));
            incidents.log(incident, "PLACE_CLOSED", "封闭场所：" + saved.name() + "，待终末消毒", user.actor());
            closed++;
        }
        return closed;
    }

    private Map<String, Long> wanted(IncidentSummary summary, CloseForm form) {
        Map<String, Long> wanted = new LinkedHashMap<>();
        List<Long> ids = form.placeIds() == null ? List.of() : form.placeIds();
        for (EstatePlaces.EstatePlace p : places.of(summary.estate())) {
            if (ids.contains(p.id())) {
                wanted.put(p.name(), p.id());
            }
        }
        if (wanted.size() < ids.stream().distinct().count()) {
            throw new InvalidInputException("emg.place.error.unknown");
        }
        if (form.account() != null) {
            Arrays.stream(form.account().split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(name -> wanted.putIfAbsent(name.length() > 100 ? name.substring(0, 100) : name, null));
        }
        return wanted;
    }

    private List<String> closedNames(long incidentId) {
        return jdbc.sql("SELECT name FROM emg_closed_place WHERE incident_id = :i AND reopened_at IS NULL").param("i", incidentId)
                .query(String.class).list();
    }

    public List<Row> of(IncidentId incident, CurrentUser user) {
        incidents.get(incident, user);
        return jdbc.sql("""
                        SELECT c.id, c.place_id, c.name, c.closed_at, c.closed_by, c.reopened_at, c.reopened_by,
                               a.id AS assessment_id, a.assessor, a.passed, a.note, a.assessed_at
                          FROM emg_closed_place c
                          LEFT JOIN LATERAL (SELECT * FROM emg_place_assessment x WHERE x.closed_place_id = c.id ORDER BY x.id DESC LIMIT 1) a ON true
                         WHERE c.incident_id = :i ORDER BY c.closed_at, c.id""")
                .param("i", incident.value())
                .query((rs, n) -> new Row(rs.getLong("id"), (Long) rs.getObject("place_id"), rs.getString("name"),
                        rs.getTimestamp("closed_at").toInstant(), rs.getString("closed_by"), instant(rs.getTimestamp("reopened_at")),
                        rs.getString("reopened_by"), (Long) rs.getObject("assessment_id"), rs.getString("assessor"),
                        (Boolean) rs.getObject("passed"), rs.getString("note"), instant(rs.getTimestamp("assessed_at")))).list();
    }

    /** Records who assessed the terminal disinfection, the result and the evidence photo. */
    @Transactional
    public long assess(long closedPlaceId, AssessmentForm form, UploadedFile photo, CurrentUser user) {
        ClosedPlace place = load(closedPlaceId, user);
        if (photo == null) {
            throw new InvalidInputException("emg.place.error.photo");
        }
        long id = jdbc.sql("""
                        INSERT INTO emg_place_assessment (closed_place_id, estate_id, assessor, passed, note, photo, photo_type,
                                                          assessed_at, created_by)
                        VALUES (:c, :e, :a, :p, :n, :photo, :type, :at, :by) RETURNING id""")
                .param("c", closedPlaceId).param("e", place.estateId()).param("a", form.assessor().strip()).param("p", form.passed())
                .param("n", form.note() == null || form.note().isBlank() ? null : form.note().strip())
                .param("photo", photo.bytes()).param("type", photo.mediaType()).param("at", Timestamp.from(clock.instant()))
                .param("by", user.actor()).query(Long.class).single();
        incidents.log(new IncidentId(place.incidentId()), "PLACE_ASSESSED", place.name() + " 终末消毒评估："
                + (form.passed() ? "合格" : "不合格") + "（评估人 " + form.assessor().strip() + "）", user.actor());
        return id;
    }

    /** Reopens the place; refused unless the newest assessment passed. */
    @Transactional
    public void reopen(long closedPlaceId, CurrentUser user) {
        ClosedPlace place = load(closedPlaceId, user);
        ClosedPlace.Assessment latest = jdbc.sql("""
                        SELECT id, passed FROM emg_place_assessment WHERE closed_place_id = :c ORDER BY id DESC LIMIT 1""")
                .param("c", closedPlaceId).query((rs, i) -> new ClosedPlace.Assessment(rs.getLong("id"), rs.getBoolean("passed")))
                .optional().orElse(null);
        place.reopen(latest, clock.instant(), user.actor());
        try {
            repository.save(place);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange("closed place", closedPlaceId);
        }
        incidents.log(new IncidentId(place.incidentId()), "PLACE_REOPENED", "场所经评估合格，重新开放：" + place.name(), user.actor());
    }

    public byte[] photo(long assessmentId, CurrentUser user) {
        return jdbc.sql("""
                        SELECT a.photo FROM emg_place_assessment a JOIN emg_closed_place c ON c.id = a.closed_place_id
                         WHERE a.id = :id AND\s""" + EstateScope.where("c.estate_id"))
                .param("id", assessmentId).param("scope", EstateScope.bind(user.scopePath()))
                .query((rs, i) -> rs.getBytes("photo")).optional().orElseThrow(() -> new NotFoundException("photo", assessmentId));
    }

    /** The incident a closure belongs to, if it lies in the caller's scope. */
    public long incidentOf(long closedPlaceId, CurrentUser user) {
        return load(closedPlaceId, user).incidentId();
    }

    private ClosedPlace load(long closedPlaceId, CurrentUser user) {
        ClosedPlace place = repository.findById(closedPlaceId).orElseThrow(() -> new NotFoundException("closed place", closedPlaceId));
        incidents.get(new IncidentId(place.incidentId()), user);
        return place;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
