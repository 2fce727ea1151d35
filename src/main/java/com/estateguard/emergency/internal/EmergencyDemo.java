package com.estateguard.emergency.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.emergency.IncidentLogKinds;
import com.estateguard.emergency.EstatePlaces;
import com.estateguard.emergency.internal.contacts.ProtocolEdition;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.org.EstateId;
import com.estateguard.residents.ResidentDirectory;
import com.estateguard.residents.ResidentDirectory.RegisteredPerson;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo emergency data (演示数据) for 阳光花园: a complete plan, a past incident ended after the CDC's
 * assessment (with its observation move, reports, one of them late, its contacts confirmed with their
 * tiers and one dismissed, a screening round with results, a place closed and reopened after a passing
 * assessment, and the timeline) and an ended drill with its timing. The past is written with its own
 * times, which the services (always "now") cannot do; the people are the register's own demo residents.
 */
@Component
@Order(40)
class EmergencyDemo implements DemoExtension {

    private static final CurrentUser DEMO = new CurrentUser(0, "demo", "演示数据", Role.PREVENTION_ADMIN, "R/", null, null);
    private static final String BY = DemoBase.BY;
    /** A 1x1 grey PNG standing for the assessment's photo. */
    private static final byte[] PHOTO = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    private final EmergencyPlans plans;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final ResidentDirectory register;
    private final EstatePlaces places;

    EmergencyDemo(EmergencyPlans plans, StaffDirectory staff, JdbcClient jdbc, Clock clock, ZoneId zone, ResidentDirectory register,
                  EstatePlaces places) {
        this.plans = plans;
        this.register = register;
        this.places = places;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
        long sunny = base.estates().get(0);
        long point = plan(sunny);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        pastIncident(sunny, point, today.minusDays(30).atTime(9, 12).atZone(zone).toInstant());
        drill(sunny, point, today.minusDays(6).atTime(15, 0).atZone(zone).toInstant());
    }

    private long plan(long estate) {
        staff.byUsername("manager").ifPresent(m -> plans.assign(estate, new PlanForms.Assignment(PlanRole.LEADER, m.id(), null, "13900000001"), DEMO));
        String[][] posts = {{"REPORTING", "赵静", "13900000002"}, {"GATE", "张强", "13900000003"}, {"OBSERVATION", "刘洋", "13900000004"},
                {"CDC_GUIDE", "王建国", "13900000005"}, {"DISINFECTION", "孙秀英", "13900000006"}, {"SUPPLIES", "钱芳", "13900000007"},
                {"COMMUNICATION", "周敏", "13900000008"}};
        for (String[] post : posts) {
            plans.assign(estate, new PlanForms.Assignment(PlanRole.valueOf(post[0]), null, post[1], post[2]), DEMO);
        }
        plans.saveContacts(estate, new PlanForms.Contacts("北门消防通道（急救车辆专用，禁止停车）；南门东侧应急通道",
                "0571-88000001", "0571-88000002", "0571-88000003", "0571-88000004"), DEMO);
        return plans.addPoint(estate, new PlanForms.ObservationPoint("临时隔离观察点（物业楼一层东侧）", "物业服务中心一层东侧，独立出入口", 3), DEMO);
    }

    /** A suspected case 30 days ago: moved, reported (the housing report late), CDC in, assessed after 14 days, ended. */
    private void pastIncident(long estate, long point, Instant opened) {
        long id = incident(estate, false, "SYMPTOMATIC", "演示·陈某", opened, opened.plus(Duration.ofDays(14)));
        move(id, point, "演示·陈某", opened.plus(Duration.ofMinutes(6)), "刘洋");
        report(id, "COMMUNITY", "PHONE", "赵静", opened, 8);
        report(id, "HEALTH", "PHONE", "赵静", opened, 15);
        report(id, "CDC", "PHONE", "赵静", opened, 18);
        report(id, "HOUSING", "DOCUMENT", "赵静", opened, 150);
        log(id, opened.plus(Duration.ofMinutes(45)), IncidentLogKinds.CDC_GUIDED_IN, "区疾控中心流调组 2 人 · 王建国");
        log(id, opened.plus(Duration.ofHours(5)), IncidentLogKinds.NOTE, "核酸结果阴性，居家健康监测（演示数据）");
        contacts(id, estate, opened);
        screening(id, estate, opened.plus(Duration.ofDays(1)));
        closedPlaces(id, estate, opened.plus(Duration.ofHours(2)));
        cdcAndEnd(id, opened.plus(Duration.ofDays(14)), "区疾控中心 林医生", "流调、筛查、终末消毒完成，评估合格，宣布结束（演示数据）");
    }

