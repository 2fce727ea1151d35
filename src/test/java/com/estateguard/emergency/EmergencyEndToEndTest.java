package com.estateguard.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.LedgersTestData;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.common.Role;
import com.estateguard.dailyreport.ReportLine;
import com.estateguard.dailyreport.internal.DailyReports;
import com.estateguard.dailyreport.internal.SectionFigures;
import com.estateguard.emergency.internal.contacts.ProtocolEdition;
import com.estateguard.emergency.internal.contacts.ProtocolVersions;
import com.estateguard.hygiene.internal.PlaceForm;
import com.estateguard.hygiene.internal.PlaceType;
import com.estateguard.hygiene.internal.Places;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.residents.ResidentsTestData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9's whole workflow over HTTP, as the estate's prevention administrator runs it, on an estate of
 * the test's own: open an incident for a person of the register → lock the estate down (the gate turns
 * a visitor back) → the contacts list with its reasons → confirm and dismiss → a positive close contact
 * upgrades their contact of a contact → a screening round that leaves out the close contacts under
 * management → a place closed, its terminal-disinfection task on the cleaner's page, reopened after a
 * passing assessment → the CDC's assessment → the end lifts the lockdown (the gate admits a visitor
 * again). Around it: a guard of another estate is refused every incident page, and a drill in the same
 * estate stays out of the daily report's emergency section and the authorities' list of incidents.
 */
