package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.NotFoundException;
import com.estateguard.emergency.internal.EndWithoutCdcAssessment;
import com.estateguard.emergency.internal.IncidentSteps;
import com.estateguard.emergency.internal.StepForms;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The facade other modules build on: open, read in scope, log to the timeline, list open ones. */
@IntegrationTest
@RecordApplicationEvents
class IncidentsTest {

    @Autowired
    Incidents incidents;
    @Autowired
    TestData data;
    @Autowired
    TestClock clock;
    @Autowired
    ApplicationEvents events;
    @Autowired
    IncidentSteps steps;
    @Autowired
    java.util.List<com.estateguard.dailyreport.ReportSection> sections;
    @Autowired
    com.estateguard.org.OrgDirectory directory;

    @Test
    void anOpenedIncidentIsReadInScopeAndLogsItsSteps() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var other = data.estate(PolicyPreset.QUANZHOU_2021);
        var id = incidents.open(new OpenIncident(new EstateId(estate.id()), false, IncidentKind.SUSPECTED, "张三", "13800000000",
                null, CaseSource.NEW, null, clock.instant().minus(Duration.ofHours(3)), null, "3号楼2单元"), estate.admin().user());

        assertThat(events.stream(IncidentOpened.class)).extracting(IncidentOpened::incident).containsExactly(id);
        var summary = incidents.get(id, estate.admin().user());
        assertThat(summary.caseName()).isEqualTo("张三");
        assertThat(summary.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(summary.estate()).isEqualTo(new EstateId(estate.id()));
        assertThat(incidents.openIn(new EstateId(estate.id()))).extracting(IncidentSummary::id).containsExactly(id);
        assertThatThrownBy(() -> incidents.get(id, other.admin().user())).isInstanceOf(NotFoundException.class);

        incidents.log(id, IncidentLogKinds.LOCKDOWN_STARTED, "封闭小区", "lockdown");
        assertThat(incidents.timeline(id, estate.admin().user())).extracting(IncidentLogEntry::kind)
                .containsExactly(IncidentLogKinds.OPENED, IncidentLogKinds.LOCKDOWN_STARTED);
    }

    @Test
    void theEndNeedsTheCdcsAssessmentAndIsAnnounced() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var admin = estate.admin().user();
        var id = incidents.open(new OpenIncident(new EstateId(estate.id()), true, IncidentKind.CONFIRMED, "李四", null, null,
                CaseSource.NEW, null, null, clock.instant(), null), admin);

        assertThatThrownBy(() -> steps.end(id, admin)).isInstanceOf(EndWithoutCdcAssessment.class);
        assertThat(events.stream(IncidentEnded.class)).isEmpty();

        steps.recordCdcAssessment(id, new StepForms.CdcAssessment("区疾控中心 陈医生", "评估合格", null), admin);
        steps.end(id, admin);
        assertThat(events.stream(IncidentEnded.class)).extracting(IncidentEnded::incident, IncidentEnded::drill)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, true));
        assertThat(incidents.get(id, admin).status()).isEqualTo(IncidentStatus.ENDED);
        assertThat(incidents.openIn(new EstateId(estate.id()))).isEmpty();
    }

    @Test
    void theDailyReportCountsOpenRealIncidentsNeverDrills() {
        var estate = data.estate(PolicyPreset.QUANZHOU_2021);
        var admin = estate.admin().user();
        for (boolean drill : new boolean[] {true, false, true}) {
            incidents.open(new OpenIncident(new EstateId(estate.id()), drill, IncidentKind.SYMPTOMATIC, "周九", null, null,
                    CaseSource.NEW, null, null, null, null), admin);
        }
        var section = sections.stream().filter(s -> s.titleKey().equals("report.section.emergency")).findFirst().orElseThrow();
        var lines = section.lines(directory.estate(new EstateId(estate.id()), "R/").orElseThrow(), clock.today());
        assertThat(lines).extracting(l -> l.labelKey() + "=" + l.value().intValue())
                .containsExactly("report.emg.open=1", "report.emg.opened=1", "report.emg.lateReports=0");
    }
}
