package com.estateguard.benchmark;

import com.estateguard.Application;
import com.estateguard.TestClient;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.identity.Users;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.supervision.InspectionKind;
import com.estateguard.org.RegionId;
import com.estateguard.supervision.internal.campaign.Campaign;
import com.estateguard.supervision.internal.campaign.CampaignFigures;
import com.estateguard.supervision.internal.campaign.CampaignForm;
import com.estateguard.supervision.internal.campaign.Campaigns;
import com.estateguard.supervision.internal.campaign.Coverage;
import com.estateguard.supervision.internal.circular.Circulars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures a campaign's coverage in a city of 10,000 estates (10 districts, 100 streets, 1,000
 * communities), 1,000 companies, 100,000 submitted inspections of one phase and 30,000 rectification
 * orders, generated with SQL generate_series: the coverage query (Coverage.view, what the page and the
 * figures read) at the city and at a district, over HTTP the page and its figures JSON, the page's order
 * and letter figures, and the circular's figures (Circulars.compile) at a district and at the city and
 * its preview page, p50/p95 of N runs after a warm-up (the city circular: N/4 runs, at least 3).
 * Not a test: run with {@code ./mvnw -Pbench test-compile exec:java@campaigns} (-Dbench.runs=N).
 */
public final class CampaignCoverageBenchmark {