@IntegrationTest
class EmergencyEndToEndTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @LocalServerPort
    int port;
    @Autowired
    LedgersTestData ledgers;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;
    @Autowired
    Places places;
    @Autowired
    Incidents incidents;
    @Autowired
    ProtocolVersions protocols;
    @Autowired
    DailyReports dailyReports;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void fromTheFirstReportToTheCdcsAllClear() {
        clock.setToday(11, 0);   // its own time: the day's figures below must not cross midnight (they did at 21:00 Beijing)
        var site = ledgers.site(PolicyPreset.BEIJING_2022);
        TestData.Estate estate = site.estate();
        TestData.Person cleaner = ledgers.member(site, Role.CLEANER, "保洁");
        var patient = residents.resident(estate, "3", "1", "502", "病例甲");
        var spouse = residents.resident(estate, "3", "1", "502", "同户乙");
        var upstairs = residents.resident(estate, "3", "1", "602", "楼上丙");
        var downstairs = residents.resident(estate, "3", "1", "402", "楼下丁");
        long lobby = places.add(site.id(), new PlaceForm("3号楼大堂", PlaceType.LOBBY, null, null, null, null, null, null),
                site.admin().user());
        Instant now = clock.instant();
        String passerBy = "乙旁" + UUID.randomUUID().toString().substring(0, 4);
        check(estate, now.minus(Duration.ofHours(10)), "IN", "同户乙", spouse.idNumber(), "RESIDENT");
        check(estate, now.minus(Duration.ofHours(10)).plus(Duration.ofMinutes(2)), "IN", passerBy, Fixtures.newIdNumber(), "VISITOR");
        clock.set(now);
        TestClient admin = estate.admin().login(port);
        TestClient terminal = estate.terminal(port);

        // Open: a person of the register, confirmed.
        String incident = open(admin, estate.id(), "病例甲", patient.idNumber(), false);
        long incidentId = Long.parseLong(incident.substring(incident.lastIndexOf('/') + 1));
        assertThat(admin.get(incident).body()).contains("病例甲").contains("contacts-link");

        // Lockdown: the gate turns the next visitor back.
        assertThat(terminal.postJson("/api/v1/checks", visitor(estate.southGate())).body()).contains("\"verdict\":\"ALLOW\"");
        admin.get(incident + "/lockdown");
        assertThat(admin.postForm(incident + "/lockdown", Map.of("source", "preset:QUANZHOU_2021_EMERGENCY", "confirm", "true"))
                .status()).isEqualTo(302);
        assertThat(terminal.postJson("/api/v1/checks", visitor(estate.southGate())).body())
                .contains("\"verdict\":\"REFUSE\"").contains("LOCKDOWN");

        // Candidates, each with its rule.
        admin.get(incident + "/contacts");
        admin.postForm(incident + "/contacts/protocol", Map.of("protocolId", String.valueOf(ninth())));
        JsonNode candidates = json.readTree(admin.get(incident + "/contacts/candidates.json").body());
        assertThat(rules(candidates, "同户乙")).containsExactly("HOUSEHOLD");
        assertThat(rules(candidates, "楼上丙")).containsExactly("NEIGHBOUR");
        assertThat(rules(candidates, "楼下丁")).containsExactly("NEIGHBOUR");

        // Confirm two close contacts, dismiss the neighbour below.
        assertThat(decide(admin, incident, null, "同户乙", "CLOSE").status()).isEqualTo(302);
        assertThat(decide(admin, incident, null, "楼上丙", "CLOSE").status()).isEqualTo(302);
        assertThat(decide(admin, incident, null, "楼下丁", "").status()).isEqualTo(302);
        long spouseId = find(list(admin, incident), "同户乙").get("contactId").asLong();

        // The spouse's own contact, a contact of a contact; the spouse tests positive: upgraded to close contact.
        assertThat(decide(admin, incident, spouseId, passerBy, "SECONDARY").status()).isEqualTo(302);
        assertThat(admin.postForm(incident + "/contacts/" + spouseId + "/nat",
                Map.of("sampledOn", clock.today().toString(), "positive", "true")).status()).isEqualTo(302);
        JsonNode followUp = json.readTree(admin.get(incident + "/contacts/follow-up.json").body());
        assertThat(byName(followUp, "同户乙").get("status").asString()).isEqualTo("UPGRADED");
        assertThat(byName(followUp, passerBy).get("tier").asString()).isEqualTo("CLOSE");
        assertThat(byName(followUp, passerBy).get("status").asString()).isEqualTo("UNDER_MANAGEMENT");

        // Screening: the close contact under management and the one who tested positive (now a case) are not due;
        // the dismissed neighbour is.
        var at = clock.localNow().truncatedTo(ChronoUnit.MINUTES);
        admin.get(incident + "/screening");
        assertThat(admin.postForm(incident + "/screening", Map.of("startsAt", at.minusHours(1).toString(),
                "endsAt", at.plusHours(10).toString())).status()).isEqualTo(302);
        long round = jdbc.sql("SELECT max(id) FROM emg_screening_round WHERE incident_id = :i").param("i", incidentId)
                .query(Long.class).single();
        String roundPage = admin.get("/emergency/screening/" + round).body();
        assertThat(roundPage).contains("楼下丁").doesNotContain("楼上丙").doesNotContain("同户乙");
        assertThat(sample(admin, round, "S-001", "R" + downstairs.id()).status()).isEqualTo(302);
        assertThat(admin.get("/emergency/screening/" + round + "/progress").body()).contains("\"negative\":1");

        // A place closed: its terminal-disinfection task reaches the cleaner (hygiene, by the event).
        admin.get(incident + "/places");
        assertThat(admin.postForm(incident + "/places", Map.of("placeIds", Long.toString(lobby), "account", "")).status())
                .isEqualTo(302);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM hyg_terminal_task WHERE estate_id = :e")
                .param("e", site.id()).query(Long.class).single() == 1);
        assertThat(cleaner.login(port).get("/hygiene/tasks").body()).contains("终末消毒任务", "3号楼大堂", "待终末消毒");
        long closure = jdbc.sql("SELECT id FROM emg_closed_place WHERE incident_id = :i AND name = '3号楼大堂'")
                .param("i", incidentId).query(Long.class).single();
        assertThat(admin.postForm("/emergency/closed-places/" + closure + "/reopen", Map.of()).status())
                .as("not before an assessment").isEqualTo(409);
        admin.get(incident + "/places");
        assertThat(admin.postFile("/emergency/closed-places/" + closure + "/assessments",
                Map.of("assessor", "区疾控 李工", "passed", "true", "note", "终末消毒后采样评估"), "photo", "site.png", PNG).status())
                .isEqualTo(302);
        assertThat(admin.postForm("/emergency/closed-places/" + closure + "/reopen", Map.of()).status()).isEqualTo(302);
        String cleanersPage = cleaner.login(port).get("/hygiene/tasks").body();
        int closedList = cleanersPage.indexOf("id=\"closed-place-list\"");
        assertThat(closedList < 0 ? "" : cleanersPage.substring(closedList, cleanersPage.indexOf("</ul>", closedList)))
                .doesNotContain("3号楼大堂");

        // A guard of another estate is refused every page of the incident.
        TestClient stranger = data.estate(PolicyPreset.BEIJING_2022).guard().login(port);
        for (String page : List.of(incident, incident + "/lockdown", incident + "/contacts", incident + "/contacts/candidates.json",
                incident + "/contacts/list.json", incident + "/contacts/timeline.json", incident + "/screening", incident + "/places",
                incident + "/communication", "/emergency/screening/" + round, "/emergency/screening/" + round + "/progress")) {
            assertThat(stranger.get(page).status()).as(page).isIn(403, 404);
        }

        // The CDC's assessment, then the end: the lockdown is lifted and the gate admits a visitor again.
        assertThat(admin.postForm(incident + "/end", Map.of()).status()).as("not without the CDC").isEqualTo(409);
        assertThat(admin.postForm(incident + "/cdc-assessment", Map.of("assessor", "区疾控中心 陈医生",
                "result", "流调、核酸筛查、终末消毒均已完成，评估合格")).status()).isEqualTo(302);
        assertThat(admin.postForm(incident + "/end", Map.of()).status()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> terminal.postJson("/api/v1/checks", visitor(estate.southGate())).body()
                .contains("\"verdict\":\"ALLOW\""));
        // The policy snapshot holds the ended version from inside the lifting transaction, so the gate may admit
        // the visitor a moment before that transaction (and its log entry) commits: wait for the entry too.
        await().atMost(Duration.ofSeconds(20)).until(() -> incidents.timeline(new IncidentId(incidentId), estate.admin().user())
                .stream().anyMatch(e -> e.kind().equals(IncidentLogKinds.LOCKDOWN_LIFTED)));
        assertThat(incidents.timeline(new IncidentId(incidentId), estate.admin().user())).extracting(IncidentLogEntry::kind)
                .contains(IncidentLogKinds.LOCKDOWN_STARTED, IncidentLogKinds.CONTACTS_LISTED, "CONTACT_CONFIRMED", "CONTACT_DISMISSED",
                        "CONTACT_UPGRADED", "SCREENING_ROUND", "PLACE_CLOSED", "PLACE_REOPENED", IncidentLogKinds.LOCKDOWN_LIFTED);

        // A drill in the same estate, with a late report: never in the daily report nor among the authorities' incidents.
        var street = data.authority(estate, Role.STREET_AUTHORITY);
        List<SectionFigures> before = dailyReports.report(estate.id(), clock.today(), street.user()).sections();
        String drill = open(admin, estate.id(), "演练丙", null, true);
        clock.advance(Duration.ofMinutes(180));
        assertThat(admin.postForm(drill + "/reports", Map.of("recipient", "CDC", "channel", "PHONE", "reporter", "防疫管理员 周"))
                .status()).isEqualTo(302);
        List<SectionFigures> after = dailyReports.report(estate.id(), clock.today(), street.user()).sections();
        for (String line : List.of("report.emg.open", "report.emg.opened", "report.emg.lateReports")) {
            assertThat(value(after, line)).as(line).isEqualByComparingTo(value(before, line));
        }
        assertThat(value(after, "report.emg.opened")).as("the real incident counts").isEqualByComparingTo("1");
        assertThat(value(after, "report.emg.lateReports")).isEqualByComparingTo("0");
        String overview = street.login(port).get("/emergency?all=true&estate=" + estate.id()).body();
        assertThat(between(overview, "id=\"incidents\"", "</table>")).contains("病*").doesNotContain("演*");
        assertThat(between(overview, "id=\"drills\"", "</table>")).contains("演*");
    }

    // ------------------------------------------------------------------ helpers

    private String open(TestClient admin, long estate, String name, String idNumber, boolean drill) {
        Map<String, String> form = new HashMap<>(Map.of("estateId", Long.toString(estate), "kind", "CONFIRMED", "caseName", name,
                "source", "NEW", "sampledAt", LOCAL.format(clock.localNow().minusHours(1)), "locationNow", "定点医院"));
        if (idNumber != null) {
            form.put("caseIdNumber", idNumber);
        }
        if (drill) {
            form.put("drill", "true");
        }
        admin.get("/emergency");
        var response = admin.postForm("/emergency/incidents", form);
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        return response.contentType().replaceFirst("^https?://[^/]+", "");
    }

    private long ninth() {
        return protocols.all().stream().filter(p -> p.edition() == ProtocolEdition.NINTH && p.basedOnId() == null).findFirst()
                .orElseThrow().id();
    }

    private JsonNode list(TestClient admin, String incident) {
        return json.readTree(admin.get(incident + "/contacts/list.json").body()).get("contacts");
    }

    private TestClient.Response decide(TestClient admin, String incident, Long parentId, String name, String tier) {
        JsonNode nodes = parentId == null ? list(admin, incident) : findById(list(admin, incident), parentId).get("contacts");
        JsonNode person = find(nodes, name);
        assertThat(person).as(name + " among the candidates").isNotNull();
        admin.get(incident + "/contacts");
        Map<String, String> form = new HashMap<>(Map.of("identity", person.get("identity").asString(), "tier", tier));
        if (parentId != null) {
            form.put("parentId", String.valueOf(parentId));
        }
        return admin.postForm(incident + "/contacts/decide", form);
    }

    private static List<String> rules(JsonNode candidates, String name) {
        JsonNode c = find(candidates, name);
        assertThat(c).as(name + " among the candidates").isNotNull();
        List<String> rules = new java.util.ArrayList<>();
        c.get("reasons").forEach(r -> rules.add(r.get("rule").asString()));
        return rules;
    }

    private static JsonNode find(JsonNode nodes, String name) {
        for (JsonNode n : nodes) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        return null;
    }

    private static JsonNode findById(JsonNode nodes, long id) {
        for (JsonNode n : nodes) {
            if (n.hasNonNull("contactId") && n.get("contactId").asLong() == id) {
                return n;
            }
            JsonNode inner = findById(n.get("contacts"), id);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static JsonNode byName(JsonNode rows, String name) {
        JsonNode row = find(rows, name);
        if (row == null) {
            throw new AssertionError(name + " not in " + rows);
        }
        return row;
    }

    private TestClient.Response sample(TestClient admin, long round, String code, String member) {
        String body = "code=" + code + "&result=NEGATIVE&sampledAt=" + clock.localNow().truncatedTo(ChronoUnit.MINUTES).minusMinutes(5)
                + "&members=" + member + "&_csrf=" + java.net.URLEncoder.encode(admin.csrfToken(), StandardCharsets.UTF_8);
        return admin.send("POST", "/emergency/screening/" + round + "/samples", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static BigDecimal value(List<SectionFigures> sections, String label) {
        return sections.stream().flatMap(s -> s.lines().stream()).filter(l -> l.labelKey().equals(label))
                .map(ReportLine::value).findFirst().orElseThrow(() -> new AssertionError("no line " + label));
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isGreaterThan(0);
        return page.substring(from, page.indexOf(end, from));
    }

    private String visitor(long gate) {
        return """
                {"clientId":"%s","entranceId":%d,"direction":"IN","category":"VISITOR","personName":"访客",
                 "idNumber":"%s",
                 "evidence":{"temperature":{"celsius":36.5,"method":"INFRARED_TERMINAL"},
                   "healthCode":{"status":"GREEN","acquisition":"SCANNED","source":"integrated-terminal"},
                   "credential":{"type":"ID_DOCUMENT","reference":"身份证","verified":true,"accessControl":false},
                   "nat":{"sampledAt":"%s","result":"NEGATIVE","source":"健康宝"},
                   "answers":{"destination":"3号楼","symptoms":false},"mask":true}}"""
                .formatted(UUID.randomUUID(), gate, Fixtures.newIdNumber(), clock.instant().minus(Duration.ofHours(10)));
    }

    private void check(TestData.Estate estate, Instant at, String direction, String name, String idNumber, String category) {
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
