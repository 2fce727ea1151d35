package com.estateguard.emergency.internal;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.emergency.IncidentLogKinds;
import com.estateguard.identity.StaffDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo emergency data (演示数据) for 阳光花园: a complete plan, a past incident ended after the CDC's
 * assessment (with its observation move, reports, one of them late, and timeline) and an ended drill with
 * its timing. The past is written with its own times, which the services (always "now") cannot do.
 */
@Component
@Order(40)
class EmergencyDemo implements DemoExtension {

    private static final CurrentUser DEMO = new CurrentUser(0, "demo", "演示数据", Role.PREVENTION_ADMIN, "R/", null, null);
    private static final String BY = DemoBase.BY;

    private final EmergencyPlans plans;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    EmergencyDemo(EmergencyPlans plans, StaffDirectory staff, JdbcClient jdbc, Clock clock, ZoneId zone) {
        this.plans = plans;
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
        cdcAndEnd(id, opened.plus(Duration.ofDays(14)), "区疾控中心 林医生", "流调、筛查、终末消毒完成，评估合格，宣布结束（演示数据）");
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
                        INSERT INTO emg_observation_move (incident_id, point_id, person_name, moved_at, moved_by, recorded_at, recorded_by)
                        VALUES (:i, :p, :n, :at, :m, :at, :by)""")
                .param("i", incident).param("p", point).param("n", person).param("at", Timestamp.from(at)).param("m", mover)
                .param("by", BY).update();
        log(incident, at, IncidentLogKinds.MOVED_TO_OBSERVATION, person + " → 临时隔离观察点 · " + mover);
    }

    private void report(long incident, String recipient, String channel, String reporter, Instant opened, int minutes) {
        Instant at = opened.plus(Duration.ofMinutes(minutes));
        Instant deadline = opened.plus(Duration.ofMinutes(EmergencyParameters.defaults().reportDeadlineMinutes()));
        jdbc.sql("""
                        INSERT INTO emg_report (incident_id, recipient, channel, reporter, reported_at, entered_at, entered_by, deadline_at, late)
                        VALUES (:i, :r, :c, :rep, :at, :at, :by, :deadline, :late)""")
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
        jdbc.sql("INSERT INTO emg_incident_log (incident_id, at, actor, kind, detail) VALUES (:i, :at, :by, :k, :d)")
                .param("i", incident).param("at", Timestamp.from(at)).param("by", BY).param("k", kind).param("d", detail).update();
    }
}
