package com.estateguard.residents.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.InvalidInputException;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.UploadedFile;
import com.estateguard.healthdata.PersonKeys;
import com.estateguard.org.EstateScope;
import com.estateguard.policy.Policies;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returnees (RES-02): the observation end is the arrival date plus the policy's observation days
 * (14 in 002); daily health entries; the handover list for the community; refusals with a photo.
 * A return also keeps a resident's pass from being issued (see {@link PassEligibility}).
 */
@Service
@Transactional(readOnly = true)
public class Returnees {

    public record Returnee(long id, long estateId, String personName, String idMasked, String phone, String address,
                           String fromPlace, boolean riskArea, LocalDate arrivalDate, LocalDate observationEnd,
                           String registeredAt, int entries, LocalDate lastEntry, BigDecimal lastTemperature,
                           Boolean lastSymptoms) {
    }

    public record Refusal(long id, String personName, String note, boolean hasPhoto, Instant createdAt, String createdBy) {
    }

    private static final String SELECT = """
            SELECT r.id, r.estate_id, r.person_name, r.id_masked, r.phone, r.address, r.from_place, r.risk_area, r.arrival_date,
                   r.observation_end, r.registered_at,
                   (SELECT count(*) FROM res_return_health h WHERE h.return_id = r.id) AS entries,
                   l.day AS last_entry, l.temperature AS last_temperature, l.symptoms AS last_symptoms
              FROM res_return r
              LEFT JOIN LATERAL (SELECT day, temperature, symptoms FROM res_return_health h WHERE h.return_id = r.id
                                  ORDER BY day DESC LIMIT 1) l ON true
            """;

    private final JdbcClient jdbc;
    private final ResidentRegister register;
    private final PersonKeys keys;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;

    Returnees(JdbcClient jdbc, ResidentRegister register, PersonKeys keys, Policies policies, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.register = register;
        this.keys = keys;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public long register(long estateId, ReturnForm form, boolean atGate, CurrentUser by) {
        var estate = register.estateInScope(estateId, by);
        if (!IdNumber.valid(form.idNumber())) {
            throw new InvalidInputException("residents.error.idInvalid");
        }
        if (form.arrivalDate().isAfter(today()) || form.arrivalDate().isBefore(today().minusDays(60))) {
            throw new InvalidInputException("return.error.arrival");
        }
        int days = policies.inForce(estate.regionPath(), clock.instant()).parameters().observationDays();
        return jdbc.sql("""
                        INSERT INTO res_return (estate_id, person_key, person_name, id_masked, phone, address, from_place, risk_area,
                                                arrival_date, observation_end, registered_at, created_by)
                        VALUES (:e, :k, :n, :m, :ph, :a, :f, :risk, :arr, :end, :at, :by) RETURNING id""")
                .param("e", estateId).param("k", keys.keyOf(form.idNumber())).param("n", form.name().trim())
                .param("m", IdNumber.mask(form.idNumber())).param("ph", form.phone() == null ? "" : form.phone().trim())
                .param("a", form.address().trim()).param("f", form.fromPlace().trim()).param("risk", Boolean.TRUE.equals(form.riskArea()))
                .param("arr", form.arrivalDate()).param("end", form.arrivalDate().plusDays(days))
                .param("at", atGate ? "GATE" : "SELF_SERVICE").param("by", by.actor()).query(Long.class).single();
    }

    /** One day's temperature and symptoms; a second entry for the same day is refused. */
    @Transactional
    public void dailyEntry(long returnId, BigDecimal temperature, boolean symptoms, String note, CurrentUser by) {
        Returnee returnee = byId(returnId, by);
        if (temperature == null || temperature.compareTo(new BigDecimal("34")) < 0 || temperature.compareTo(new BigDecimal("42.5")) > 0) {
            throw new InvalidInputException("return.error.temperature");
        }
        int n = jdbc.sql("""
                        INSERT INTO res_return_health (return_id, estate_id, day, temperature, symptoms, note, created_by)
                        VALUES (:r, :e, :d, :t, :s, :note, :by) ON CONFLICT (return_id, day, estate_id) DO NOTHING""")
                .param("r", returnId).param("e", returnee.estateId()).param("d", today()).param("t", temperature).param("s", symptoms)
                .param("note", note == null ? "" : note.trim()).param("by", by.actor()).update();
        if (n == 0) {
            throw new InvalidInputException("return.error.entryExists");
        }
    }

    public Returnee byId(long id, CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND " + EstateScope.where("r.estate_id")).param("id", id)
                .param("scope", EstateScope.bind(me.scopePath())).query(Returnee.class).optional()
                .orElseThrow(() -> new NotFoundException("returnee", id));
    }

    /** The handover list for the community: everyone still under observation today. */
    public List<Returnee> underObservation(Long estateId, CurrentUser me) {
        return jdbc.sql(SELECT + " WHERE " + EstateScope.where("r.estate_id")
                        + " AND (cast(:estate AS bigint) IS NULL OR r.estate_id = :estate) AND r.observation_end >= :today"
                        + " ORDER BY r.observation_end, r.id")
                .param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId).param("today", today())
                .query(Returnee.class).list();
    }

    @Transactional
    public long refusal(long estateId, String personName, String note, UploadedFile photo, CurrentUser by) {
        register.estateInScope(estateId, by);
        if (personName == null || personName.isBlank() || note == null || note.isBlank()) {
            throw new InvalidInputException("visit.error.reportIncomplete");
        }
        return jdbc.sql("""
                        INSERT INTO res_return_refusal (estate_id, person_name, note, photo, photo_type, created_at, created_by)
                        VALUES (:e, :n, :note, :p, :t, :at, :by) RETURNING id""")
                .param("at", Timestamp.from(clock.instant()))   // the retention purge keeps it by this day
                .param("e", estateId).param("n", personName.trim()).param("note", note.trim())
                .param("p", photo == null ? null : photo.bytes()).param("t", photo == null ? null : photo.mediaType())
                .param("by", by.actor()).query(Long.class).single();
    }

    public List<Refusal> refusals(Long estateId, CurrentUser me) {
        return jdbc.sql("""
                        SELECT id, person_name, note, photo IS NOT NULL AS has_photo, created_at, created_by FROM res_return_refusal
                         WHERE\s""" + EstateScope.where("estate_id")
                        + " AND (cast(:estate AS bigint) IS NULL OR estate_id = :estate) ORDER BY id DESC LIMIT 50")
                .param("scope", EstateScope.bind(me.scopePath())).param("estate", estateId).query(Refusal.class).list();
    }

    /** The photo of a refusal as stored, in scope only; its type is read from the bytes when served ({@code Uploads.serve}). */
    public byte[] photo(long refusalId, CurrentUser me) {
        return jdbc.sql("SELECT photo FROM res_return_refusal WHERE id = :id AND photo IS NOT NULL AND "
                        + EstateScope.where("estate_id")).param("id", refusalId).param("scope", EstateScope.bind(me.scopePath()))
                .query((rs, i) -> rs.getBytes(1)).optional()
                .orElseThrow(() -> new NotFoundException("photo", refusalId));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