    /**
     * The contacts of the past incident under the 9th edition, from the register's demo residents: a
     * close contact of the household and a neighbour's general contact, both released after their
     * negative tests; contacts of the close contact (密接的密接: their housemate and a visitor) released
     * after the close contact's first two negatives; a neighbour dismissed.
     */
    private void contacts(long incident, long estate, Instant opened) {
        long protocol = jdbc.sql("SELECT id FROM emg_contact_protocol WHERE edition = :e AND based_on_id IS NULL ORDER BY id LIMIT 1")
                .param("e", ProtocolEdition.NINTH.name()).query(Long.class).single();
        Instant listed = opened.plus(Duration.ofMinutes(52));
        jdbc.sql("""
                        INSERT INTO emg_contact_tracing (incident_id, estate_id, protocol_id, listed_at, listed_by)
                        VALUES (:i, :e, :p, :at, 'admin')""")
                .param("i", incident).param("e", estate).param("p", protocol).param("at", Timestamp.from(listed)).update();
        log(incident, opened.plus(Duration.ofMinutes(1)), "CONTACT_PROTOCOL", "#" + protocol + " 新型冠状病毒肺炎防控方案（第九版）");
        log(incident, listed, IncidentLogKinds.CONTACTS_LISTED, "4 candidates under #" + protocol + " 新型冠状病毒肺炎防控方案（第九版）（演示数据）");
        List<RegisteredPerson> people = register.people(new EstateId(estate));
        if (people.size() < 4) {
            return;
        }
        LocalDate dayOne = opened.atZone(zone).toLocalDate();
        Instant decided = opened.plus(Duration.ofMinutes(70));
        Instant released = dayOne.plusDays(10).atTime(10, 0).atZone(zone).toInstant();
        RegisteredPerson household = people.get(0);
        List<RegisteredPerson> sameUnit = people.stream().filter(p -> p.building().equals(household.building())
                && p.unit().equals(household.unit()) && !p.room().equals(household.room())).toList();
        RegisteredPerson neighbour = sameUnit.isEmpty() ? people.get(1) : sameUnit.get(0);
        RegisteredPerson dismissed = sameUnit.size() > 1 ? sameUnit.get(sameUnit.size() - 1)
                : people.stream().filter(p -> p.id() != household.id() && p.id() != neighbour.id()).findFirst().orElseThrow();
        long close = contact(incident, null, household, "HOUSEHOLD res_household 演示·陈某同户 " + home(household), "CLOSE", protocol,
                decided, dayOne, released);
        for (int day : new int[] {1, 2, 3, 5, 7, 10}) {
            nat(close, dayOne.plusDays(day - 1L));
        }
        long general = contact(incident, null, neighbour, "NEIGHBOUR res_household " + home(neighbour) + "（同单元，与演示·陈某同一楼梯间）", "GENERAL",
                protocol, decided.plus(Duration.ofMinutes(3)), dayOne, dayOne.plusDays(3).atTime(10, 0).atZone(zone).toInstant());
        nat(general, dayOne);
        nat(general, dayOne.plusDays(2));
        contact(incident, null, dismissed, "NEIGHBOUR res_household " + home(dismissed) + "（同单元；出差在外，经核实未接触）", null, protocol,
                decided.plus(Duration.ofMinutes(5)), null, null);
        long secondary = jdbc.sql("""
                        INSERT INTO emg_contact (incident_id, estate_id, parent_id, identity, person_name, id_masked, phone, reasons,
                                                 decision, tier, protocol_id, decided_at, decided_by, day_one, status, status_at,
                                                 status_by)
                        VALUES (:i, :e, :parent, 'name:演示·访客李某', '演示·访客李某', NULL, '13800000009',
                                'VISITOR_HOSTED res_visit 演示·陈某同户接待的访客', 'CONFIRMED', 'SECONDARY', :p, :at, 'admin', :day,
                                'RELEASED', :released, 'admin') RETURNING id""")
                .param("i", incident).param("e", estate).param("parent", close).param("p", protocol)
                .param("at", Timestamp.from(decided.plus(Duration.ofHours(3))))
                .param("day", dayOne).param("released", Timestamp.from(dayOne.plusDays(7).atTime(10, 0).atZone(zone).toInstant()))
                .query(Long.class).single();
        for (int day : new int[] {1, 4, 7}) {
            nat(secondary, dayOne.plusDays(day - 1L));
        }
        people.stream().filter(p -> p.id() != household.id() && p.building().equals(household.building())
                && p.unit().equals(household.unit()) && p.room().equals(household.room())).findFirst().ifPresent(housemate -> {
                    long theirs = contact(incident, close, housemate, "HOUSEHOLD res_household " + household.name() + "同户 " + home(housemate),
                            "SECONDARY", protocol, decided.plus(Duration.ofHours(2)), dayOne,
                            dayOne.plusDays(7).atTime(10, 0).atZone(zone).toInstant());
                    for (int day : new int[] {1, 4, 7}) {
                        nat(theirs, dayOne.plusDays(day - 1L));
                    }
                    log(incident, decided.plus(Duration.ofHours(2)), "CONTACT_CONFIRMED",
                            housemate.name() + " SECONDARY（第九版）（演示数据）");
                });
        log(incident, decided, "CONTACT_CONFIRMED", household.name() + " CLOSE（第九版）（演示数据）");
        log(incident, decided.plus(Duration.ofMinutes(3)), "CONTACT_CONFIRMED", neighbour.name() + " GENERAL（第九版）（演示数据）");
        log(incident, decided.plus(Duration.ofMinutes(5)), "CONTACT_DISMISSED", dismissed.name() + "（演示数据）");
        log(incident, decided.plus(Duration.ofHours(3)), "CONTACT_CONFIRMED", "演示·访客李某 SECONDARY（第九版）（演示数据）");
        log(incident, released, "CONTACT_RELEASED", household.name() + " CLOSE（第九版）（演示数据）");
    }