    private CampaignCoverageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 40);
        ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--estateguard.embedded-db.data-dir=target/bench-campaigns-pg",
                "--estateguard.embedded-db.clean=true", "--spring.profiles.active=demo",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                // The evidence sealer would spend the run sealing the 100,000 generated inspections.
                "--estateguard.evidence.seal-every=PT1H");
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            OrgDirectory org = ctx.getBean(OrgDirectory.class);
            System.out.println("demo campaigns: " + jdbc.sql("SELECT count(*) FROM sup_campaign").query(Long.class).single()
                    + ", demo inspections: " + jdbc.sql("SELECT count(*) FROM sup_inspection").query(Long.class).single());
            long t0 = System.nanoTime();
            long city = org.createRegion(null, RegionLevel.CITY, "基准市", "bench");
            List<Long> districts = new ArrayList<>();
            for (int d = 1; d <= 10; d++) {
                long district = org.createRegion(city, RegionLevel.DISTRICT, "基准区" + d, "bench");
                districts.add(district);
                for (int s = 1; s <= 10; s++) {
                    long street = org.createRegion(district, RegionLevel.STREET, "基准区" + d + "街道" + s, "bench");
                    for (int c = 1; c <= 10; c++) {
                        org.createRegion(street, RegionLevel.COMMUNITY, "基准区" + d + "街道" + s + "社区" + c, "bench");
                    }
                }
            }
            for (int c = 1; c <= 1000; c++) {
                org.createCompany(null, "基准物业" + c, "bench");
            }
            String cityPath = "R/" + city + "/";
            jdbc.sql("""
                    INSERT INTO org_estate (name, region_id, company_id, area_m2, created_by)
                    SELECT '基准小区' || g, r.id, co.id, 20000, 'bench'
                      FROM generate_series(0, 9999) g
                      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM org_region
                             WHERE level = 'COMMUNITY' AND path LIKE :city || '%') r ON r.n = g % 1000
                      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM org_company WHERE name LIKE '基准物业%') co
                        ON co.n = g % 1000""").param("city", cityPath).update();
            long template = jdbc.sql("""
                    INSERT INTO sup_template (code, name, version, status, total_points, created_by)
                    VALUES ('BENCH', '基准检查表', 1, 'IN_USE', 100, 'bench') RETURNING id""").query(Long.class).single();
            var manager = new CurrentUser(0, "bench", "bench", Role.CITY_AUTHORITY, cityPath, null, null);
            Campaigns campaigns = ctx.getBean(Campaigns.class);
            long id = campaigns.create(new CampaignForm("基准督导行动", city, template, Arrays.asList(InspectionKind.values()),
                    "第一阶段", LocalDate.of(2022, 4, 19), null), manager);
            Campaign campaign = campaigns.get(id);
            long phase = campaign.phases().get(0).id();
            // 100,000 inspections of 8,000 of the 10,000 estates (the rest are the gaps), scores 40..100.
            jdbc.sql("""
                    INSERT INTO sup_inspection (template_id, estate_id, campaign_id, phase_id, kind, inspector_staff_id,
                                                inspector_name, submitted_at, score, max_score, pass_mark, qualified, created_by, items_digest)
                    SELECT :t, e.id, :c, :p, 'GROUP', 1, '基准检查员', now() - (g % 1000) * interval '1 minute',
                           40 + (g * 7919) % 61, 100, 60, 40 + (g * 7919) % 61 >= 60, 'bench', md5(g::text)
                      FROM generate_series(0, 99999) g
                      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM org_estate WHERE region_path LIKE :city || '%') e
                        ON e.n = (g * 31) % 8000""")
                    .param("t", template).param("c", id).param("p", phase).param("city", cityPath).update();
            // 30,000 rectification orders for 30,000 of the unqualified inspections (one each, as the listener issues them):
            // a quarter overdue, a quarter due, a quarter answered, a quarter verified; names copied as issue() copies them.
            int orders = jdbc.sql("""
                    INSERT INTO sup_rectification_order (inspection_id, estate_id, estate_name, company_id, company_name, score, pass_mark,
                                                         status, issued_at, working_days, due_on, due_at, answered_at, answered_by,
                                                         verified_at, verified_by, updated_at, updated_by)
                    SELECT i.id, i.estate_id, e.name, e.company_id, co.name, i.score, i.pass_mark,
                           (ARRAY['ISSUED', 'ISSUED', 'ANSWERED', 'VERIFIED'])[i.n % 4 + 1],
                           i.submitted_at, 2, (i.submitted_at + d.shift)::date, i.submitted_at + d.shift,
                           CASE WHEN i.n % 4 >= 2 THEN i.submitted_at + interval '1 day' END,
                           CASE WHEN i.n % 4 >= 2 THEN 'bench' END,
                           CASE WHEN i.n % 4 = 3 THEN i.submitted_at + interval '2 days' END,
                           CASE WHEN i.n % 4 = 3 THEN 'bench' END, i.submitted_at, 'bench'
                      FROM (SELECT s.*, row_number() OVER (ORDER BY s.id) - 1 AS n FROM sup_inspection s
                             WHERE s.campaign_id = :c AND NOT s.qualified) i
                      JOIN org_estate e ON e.id = i.estate_id
                      JOIN org_company co ON co.id = e.company_id
                      CROSS JOIN LATERAL (SELECT CASE WHEN i.n % 4 = 0 THEN interval '-3 days' ELSE interval '3 days' END AS shift) d
                     WHERE i.n < 30000""").param("c", id).update();
            jdbc.sql("ANALYZE").update();
            System.out.printf("generated: 10,000 estates, 1,000 companies, 100,000 inspections, %,d orders in %.1f s%n", orders,
                    (System.nanoTime() - t0) / 1e9);

            Coverage coverage = ctx.getBean(Coverage.class);
            Campaign.Phase p = campaign.phases().get(0);
            var cityView = coverage.view(campaign, p, null, manager);
            System.out.printf("city: %d estates, %d inspected, %d gaps, %d unqualified%n", cityView.total().estates(),
                    cityView.total().inspected(), cityView.total().gaps(), cityView.total().unqualified());
            OrgDirectory orgs = org;
            var records = ctx.getBean(com.estateguard.supervision.internal.campaign.InspectionRecords.class);
            measure("  of which: the city's estates (org)", runs, () -> orgs.estates(cityPath));
            measure("  of which: the phase's results", runs, () -> records.results(id, phase, cityPath));
            measure("Coverage.view, city (10,000 estates)", runs, () -> coverage.view(campaign, p, null, manager));
            measure("Coverage.view, one district (1,000)", runs, () -> coverage.view(campaign, p, districts.get(0), manager));

            Users users = ctx.getBean(Users.class);
            users.createSeeded(new Users.NewUser("benchcity", "bench-pass-1234", "基准市住建局", Role.CITY_AUTHORITY, city, null, null, null),
                    users.hash("bench-pass-1234"), "bench");
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            TestClient client = TestClient.person(port, "benchcity", "bench-pass-1234");
            measure("GET campaign page (city)", runs, () -> check(client.get("/supervision/campaigns/" + id)));
            measure("GET figures.json (city)", runs, () -> check(client.get("/supervision/campaigns/" + id + "/figures.json")));

            // The campaign page's order and letter figures (CampaignFigures), the circular's figures (Circulars.compile:
            // what the preview shows and publishing freezes) at a district and at the city, and the preview page.
            var figures = ctx.getBeansOfType(CampaignFigures.class).values();
            System.out.println("campaign figures (city): " + figures.stream().flatMap(f -> f.figures(campaign, p, manager).stream())
                    .map(f -> f.labelKey() + "=" + f.value()).toList());
            measure("CampaignFigures (orders, letters), city", runs,
                    () -> figures.stream().flatMap(f -> f.figures(campaign, p, manager).stream()).toList());
            Circulars circulars = ctx.getBean(Circulars.class);
            String districtPath = org.region(new RegionId(districts.get(0))).orElseThrow().path();
            var districtManager = new CurrentUser(0, "bench", "bench", Role.DISTRICT_AUTHORITY, districtPath, null, null);
            var compiled = circulars.compile(phase, 3, manager);
            System.out.printf("circular (city): %d inspected, %d unqualified, %d training checks%n", compiled.inspected(),
                    compiled.unqualified().size(), compiled.training().size());
            int heavy = Math.max(3, runs / 4);
            measure("Circulars.compile, one district", runs, () -> circulars.compile(phase, 3, districtManager));
            measure("Circulars.compile, city", heavy, 1, () -> circulars.compile(phase, 3, manager));
            measure("GET circular preview (city)", heavy, 1, () -> check(client.get("/supervision/circulars/preview?phaseId=" + phase)));
        } finally {
            ctx.close();
        }
    }

    private static Object check(TestClient.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("status " + response.status());
        }
        return response;
    }

    private static void measure(String what, int runs, Supplier<Object> action) {
        measure(what, runs, 5, action);
    }

    private static void measure(String what, int runs, int warmUps, Supplier<Object> action) {
        for (int i = 0; i < warmUps; i++) {
            action.get();
        }
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.get();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("%-40s p50 %4d ms  p95 %4d ms  max %4d ms  (%d runs)%n", what, ms[runs / 2],
                ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1], runs);
    }
}
