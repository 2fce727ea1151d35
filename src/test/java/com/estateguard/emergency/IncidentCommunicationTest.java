package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.PolicyPreset;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Communication in an incident (EMG-10) over HTTP: the case notice drafted from the incident is
 * published de-identified (surname and building), a risk message naming the case or carrying a
 * phone is refused, a clean one is published on its channel, and a drill publishes nothing.
 */
@IntegrationTest
class IncidentCommunicationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    OrgDirectory org;
    @Autowired
    Incidents incidents;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    TestData.Estate estate;

    @BeforeEach
    void anEstateWithABuilding() {
        estate = data.estate(PolicyPreset.QUANZHOU_2021);
        org.createBuilding(new EstateId(estate.id()), "3号楼", "test");
    }

    private IncidentId open(boolean drill) {
        return incidents.open(new OpenIncident(new EstateId(estate.id()), drill, IncidentKind.CONFIRMED, "欧阳晓明", "13812345678", null,
                CaseSource.NEW, null, null, clock.instant().minus(Duration.ofHours(5)), "定点医院"), estate.admin().user());
    }

    @Test
    void theNoticeFromTheIncidentIsDeIdentifiedAndIdentifyingMessagesAreRefused() {
        IncidentId incident = open(false);
        var admin = estate.admin().login(port);
        String draft = admin.get("/emergency/incidents/" + incident.value() + "/communication").body();
        assertThat(draft).contains("notice-form").doesNotContain("欧阳晓明");

        var published = admin.postForm("/emergency/incidents/" + incident.value() + "/notice",
                Map.of("kind", "CONFIRMED", "building", "3号楼", "caseDate", clock.today().toString(), "note", "请3号楼住户配合筛查"));
        assertThat(published.status()).isEqualTo(302);
        String notices = estate.guard().login(port).get("/notices").body();
        assertThat(notices).contains("欧阳某", "3号楼").doesNotContain("欧阳晓明").doesNotContain("晓明");
        var row = jdbc.sql("SELECT masked_name, building FROM ntc_case_notice WHERE estate_id = :e").param("e", estate.id()).query().singleRow();
        assertThat(row).containsEntry("masked_name", "欧阳某").containsEntry("building", "3号楼");

        var naming = admin.postForm("/emergency/incidents/" + incident.value() + "/messages",
                Map.of("channel", "OWNER_GROUP", "text", "晓明已送医，请勿恐慌"));
        assertThat(naming.status()).isEqualTo(400);
        assertThat(naming.body()).contains("不能发布");
        var phone = admin.postForm("/emergency/incidents/" + incident.value() + "/messages",
                Map.of("channel", "OWNER_GROUP", "text", "有疑问请联系13812345678"));
        assertThat(phone.status()).isEqualTo(400);
        var room = admin.postForm("/emergency/incidents/" + incident.value() + "/messages",
                Map.of("channel", "NOTICE_BOARD", "text", "3-2-501 已封控"));
        assertThat(room.status()).isEqualTo(400);

        var clean = admin.postForm("/emergency/incidents/" + incident.value() + "/messages",
                Map.of("channel", "BROADCAST", "text", "请坚持戴口罩、勤洗手，不信谣不传谣，如有发热及时报告"));
        assertThat(clean.status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT note FROM ntc_publicity WHERE estate_id = :e AND channel = 'BROADCAST'").param("e", estate.id())
                .query(String.class).list()).containsExactly("请坚持戴口罩、勤洗手，不信谣不传谣，如有发热及时报告");
        assertThat(jdbc.sql("SELECT count(*) FROM ntc_publicity WHERE estate_id = :e").param("e", estate.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(incidents.timeline(incident, estate.admin().user())).extracting(IncidentLogEntry::kind)
                .contains("NOTICE_PUBLISHED", "RISK_MESSAGE");
    }

    @Test
    void aDrillPublishesNoNotice() {
        IncidentId drill = open(true);
        var admin = estate.admin().login(port);
        admin.get("/emergency/incidents/" + drill.value() + "/communication");
        var refused = admin.postForm("/emergency/incidents/" + drill.value() + "/notice",
                Map.of("kind", "CONFIRMED", "building", "3号楼", "caseDate", clock.today().toString(), "note", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("演练不发布");
        assertThat(jdbc.sql("SELECT count(*) FROM ntc_case_notice WHERE estate_id = :e").param("e", estate.id()).query(Long.class).single())
                .isZero();
    }
}