    private long contact(long incident, Long parent, RegisteredPerson who, String reasons, String tier, long protocol, Instant at,
                         LocalDate dayOne, Instant releasedAt) {
        return jdbc.sql("""
                        INSERT INTO emg_contact (incident_id, estate_id, parent_id, identity, person_name, person_key, resident_id,
                                                 id_masked, reasons, decision, tier, protocol_id, decided_at, decided_by, day_one, status,
                                                 status_at, status_by)
                        VALUES (:i, (SELECT estate_id FROM emg_incident WHERE id = :i), :parent, :identity, :name, :key, :resident,
                                :masked, :reasons, :decision, :tier, :p, :at, 'admin', :day, :status, :statusAt, :statusBy) RETURNING id""")
                .param("i", incident).param("parent", parent)
                .param("identity", who.personKey() != null ? "key:" + who.personKey() : "resident:" + who.id())
                .param("name", who.name()).param("key", who.personKey()).param("resident", who.id()).param("masked", who.idMasked())
                .param("reasons", reasons).param("decision", tier == null ? "DISMISSED" : "CONFIRMED").param("tier", tier)
                .param("p", protocol).param("at", Timestamp.from(at)).param("day", dayOne)
                .param("status", tier == null ? null : "RELEASED")
                .param("statusAt", releasedAt == null ? null : Timestamp.from(releasedAt)).param("statusBy", tier == null ? null : "admin")
                .query(Long.class).single();
    }

    private void nat(long contact, LocalDate day) {
        jdbc.sql("""
                        INSERT INTO emg_contact_nat (contact_id, estate_id, sampled_on, positive, recorded_at, recorded_by)
                        VALUES (:c, (SELECT estate_id FROM emg_contact WHERE id = :c), :d, false, :at, :by)""")
                .param("c", contact).param("d", day).param("at", Timestamp.from(day.atTime(18, 0).atZone(zone).toInstant()))
                .param("by", BY).update();
    }

    private static String home(RegisteredPerson p) {
        return p.building() + "-" + p.unit() + "-" + p.room();
    }

