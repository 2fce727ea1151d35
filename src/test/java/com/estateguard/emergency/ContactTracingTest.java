package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.internal.visitors.VisitForm;
import com.estateguard.access.internal.visitors.Visitors;
import com.estateguard.emergency.internal.contacts.ProtocolEdition;
import com.estateguard.emergency.internal.contacts.ProtocolVersion;
import com.estateguard.emergency.internal.contacts.ProtocolVersions;
import com.estateguard.common.Role;
import com.estateguard.org.EstateId;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * EMG-06/07 over HTTP: a case in the estate's register, their household, neighbours above, below
 * and on the same floor, people through the same gate within minutes, a visitor they hosted; the
 * investigator confirms, dismisses, assigns tiers; a positive close contact upgrades their contacts
 * of contacts; changing the protocol version re-computes the periods; another estate is refused;
 * every view is audited.
 */
@IntegrationTest
class ContactTracingTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    Visitors visitors;
    @Autowired
    Incidents incidents;
    @Autowired
    ProtocolVersions protocols;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    TestData.Estate estate;
    ResidentsTestData.Resident patient;
    ResidentsTestData.Resident spouse;
    ResidentsTestData.Resident sameFloor;
    IncidentId incident;
    TestClient admin;
    String passerBy;
    String lateWalker;
    String spousesPasserBy;

    @BeforeEach
    void aCaseWithPeopleAroundThem() {
        estate = data.estate(PolicyPreset.BEIJING_2022);
        patient = residents.resident(estate, "3", "1", "502", "病例甲");
        spouse = residents.resident(estate, "3", "1", "502", "同户乙");
        residents.resident(estate, "3", "1", "602", "楼上丙");
        residents.resident(estate, "3", "1", "402", "楼下丁");
        sameFloor = residents.resident(estate, "3", "1", "501", "同层戊");
        residents.resident(estate, "3", "1", "902", "远层己");
        residents.resident(estate, "3", "2", "502", "他单元庚");
        Instant now = clock.instant();
        passerBy = "路人" + UUID.randomUUID().toString().substring(0, 4);
        lateWalker = "晚到" + UUID.randomUUID().toString().substring(0, 4);
        spousesPasserBy = "乙旁" + UUID.randomUUID().toString().substring(0, 4);
        check(now.minus(Duration.ofHours(30)), "OUT", "病例甲", patient.idNumber(), "RESIDENT");
        check(now.minus(Duration.ofHours(26)), "IN", "病例甲", patient.idNumber(), "RESIDENT");
        check(now.minus(Duration.ofHours(26)).plus(Duration.ofMinutes(3)), "OUT", passerBy, Fixtures.newIdNumber(), "VISITOR");
        check(now.minus(Duration.ofHours(26)).plus(Duration.ofMinutes(20)), "IN", lateWalker, Fixtures.newIdNumber(), "VISITOR");
        check(now.minus(Duration.ofHours(10)), "IN", "同户乙", spouse.idNumber(), "RESIDENT");
        check(now.minus(Duration.ofHours(10)).plus(Duration.ofMinutes(2)), "IN", spousesPasserBy, Fixtures.newIdNumber(), "VISITOR");
        clock.set(now);
        visitors.register(estate.id(), new VisitForm("病例甲", "3栋1单元502", "访客辛", Fixtures.newIdNumber(), "", clock.today(),
                "", "", "", false, null), true, estate.admin().user());
        incident = incidents.open(new OpenIncident(new EstateId(estate.id()), false, IncidentKind.CONFIRMED, "病例甲", null,
                patient.idNumber(), CaseSource.REGISTER, String.valueOf(patient.id()), now.minus(Duration.ofHours(1)), null, "家中"),
                estate.admin().user());
        admin = estate.admin().login(port);
        admin.get(path(""));
        admin.postForm(path("/protocol"), Map.of("protocolId", String.valueOf(preset(ProtocolEdition.NINTH))));
    }

    @Test
    void eachCandidateComesWithTheRuleAndTheRecordBehindIt() {
        Map<String, List<String>> rules = candidates(admin);

        assertThat(rules.get("同户乙")).containsExactly("HOUSEHOLD");
        assertThat(rules.get("楼上丙")).containsExactly("NEIGHBOUR");
        assertThat(rules.get("楼下丁")).containsExactly("NEIGHBOUR");
        assertThat(rules.get("同层戊")).containsExactly("NEIGHBOUR");
        assertThat(rules.get(passerBy)).containsExactly("SAME_ENTRANCE");
        assertThat(rules.get("访客辛")).containsExactly("VISITOR_HOSTED");
        assertThat(rules).doesNotContainKeys("远层己", "他单元庚", lateWalker, "病例甲", spousesPasserBy);
        assertThat(admin.get(path("/candidates.json")).body()).contains("access_check#").contains("res_household#").contains("res_visit#");
    }

    @Test
    void theTimelineListsThePassagesAndTheTimeOutside() throws Exception {
        JsonNode timeline = json.readTree(admin.get(path("/timeline.json")).body());
        List<String> kinds = new ArrayList<>();
        timeline.get("entries").forEach(e -> kinds.add(e.get("kind").asString()));
        assertThat(kinds).contains("PASSAGE_OUT", "PASSAGE_IN", "VISIT");
        assertThat(timeline.get("gaps")).hasSize(1);
        assertThat(timeline.get("gaps").get(0).get("minutes").asLong()).as("out 30 h ago, back 26 h ago").isBetween(239L, 240L);
    }

    @Test
    void theInvestigatorConfirmsAndDismissesEachDecisionCitingTheProtocolVersion() throws Exception {
        assertThat(admin.get("/emergency/incidents/" + incident.value()).body()).contains(path(""));
        String page = admin.get(path("")).body();
        assertThat(page).contains("同户乙").contains("同单元同层或上下层").contains("contact-tree.js");

        assertThat(decide(null, "同户乙", "CLOSE").status()).isEqualTo(302);
        assertThat(decide(null, "远层己", "CLOSE").status()).isEqualTo(404);
        assertThat(decide(null, "楼上丙", "").status()).isEqualTo(302);
        assertThat(decide(null, "楼上丙", "GENERAL").status()).isEqualTo(409);

        JsonNode list = json.readTree(admin.get(path("/list.json")).body());
        JsonNode spouseNode = node(list.get("contacts"), "同户乙");
        assertThat(spouseNode.get("tier").asString()).isEqualTo("CLOSE");
        assertThat(spouseNode.get("citation").asString()).contains("第九版");
        assertThat(node(list.get("contacts"), "楼上丙").get("decision").asString()).isEqualTo("DISMISSED");
        assertThat(jdbc.sql("SELECT person_name || ' ' || tier FROM emg_restriction WHERE incident_id = :i")
                .param("i", incident.value()).query(String.class).list())
                .as("the close contact is kept in at the gate; the dismissed neighbour is not").containsExactly("同户乙 CLOSE_CONTACT");

        List<String> log = incidents.timeline(incident, estate.admin().user()).stream().map(IncidentLogEntry::kind).toList();
        assertThat(log.stream().filter(IncidentLogKinds.CONTACTS_LISTED::equals)).hasSize(1);
        assertThat(log).contains("CONTACT_CONFIRMED", "CONTACT_DISMISSED");
    }

    @Test
    void aScreeningRoundLeavesOutTheCloseContactsUnderManagementButNotTheKeyGroupOrTheDismissed() {
        assertThat(decide(null, "同户乙", "CLOSE").status()).isEqualTo(302);
        assertThat(decide(null, "同层戊", "KEY_GROUP").status()).isEqualTo(302);
        assertThat(decide(null, "楼上丙", "").status()).isEqualTo(302);
        var now = clock.localNow().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        admin.get(path("").replace("/contacts", "/screening"));
        assertThat(admin.postForm(path("").replace("/contacts", "/screening"),
                Map.of("startsAt", now.minusHours(1).toString(), "endsAt", now.plusHours(10).toString())).status()).isEqualTo(302);
        long round = jdbc.sql("SELECT max(id) FROM emg_screening_round WHERE incident_id = :i").param("i", incident.value())
                .query(Long.class).single();

        String page = admin.get("/emergency/screening/" + round).body();
        assertThat(page).as("seed 004: everyone except close and general contacts is screened")
                .contains("同层戊", "楼上丙", "楼下丁").doesNotContain("同户乙");
    }

    @Test
    void releasingAContactLetsThemThroughTheGateAgain() throws Exception {
        assertThat(decide(null, "同层戊", "KEY_GROUP").status()).isEqualTo(302);
        assertThat(leaving(sameFloor.idNumber())).as("a key-group member leaves only with an approval")
                .contains("\"verdict\":\"REFUSE\"").contains("LEAVE_NOT_APPROVED");
        long contactId = byName(json.readTree(admin.get(path("/follow-up.json")).body()), "同层戊").get("contactId").asLong();

        assertThat(admin.postForm(path("/" + contactId + "/release"), Map.of()).status()).isEqualTo(302);

        assertThat(byName(json.readTree(admin.get(path("/follow-up.json")).body()), "同层戊").get("status").asString()).isEqualTo("RELEASED");
        assertThat(leaving(sameFloor.idNumber())).as("released: the gate no longer holds them")
                .doesNotContain("LEAVE_NOT_APPROVED").contains("\"verdict\":\"ALLOW\"");
        assertThat(jdbc.sql("SELECT count(*) FROM emg_restriction WHERE incident_id = :i AND lifted_at IS NULL")
                .param("i", incident.value()).query(Long.class).single()).isZero();
    }

    @Test
    void aPositiveCloseContactMakesTheirContactsOfContactsCloseContacts() throws Exception {
        decide(null, "同户乙", "CLOSE");
        long spouseId = node(json.readTree(admin.get(path("/list.json")).body()).get("contacts"), "同户乙").get("contactId").asLong();
        JsonNode ofSpouse = node(json.readTree(admin.get(path("/list.json")).body()).get("contacts"), "同户乙").get("contacts");
        assertThat(names(ofSpouse)).contains(spousesPasserBy).doesNotContain("病例甲");
        assertThat(decide(spouseId, spousesPasserBy, "SECONDARY").status()).isEqualTo(302);
        long secondaryId = node(node(json.readTree(admin.get(path("/list.json")).body()).get("contacts"), "同户乙").get("contacts"),
                spousesPasserBy).get("contactId").asLong();

        TestClient.Response early = admin.postForm(path("/" + secondaryId + "/release"), Map.of());
        assertThat(early.status()).isEqualTo(422);

        admin.postForm(path("/" + spouseId + "/nat"), Map.of("sampledOn", clock.today().toString(), "positive", "true"));

        JsonNode followUp = json.readTree(admin.get(path("/follow-up.json")).body());
        assertThat(byName(followUp, "同户乙").get("status").asString()).isEqualTo("UPGRADED");
        JsonNode upgraded = byName(followUp, spousesPasserBy);
        assertThat(upgraded.get("tier").asString()).isEqualTo("CLOSE");
        assertThat(upgraded.get("status").asString()).isEqualTo("UNDER_MANAGEMENT");
        assertThat(upgraded.get("period").get("endsOn").asString()).isEqualTo(clock.today().plusDays(9).toString());
        assertThat(incidents.timeline(incident, estate.admin().user()).stream().map(IncidentLogEntry::kind)).contains("CONTACT_UPGRADED");
    }

    @Test
    void changingTheProtocolVersionReComputesThePeriodsVisibly() throws Exception {
        decide(null, "同户乙", "CLOSE");
        assertThat(byName(json.readTree(admin.get(path("/follow-up.json")).body()), "同户乙").get("period").get("endsOn").asString())
                .isEqualTo(clock.today().plusDays(9).toString());
        long eighth = preset(ProtocolEdition.EIGHTH);

        admin.postForm(path("/protocol"), Map.of("protocolId", String.valueOf(eighth)));

        JsonNode spouseRow = byName(json.readTree(admin.get(path("/follow-up.json")).body()), "同户乙");
        assertThat(spouseRow.get("period").get("endsOn").asString()).isEqualTo(clock.today().plusDays(20).toString());
        assertThat(spouseRow.get("citation").asString()).contains("第八版");
        assertThat(incidents.timeline(incident, estate.admin().user()).stream()
                .filter(e -> e.kind().equals("CONTACT_PROTOCOL_CHANGED")).map(IncidentLogEntry::detail))
                .anyMatch(d -> d.contains("第九版） → #" + eighth + " ") && d.contains("1 periods re-computed"));

        clock.advance(Duration.ofDays(12));
        assertThat(leaving(spouse.idNumber())).as("under the 8th edition the close contact is still kept in on day 13")
                .contains("\"verdict\":\"REFUSE\"").contains("LEAVE_NOT_APPROVED");
    }

    @Test
    void anAuthorityWritesANewVersionCopiedFromAPresetAndTheEstateCannot() {
        TestClient city = data.authority(estate, Role.CITY_AUTHORITY).login(port);
        assertThat(city.get("/emergency/contact-protocols").body()).contains("第九版").contains("第八版");
        String name = "测试本地方案 " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> form = new java.util.HashMap<>(Map.ofEntries(Map.entry("name", name),
                Map.entry("basedOnId", String.valueOf(preset(ProtocolEdition.NINTH))), Map.entry("exposureWindowDays", "3"),
                Map.entry("closeIsolationDays", "7"), Map.entry("closeCentral", "true"), Map.entry("closeMonitoringDays", "3"),
                Map.entry("closeNatDays", "1, 3, 5, 7"), Map.entry("secondaryIsolationDays", "7"), Map.entry("secondaryMonitoringDays", "0"),
                Map.entry("secondaryNatDays", "1,4,7"), Map.entry("generalIsolationDays", "0"), Map.entry("generalMonitoringDays", "3"),
                Map.entry("generalNatDays", "1,3"), Map.entry("keyGroupIsolationDays", "0"), Map.entry("keyGroupMonitoringDays", "0"),
                Map.entry("keyGroupNatDays", ""), Map.entry("secondaryReleaseCloseNegatives", "2"),
                Map.entry("upgradeSecondaryOnPositive", "true"), Map.entry("sameUnitFloor", "true"), Map.entry("floorsAbove", "2"),
                Map.entry("floorsBelow", "1"), Map.entry("entranceMinutes", "10")));

        assertThat(city.postForm("/emergency/contact-protocols", form).status()).isEqualTo(302);
        ProtocolVersion stored = protocols.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertThat(stored.protocol().floorsAbove()).isEqualTo(2);
        assertThat(stored.protocol().natDays(com.estateguard.emergency.internal.contacts.ContactTier.CLOSE)).containsExactly(1, 3, 5, 7);
        assertThat(stored.edition()).isEqualTo(ProtocolEdition.NINTH);

        admin.get("/emergency/contact-protocols");
        form.put("name", name + " 物业");
        assertThat(admin.postForm("/emergency/contact-protocols", form).status()).isEqualTo(403);
    }

    @Test
    void theStoredPresetsAreTheEditionsNumbers() {
        for (ProtocolEdition edition : ProtocolEdition.values()) {
            assertThat(protocols.all().stream().filter(p -> p.edition() == edition && p.basedOnId() == null).findFirst().orElseThrow()
                    .protocol()).isEqualTo(edition.protocol());
        }
    }

    @Test
    void anotherEstatesAdministratorAndTheGuardAreRefusedAndEveryViewIsAudited() {
        TestData.Estate other = data.estate(PolicyPreset.BEIJING_2022);
        assertThat(other.admin().login(port).get(path("/candidates.json")).status()).isEqualTo(404);
        assertThat(estate.guard().login(port).get(path("/candidates.json")).status()).isEqualTo(403);
        assertThat(estate.guard().login(port).get(path("")).status()).isEqualTo(403);

        long before = views();
        admin.get(path(""));
        admin.get(path("/candidates.json"));
        assertThat(views() - before).as("the page (list and timeline) and the candidates").isEqualTo(3);
    }

    private long views() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'CASE_VIEW' AND estate_id = :e AND actor_name = :a")
                .param("e", estate.id()).param("a", estate.admin().user().actor()).query(Long.class).single();
    }

    private Map<String, List<String>> candidates(TestClient client) {
        TestClient.Response response = client.get(path("/candidates.json"));
        assertThat(response.status()).isEqualTo(200);
        Map<String, List<String>> rules = new java.util.HashMap<>();
        json.readTree(response.body()).forEach(c -> {
            List<String> r = new ArrayList<>();
            c.get("reasons").forEach(reason -> r.add(reason.get("rule").asString()));
            rules.put(c.get("name").asString(), r);
        });
        return rules;
    }

    private TestClient.Response decide(Long parentId, String name, String tier) {
        JsonNode list = json.readTree(admin.get(path("/list.json")).body());
        JsonNode nodes = parentId == null ? list.get("contacts") : findById(list.get("contacts"), parentId).get("contacts");
        JsonNode person = node(nodes, name);
        String identity = person == null ? "name:" + name : person.get("identity").asString();
        admin.get(path(""));
        Map<String, String> form = new java.util.HashMap<>(Map.of("identity", identity, "tier", tier));
        if (parentId != null) {
            form.put("parentId", String.valueOf(parentId));
        }
        return admin.postForm(path("/decide"), form);
    }

    private static JsonNode node(JsonNode nodes, String name) {
        for (JsonNode n : nodes) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        return null;
    }

    private static JsonNode findById(JsonNode nodes, long id) {
        for (JsonNode n : nodes) {
            if (!n.get("contactId").isNull() && n.get("contactId").asLong() == id) {
                return n;
            }
            JsonNode inner = findById(n.get("contacts"), id);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(n -> names.add(n.get("name").asString()));
        return names;
    }

    private static JsonNode byName(JsonNode rows, String name) {
        for (JsonNode n : rows) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + rows);
    }

    private long preset(ProtocolEdition edition) {
        return protocols.all().stream().filter(p -> p.edition() == edition && p.basedOnId() == null).findFirst().orElseThrow().id();
    }

    private String path(String rest) {
        return "/emergency/incidents/" + incident.value() + "/contacts" + rest;
    }

    private String leaving(String idNumber) {
        TestClient.Response r = estate.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"OUT","category":"RESIDENT","personName":"住户","idNumber":"%s",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), idNumber));
        assertThat(r.status()).as(r.body()).isLessThan(300);
        return r.body();
    }

    private void check(Instant at, String direction, String name, String idNumber, String category) {
        clock.set(at);
        TestClient.Response r = estate.terminal(port).postJson("/api/v1/checks", """
                {"clientId":"%s","entranceId":%d,"direction":"%s","category":"%s","personName":"%s","idNumber":"%s",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"回家","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), estate.southGate(), direction, category, name, idNumber, at.minus(Duration.ofHours(10))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