    /** Round 1 the day after: most of the register sampled singly, two in one pool, a few left untested. */
    private void screening(long incident, long estate, Instant starts) {
        Instant ends = starts.plus(Duration.ofHours(8));
        long round = jdbc.sql("""
                        INSERT INTO emg_screening_round (incident_id, estate_id, number, starts_at, ends_at, created_at, created_by)
                        VALUES (:i, :e, 1, :from, :to, :from, 'admin') RETURNING id""")
                .param("i", incident).param("e", estate).param("from", Timestamp.from(starts)).param("to", Timestamp.from(ends))
                .query(Long.class).single();
        log(incident, starts, "SCREENING_ROUND", "第1轮核酸筛查（演示数据）");
        List<RegisteredPerson> people = register.people(new EstateId(estate));
        List<RegisteredPerson> sampled = new ArrayList<>(people.subList(Math.min(3, people.size()), Math.max(3, people.size() - 2)));
        for (int n = 0; n < sampled.size(); n++) {
            Instant at = starts.plus(Duration.ofMinutes(10L + n * 3L));
            if (n == 0 && sampled.size() > 1) {
                sample(round, estate, "HG-001", true, at, List.of(sampled.get(0).id(), sampled.get(1).id()));
                n++;
                continue;
            }
            sample(round, estate, String.format("DC-%03d", n + 1), false, at, List.of(sampled.get(n).id()));
        }
    }

    private void sample(long round, long estate, String code, boolean pooled, Instant at, List<Long> members) {
        long sample = jdbc.sql("""
                        INSERT INTO emg_screening_sample (round_id, estate_id, code, pooled, result, sampled_at, created_at, created_by)
                        VALUES (:r, :e, :code, :pooled, 'NEGATIVE', :at, :at, 'admin') RETURNING id""")
                .param("r", round).param("e", estate).param("code", code).param("pooled", pooled).param("at", Timestamp.from(at))
                .query(Long.class).single();
        for (long member : members) {
            jdbc.sql("INSERT INTO emg_screening_sample_member (sample_id, estate_id, person_ref) VALUES (:s, :e, :m)")
                    .param("s", sample).param("e", estate).param("m", "R" + member).update();
        }
    }

    /** The lobby the case passed, closed two hours in and reopened after a passing assessment, with its photo. */
    private void closedPlaces(long incident, long estate, Instant closed) {
        var place = places.of(new EstateId(estate)).stream().findFirst();
        String name = place.map(EstatePlaces.EstatePlace::name).orElse("5号楼大堂");
        Instant assessed = closed.plus(Duration.ofDays(1));
        long id = jdbc.sql("""
                        INSERT INTO emg_closed_place (incident_id, estate_id, place_id, name, closed_at, closed_by, reopened_at, reopened_by)
                        VALUES (:i, :e, :place, :name, :at, 'admin', :reopened, 'admin') RETURNING id""")
                .param("i", incident).param("e", estate).param("place", place.map(EstatePlaces.EstatePlace::id).orElse(null))
                .param("name", name).param("at", Timestamp.from(closed)).param("reopened", Timestamp.from(assessed.plus(Duration.ofHours(1))))
                .query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO emg_place_assessment (closed_place_id, estate_id, assessor, passed, note, photo, photo_type,
                                                          assessed_at, created_by)
                        VALUES (:c, :e, '区疾控中心 林医生', true, '终末消毒后采样评估合格（演示数据）', :photo, 'image/png', :at, 'admin')""")
                .param("c", id).param("e", estate).param("photo", PHOTO).param("at", Timestamp.from(assessed)).update();
        log(incident, closed, "PLACE_CLOSED", "封闭场所：" + name + "，待终末消毒");
        log(incident, assessed, "PLACE_ASSESSED", name + " 终末消毒评估：合格 · 区疾控中心 林医生");
        log(incident, assessed.plus(Duration.ofHours(1)), "PLACE_REOPENED", "场所经评估合格，重新开放：" + name);
    }

    /** A tabletop drill 6 days ago with its timing: lockdown at 9 min, first report at 4, contacts list at 55. */
    private void drill(long estate, long point, Instant opened) {
        long id = incident(estate, true, "CONFIRMED", "演示·演练人员", opened, opened.plus(Duration.ofHours(2)));
        report(id, "COMMUNITY", "PHONE", "赵静", opened, 4);
        move(id, point, "演示·演练人员", opened.plus(Duration.ofMinutes(7)), "刘洋");
        log(id, opened.plus(Duration.ofMinutes(9)), IncidentLogKinds.LOCKDOWN_STARTED, "演练：封闭小区（桌面推演）");
        report(id, "CDC", "PHONE", "赵静", opened, 12);
        log(id, opened.plus(Duration.ofMinutes(55)), IncidentLogKinds.CONTACTS_LISTED, "演练：密接名单 6 人");
        cdcAndEnd(id, opened.plus(Duration.ofHours(2)), "区疾控中心 林医生（演练评估）", "演练流程完整，报告及时（演示数据）");
    }

    private long incident(long estate, boolean drill, String kind, String name, Instant opened, Instant ended) {
        long id = jdbc.sql("""
                        INSERT INTO emg_incident (estate_id, drill, kind, case_name, case_phone, source, onset_at, location_now, status,
                                                  opened_at, opened_by, ended_at, ended_by)
                        VALUES (:e, :drill, :kind, :name, '13800000000', 'NEW', :onset, '5号楼1单元', 'ENDED', :opened, 'admin', :ended, 'manager')
                        RETURNING id""")
                .param("e", estate).param("drill", drill).param("kind", kind).param("name", name)
                .param("onset", Timestamp.from(opened.minus(Duration.ofHours(3)))).param("opened", Timestamp.from(opened))
                .param("ended", Timestamp.from(ended)).query(Long.class).single();
        log(id, opened, IncidentLogKinds.OPENED, "演示数据" + (drill ? "（演练）" : ""));
        return id;
    }

    private void move(long incident, long point, String person, Instant at, String mover) {
        jdbc.sql("""
                        INSERT INTO emg_observation_move (incident_id, estate_id, point_id, person_name, moved_at, moved_by, recorded_at,
                                                          recorded_by)
                        VALUES (:i, (SELECT estate_id FROM emg_incident WHERE id = :i), :p, :n, :at, :m, :at, :by)""")
                .param("i", incident).param("p", point).param("n", person).param("at", Timestamp.from(at)).param("m", mover)
                .param("by", BY).update();
        log(incident, at, IncidentLogKinds.MOVED_TO_OBSERVATION, person + " → 临时隔离观察点 · " + mover);
    }

    private void report(long incident, String recipient, String channel, String reporter, Instant opened, int minutes) {
        Instant at = opened.plus(Duration.ofMinutes(minutes));
        Instant deadline = opened.plus(Duration.ofMinutes(EmergencyParameters.defaults().reportDeadlineMinutes()));
        jdbc.sql("""
                        INSERT INTO emg_report (incident_id, estate_id, recipient, channel, reporter, reported_at, entered_at, entered_by,
                                                deadline_at, late)
                        VALUES (:i, (SELECT estate_id FROM emg_incident WHERE id = :i), :r, :c, :rep, :at, :at, :by, :deadline, :late)""")
                .param("i", incident).param("r", recipient).param("c", channel).param("rep", reporter).param("at", Timestamp.from(at))
                .param("by", BY).param("deadline", Timestamp.from(deadline)).param("late", at.isAfter(deadline)).update();
        String to = switch (recipient) {
            case "COMMUNITY" -> "属地街道社区";
            case "HOUSING" -> "住建部门";
            case "HEALTH" -> "卫健部门";
            default -> "疾控中心";
        };
        log(incident, at, IncidentLogKinds.REPORTED, to + " · " + reporter + (at.isAfter(deadline) ? " · 逾期" : ""));
    }

    private void cdcAndEnd(long incident, Instant at, String assessor, String result) {
        jdbc.sql("UPDATE emg_incident SET cdc_assessed_at = :at, cdc_assessor = :a, cdc_result = :r, cdc_recorded_by = 'admin' WHERE id = :i")
                .param("at", Timestamp.from(at.minus(Duration.ofMinutes(30)))).param("a", assessor).param("r", result).param("i", incident)
                .update();
        log(incident, at.minus(Duration.ofMinutes(30)), IncidentLogKinds.CDC_ASSESSED, assessor + " · " + result);
        log(incident, at, IncidentLogKinds.ENDED, null);
    }

    private void log(long incident, Instant at, String kind, String detail) {
        jdbc.sql("""
                        INSERT INTO emg_incident_log (incident_id, estate_id, at, actor, kind, detail)
                        VALUES (:i, (SELECT estate_id FROM emg_incident WHERE id = :i), :at, :by, :k, :d)""")
                .param("i", incident).param("at", Timestamp.from(at)).param("by", BY).param("k", kind).param("d", detail).update();
    }
}
