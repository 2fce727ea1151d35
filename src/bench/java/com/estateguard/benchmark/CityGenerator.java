package com.estateguard.benchmark;

import com.estateguard.Application;
import com.estateguard.cockpit.internal.CheckRollupJob;
import com.estateguard.common.IdNumber;
import com.estateguard.common.Role;
import com.estateguard.identity.Users;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.residents.internal.CityIdCiphers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills a database with a city (issue 12, section 1): a region tree city > districts > streets > communities,
 * N estates (default 10,000; about 8 a community) with two gates each, companies (default 1,000), residents
 * (default 5,000,000, in households of about 2.5), check records (default 10,000,000) over the last 30 days
 * with a morning and an evening peak and a refusal mix, passes for most residents, the follow-ups the refusals
 * opened (most closed), special groups, contacts and home isolations (the care list), the hygiene places, tasks and records, daily reports,
 * supplies and their movements, incidents with their timelines, and a spot-check inspection of every estate
 * on the preset template. Every part is one {@code INSERT … SELECT generate_series} (checks in chunks of a
 * million) with the indexes, constraints and triggers in place; it prints how long each part took.
 * <p>
 * Not a test: {@code ./mvnw -Pbench test-compile exec:java@city -Dcity.estates=100 -Dcity.residents=50000
 * -Dcity.checks=100000}. The database stays in {@code -Dcity.datadir} (default target/city-pg; emptied
 * first) for other benchmarks to start on with {@code --estateguard.embedded-db.data-dir=…}. Users: {@code jiangcheng}
 * (the city authority), {@code jiangcheng-d1} and {@code jiangcheng-s1} (the district and street of the first estate) and
 * {@code jiangcheng-e1} (the first estate's prevention administrator), password
 * {@code city-pass-1234}. The evidence sealer and the roll-up schedule are held back while generating;
 * the cockpit's roll-ups are caught up once at the end.
 */
public final class CityGenerator {

    static final String BY = "city-generator";
    private static final String[] DISTRICTS = {"东城区", "西城区", "南湖区", "北山区", "江滨区", "高新区", "经开区", "滨海区",
            "临江区", "青山区", "新城区", "老城区"};
    private static final String[] STREET_STEMS = {"解放", "人民", "建设", "和平", "胜利", "朝阳", "新华", "长江", "黄河", "文化",
            "中山", "光明", "东风", "红旗", "团结", "幸福", "青年", "民主", "友谊", "繁荣"};
    private static final String[] COMMUNITY_STEMS = {"翠苑", "金桥", "银湖", "丽水", "春晖", "景芳", "望江", "采荷", "明月", "清泉"};
    private static final String ESTATE_STEMS = "'{锦绣,阳光,香樟,紫荆,碧水,金色,绿城,华府,万家,海棠,枫林,梧桐,桂花,君悦,御景,天元,嘉禾,恒泰,安居,康乐}'::text[]";
    private static final String ESTATE_SUFFIX = "'{花园,苑,家园,新村,公寓,府,名邸,雅居}'::text[]";
    private static final String SURNAMES = "'{王,李,张,刘,陈,杨,黄,赵,吴,周,徐,孙,马,朱,胡,郭,何,高,林,罗,郑,梁,谢,宋,唐,许,韩,冯,邓,曹}'::text[]";
    private static final String GIVEN = "'{伟,芳,娜,秀英,敏,静,丽,强,磊,军,洋,勇,艳,杰,娟,涛,明,超,秀兰,霞,平,刚,桂英,建华,文,华,红,建国,志强,玉兰,欣怡,子涵,浩然,梓轩,雨桐,思远,佳怡,宇航,一鸣,诗涵}'::text[]";
    /** Share of a day's passages per hour (sums to 100): a morning peak 07-09 and an evening peak 17-19. */
    private static final int[] HOUR_SHARE = {0, 0, 0, 0, 0, 1, 4, 10, 11, 6, 5, 6, 6, 4, 4, 4, 5, 9, 10, 6, 4, 3, 2, 0};

    private CityGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int estates = Integer.getInteger("city.estates", 10_000);
        int companies = Integer.getInteger("city.companies", Math.max(1, estates / 10));
        long residents = Long.getLong("city.residents", 5_000_000L);
        long checks = Long.getLong("city.checks", 10_000_000L);
        Path dataDir = Paths.get(System.getProperty("city.datadir", "target/city-pg")).toAbsolutePath();
        deleteTree(dataDir);
        long started = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--estateguard.embedded-db.data-dir=" + dataDir,
                "--estateguard.embedded-db.clean=false", "--spring.profiles.active=demo", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                // The sealer would hash the generated backlog meanwhile, the roll-up job fold it in; both later.
                "--estateguard.evidence.seal-every=PT24H", "--estateguard.cockpit.roll-every=PT24H",
                "--estateguard.cockpit.day-figures-every=PT24H");
        try {
            System.out.printf("city: %,d estates, %,d companies, %,d residents, %,d checks into %s (application up in %.1f s)%n",
                    estates, companies, residents, checks, dataDir, (System.nanoTime() - started) / 1e9);
            new CityGenerator.Run(ctx, estates, companies, residents, checks).all();
            System.out.printf("city generated in %.1f s in all; load average %s%n", (System.nanoTime() - started) / 1e9,
                    Files.readString(Paths.get("/proc/loadavg")).trim());
        } finally {
            ctx.close();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static final class Run {
        private final ConfigurableApplicationContext ctx;
        private final JdbcClient jdbc;
        private final OrgDirectory org;
        private final ZoneId zone;
        private final LocalDate today;
        private final int estates;
        private final int companies;
        private final long residents;
        private final long checks;
        private final int perEstate;
        private String cityPath;
        private long policy;
        private long first;

        Run(ConfigurableApplicationContext ctx, int estates, int companies, long residents, long checks) {
            this.ctx = ctx;
            this.jdbc = ctx.getBean(JdbcClient.class);
            this.org = ctx.getBean(OrgDirectory.class);
            this.zone = ctx.getBean(ZoneId.class);
            this.today = LocalDate.now(ctx.getBean(Clock.class).withZone(zone));
            this.estates = estates;
            this.companies = companies;
            this.residents = residents;
            this.checks = checks;
            this.perEstate = (int) Math.max(1, (residents + estates - 1) / estates);
        }

        void all() {
            first = today.minusDays(29).atStartOfDay(zone).toEpochSecond();
            timed("regions and companies", this::regionsAndCompanies);
            timed("estates and gates", this::estates);
            timed("households and residents", this::residents);
            // The check records' months (V152): their partitions exist before the rows come, so none waits in the default.
            jdbc.sql("""
                    SELECT access_check_month_partition(cast(m AS date))
                      FROM generate_series(date_trunc('month', to_timestamp(:first) AT TIME ZONE 'UTC'),
                                           now() AT TIME ZONE 'UTC', interval '1 month') AS m""")
                    .param("first", first).query((rs, n) -> rs.getString(1)).list();
            for (long from = 0; from < checks; from += 1_000_000) {
                long to = Math.min(checks, from + 1_000_000);
                long f = from;
                timed(String.format("check records %,d-%,d", from, to), () -> checks(f, to));
            }
            timed("passes", this::passes);
            timed("follow-ups of refusals", this::followUps);
            timed("care: specials, contacts, isolations", this::care);
            timed("hygiene places, tasks and records", this::hygiene);
            timed("daily reports", this::reports);
            timed("supplies and movements", this::supplies);
            timed("incidents and timelines", this::incidents);
            timed("inspections", this::inspections);
            timed("users", this::users);
            timed("ANALYZE", () -> jdbc.sql("ANALYZE").update());
            timed("cockpit roll-ups caught up", () -> ctx.getBean(CheckRollupJob.class).catchUp());
            summary();
        }

        /** What was written: rows per table, and the checks' outcome mix and busiest hours (local time). */
        private void summary() {
            for (String table : List.of("org_region", "org_company", "org_estate", "org_entrance", "res_household", "res_person",
                    "access_check", "res_pass", "access_follow_up", "res_special", "res_contact_log", "res_isolation",
                    "res_isolation_check", "hyg_task", "hyg_record", "report_submission", "sup_item", "sup_movement", "emg_incident",
                    "emg_incident_log", "sup_inspection", "sup_inspection_item")) {
                System.out.printf("    %-22s %,12d rows%n", table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
            }
            jdbc.sql("""
                    SELECT decision, count(*) AS n, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
                      FROM access_check WHERE created_by = :by GROUP BY decision ORDER BY decision""").param("by", BY)
                    .query((rs, i) -> String.format("    checks %-7s %,12d  %5.1f %%", rs.getString(1), rs.getLong(2), rs.getDouble(3)))
                    .list().forEach(System.out::println);
            jdbc.sql("""
                    SELECT status, count(*) FROM access_follow_up WHERE created_by = :by GROUP BY status ORDER BY status""")
                    .param("by", BY).query((rs, i) -> String.format("    follow-ups %-7s %,12d", rs.getString(1), rs.getLong(2)))
                    .list().forEach(System.out::println);
            System.out.println("    checks by weekday (1 = Monday): " + jdbc.sql("""
                    SELECT string_agg(d || ':' || n, ' ' ORDER BY d) FROM (
                      SELECT extract(isodow FROM occurred_at AT TIME ZONE :zone)::int AS d, count(*) AS n
                        FROM access_check WHERE created_by = :by GROUP BY 1) t""")
                    .param("zone", zone.getId()).param("by", BY).query(String.class).single());
            System.out.println("    checks by hour (%): " + jdbc.sql("""
                    SELECT string_agg(h || ':' || pct, ' ' ORDER BY h) FROM (
                      SELECT extract(hour FROM occurred_at AT TIME ZONE :zone)::int AS h,
                             round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
                        FROM access_check WHERE created_by = :by GROUP BY 1) t""")
                    .param("zone", zone.getId()).param("by", BY).query(String.class).single());
        }

        private void timed(String what, Runnable part) {
            long t = System.nanoTime();
            part.run();
            System.out.printf("  %-40s %8.1f s%n", what, (System.nanoTime() - t) / 1e9);
        }

        /** The estates of the generated city, numbered k = 0..n-1, with their two gates. */
        private String cityEstates() {
            return """
                    ce AS (SELECT s.id, row_number() OVER (ORDER BY s.id) - 1 AS k,
                                  (SELECT min(n.id) FROM org_entrance n WHERE n.estate_id = s.id) AS gate1,
                                  (SELECT max(n.id) FROM org_entrance n WHERE n.estate_id = s.id) AS gate2
                             FROM org_estate s WHERE s.region_path LIKE '%s%%')""".formatted(cityPath);
        }

        private void regionsAndCompanies() {
            int communities = Math.max(1, (estates + 7) / 8);
            int streets = Math.max(1, (communities + 9) / 10);
            int districts = Math.min(DISTRICTS.length, Math.max(1, (streets + 9) / 10));
            long city = org.createRegion(null, RegionLevel.CITY, "江城市", BY);
            cityPath = "R/" + city + "/";
            // The city's own policy (a copy of the Beijing 2022 preset), in force over the generated month: without one
            // the gate, hygiene, daily reports and every policy-bound page refuse the city's estates (no policy in force).
            var preset = com.estateguard.policy.PolicyPreset.BEIJING_2022;
            policy = ctx.getBean(com.estateguard.policy.Policies.class).install(new com.estateguard.policy.Policies.NewVersion(
                    "江城市：" + preset.labelZh(), cityPath, "江城市", LocalDate.of(2020, 1, 1).atStartOfDay(zone).toInstant(),
                    preset.parameters(), null, preset.name()), BY);
            List<Long> districtIds = new ArrayList<>();
            for (int d = 0; d < districts; d++) {
                districtIds.add(org.createRegion(city, RegionLevel.DISTRICT, DISTRICTS[d], BY));
            }
            List<Long> streetIds = new ArrayList<>();
            for (int s = 0; s < streets; s++) {
                String name = DISTRICTS[s % districts] + STREET_STEMS[(s / districts) % STREET_STEMS.length] + "街道"
                        + (s / (districts * STREET_STEMS.length) > 0 ? s / (districts * STREET_STEMS.length) + 1 : "");
                streetIds.add(org.createRegion(districtIds.get(s % districts), RegionLevel.STREET, name, BY));
            }
            for (int c = 0; c < communities; c++) {
                String name = STREET_STEMS[(c % streets / districts) % STREET_STEMS.length] + "街道"
                        + COMMUNITY_STEMS[(c / streets) % COMMUNITY_STEMS.length] + "社区" + (c / streets / COMMUNITY_STEMS.length + 1)
                        + "·" + (c % streets + 1);
                org.createRegion(streetIds.get(c % streets), RegionLevel.COMMUNITY, name, BY);
            }
            for (int i = 0; i < companies; i++) {
                org.createCompany(null, STREET_STEMS[i % STREET_STEMS.length] + COMMUNITY_STEMS[(i / STREET_STEMS.length) % 10]
                        + "物业服务有限公司" + (i / 200 + 1) + "-" + i, city, BY);
            }
            System.out.printf("    %d districts, %d streets, %d communities, %d companies%n", districts, streets, communities, companies);
        }

        private void estates() {
            jdbc.sql("""
                    WITH r AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM org_region
                                WHERE level = 'COMMUNITY' AND path LIKE :city || '%'),
                         c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM org_company
                                WHERE created_by = :by)
                    INSERT INTO org_estate (name, region_id, company_id, area_m2, address, first_responsible, prevention_admin, created_by)
                    SELECT (""" + ESTATE_STEMS + ")[1 + g % 20] || (" + ESTATE_SUFFIX + """
                           )[1 + (g / 20) % 8] || CASE WHEN g >= 160 THEN (g / 160 + 1)::text || '期' ELSE '' END,
                           r.id, c.id, 8000 + (g * 7919) % 120000, '江城市' || g || '号', '负责人' || g, '防疫管理员' || g, :by
                      FROM generate_series(0, :n - 1) g
                      JOIN r ON r.n = g % r.total
                      JOIN c ON c.n = (g * 37) % c.total""")
                    .param("city", cityPath).param("by", BY).param("n", estates).update();
            jdbc.sql("""
                    INSERT INTO org_entrance (estate_id, name, kind, open, created_by)
                    SELECT s.id, d.name, d.kind, true, :by FROM org_estate s
                     CROSS JOIN (VALUES ('南门', 'PEDESTRIAN'), ('北门', 'MIXED')) d(name, kind)
                     WHERE s.region_path LIKE :city || '%'""").param("by", BY).param("city", cityPath).update();
        }

        private void residents() {
            int households = Math.max(1, (int) Math.ceil(perEstate / 2.5));
            jdbc.sql("WITH " + cityEstates() + """
                    INSERT INTO res_household (estate_id, building, unit, room, created_by)
                    SELECT ce.id, (1 + h / 48) || '幢', (1 + h / 24 % 2) || '单元', (1 + h / 4 % 6) || '0' || (1 + h % 4), :by
                      FROM ce CROSS JOIN generate_series(0, :h - 1) h""").param("by", BY).param("h", households).update();
            // A pool of real (synthetic, valid) ID numbers encrypted with the application's key: one per
            // resident of an estate, shared between estates; the person key is the resident's own.
            List<String> ids = new ArrayList<>();
            List<String> masked = new ArrayList<>();
            for (int i = 0; i < perEstate; i++) {
                String first17 = "330102" + (1940 + i % 70) + String.format("%02d%02d", 1 + i % 12, 1 + i % 28)
                        + String.format("%03d", i % 1000);
                String id = first17 + IdNumber.checkChar(first17);
                ids.add(id);
                masked.add(IdNumber.mask(id));
            }
            List<String> ciphers = CityIdCiphers.encrypt(ctx, ids);
            jdbc.sql("WITH " + cityEstates() + """
                    , h AS (SELECT id, estate_id, row_number() OVER (PARTITION BY estate_id ORDER BY id) - 1 AS n
                              FROM res_household WHERE created_by = :by),
                      pool AS (SELECT c, m, o - 1 AS pn FROM unnest(CAST(:ciphers AS text[]), CAST(:masked AS text[])) WITH ORDINALITY AS t(c, m, o))
                    INSERT INTO res_person (estate_id, household_id, name, kind, phone, person_key, id_cipher, id_masked,
                                            no_smartphone, access_control, created_by)
                    SELECT ce.id, h.id,
                           (""" + SURNAMES + ")[1 + (i * 7 + ce.id) % 30] || (" + GIVEN + """
                           )[1 + (i * 13 + ce.id * 3) % 40],
                           CASE WHEN i % 20 < 12 THEN 'OWNER' WHEN i % 20 < 17 THEN 'TENANT' WHEN i % 20 = 17 THEN 'LANDLORD' ELSE 'FLOATING' END,
                           '13' || lpad(((ce.id * 100003 + i * 7919) % 1000000000)::text, 9, '0'),
                           md5('city-' || ce.id || '-' || i), pool.c, pool.m, i % 50 = 0, i % 3 <> 0, :by
                      FROM ce CROSS JOIN generate_series(0, :per - 1) i
                      JOIN h ON h.estate_id = ce.id AND h.n = i % :households
                      JOIN pool ON pool.pn = i
                     WHERE ce.k * :per + i < :residents""")
                    .param("by", BY).param("ciphers", ciphers.toArray(String[]::new)).param("masked", masked.toArray(String[]::new))
                    .param("per", perEstate).param("households", households).param("residents", residents).update();
        }

        private void checks(long from, long to) {
            String hours = java.util.stream.IntStream.range(0, 24).boxed()
                    .flatMap(h -> java.util.Collections.nCopies(HOUR_SHARE[h], h).stream()).map(String::valueOf)
                    .collect(Collectors.joining(",", "'{", "}'::int[]"));
            // The day: a weekday has four shares, a Saturday or Sunday three (people go out less).
            String days = java.util.stream.IntStream.range(0, 30).boxed()
                    .flatMap(d -> java.util.Collections.nCopies(today.minusDays(29 - d).getDayOfWeek().getValue() >= 6 ? 3 : 4, d).stream())
                    .map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
            // x: a well-mixed hash of g; the estate, resident, day, hour, second and outcome are drawn from its bits.
            jdbc.sql("WITH " + cityEstates() + """
                    , x AS (SELECT g, (g * 2654435761) % 4294967296 AS x, (g * 40503 + 12345) % 65521 AS y
                              FROM generate_series(CAST(:from AS bigint), CAST(:to AS bigint) - 1) g),
                    stored AS (INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                                              person_key, evidence, decision, reason_codes, reasons, policy_version_id, created_at, created_by)
                    SELECT gen_random_uuid(), ce.id, CASE WHEN x.y % 3 = 0 THEN ce.gate2 ELSE ce.gate1 END, t.at,
                           CASE WHEN h.hour >= 15 THEN (CASE WHEN x.y % 10 < 7 THEN 'IN' ELSE 'OUT' END)
                                ELSE (CASE WHEN x.y % 10 < 3 THEN 'IN' ELSE 'OUT' END) END,
                           'RESIDENT',
                           (""" + SURNAMES + ")[1 + (p.i * 7 + ce.id) % 30] || (" + GIVEN + """
                           )[1 + (p.i * 13 + ce.id * 3) % 40],
                           md5('city-' || ce.id || '-' || p.i), '{}'::jsonb, o.decision, o.codes, '[]'::jsonb, :policy, t.at, :by
                      FROM x
                      JOIN ce ON ce.k = x.x % :estates
                      CROSS JOIN LATERAL (SELECT (x.x / :estates) % :per AS i) p
                      CROSS JOIN LATERAL (SELECT (""" + hours + """
                                                  )[1 + (x.x / 7) % 100] AS hour) h
                      CROSS JOIN LATERAL (SELECT to_timestamp(:first + (CAST(:days AS int[]))[1 + (x.x / 701) % cardinality(CAST(:days AS int[]))] * 86400 + h.hour * 3600
                                                              + x.y % 3600) AS raw) t0
                      CROSS JOIN LATERAL (SELECT CASE WHEN t0.raw > now() THEN t0.raw - interval '1 day' ELSE t0.raw END AS at) t
                      CROSS JOIN LATERAL (SELECT CASE WHEN x.y % 1000 < 50 THEN 'REFUSE' WHEN x.y % 1000 < 60 THEN 'REFER'
                                                      WHEN x.y % 1000 < 75 THEN 'REFUSE' WHEN x.y % 1000 < 80 THEN 'REFUSE'
                                                      ELSE 'ALLOW' END AS decision,
                                                 CASE WHEN x.y % 1000 < 50 THEN ARRAY['NAT_EXPIRED']
                                                      WHEN x.y % 1000 < 60 THEN ARRAY['NOT_IN_RESIDENT_REGISTER']
                                                      WHEN x.y % 1000 < 75 THEN ARRAY['CODE_NOT_GREEN', 'NAT_EXPIRED']
                                                      WHEN x.y % 1000 < 80 THEN ARRAY['FEVER']
                                                      ELSE ARRAY[]::text[] END AS codes) o
                     WHERE ce.k * :per + p.i < :residents
                     RETURNING client_id, estate_id, id, occurred_at)
                    INSERT INTO access_check_client (client_id, estate_id, check_id, occurred_at)
                    SELECT client_id, estate_id, id, occurred_at FROM stored""")
                    .param("from", from).param("to", to).param("days", days).param("estates", estates).param("per", perEstate)
                    .param("residents", residents).param("first", first).param("policy", policy).param("by", BY).update();
        }

        /**
         * A pass for most residents: everyone but the floating population, less one in ten (never applied), issued over
         * the last 40 days for the policy's 30 (so about a quarter have expired, not yet renewed); one in a hundred revoked.
         */
        private void passes() {
            jdbc.sql("""
                    INSERT INTO res_pass (estate_id, person_id, issued_at, expires_at, revoked_at, revoked_by, revoke_reason,
                                          created_at, created_by)
                    SELECT p.estate_id, p.id, t.at, t.at + interval '30 days',
                           CASE WHEN p.id % 100 = 37 THEN least(now(), t.at + interval '3 days') END,
                           CASE WHEN p.id % 100 = 37 THEN :by END, CASE WHEN p.id % 100 = 37 THEN '已搬离小区' END, t.at, :by
                      FROM res_person p
                      CROSS JOIN LATERAL (SELECT now() - ((p.id * 7919) % (40 * 86400)) * interval '1 second' AS at) t
                     WHERE p.created_by = :by AND p.kind <> 'FLOATING' AND p.id % 10 <> 3""").param("by", BY).update();
        }

        /**
         * The follow-ups the refusals opened under the city's policy (Beijing 2022: a code not green or a fever is reported
         * to the community; an expired NAT alone opens none), one per refused check, created with the check. Nine in ten
         * are closed 1-48 hours later with a note, if that time has passed; the rest stay open.
         */
        private void followUps() {
            jdbc.sql("""
                    INSERT INTO access_follow_up (check_id, estate_id, check_occurred_at, kind, reason_codes, status, created_at,
                                                  created_by, closed_at, closed_by, closing_note)
                    SELECT c.id, c.estate_id, c.occurred_at, 'REPORT_COMMUNITY',
                           CASE WHEN 'FEVER' = ANY (c.reason_codes) THEN ARRAY['FEVER'] ELSE ARRAY['CODE_NOT_GREEN'] END,
                           CASE WHEN z.closed THEN 'CLOSED' ELSE 'OPEN' END, c.occurred_at, :by,
                           CASE WHEN z.closed THEN z.at END, CASE WHEN z.closed THEN :by END,
                           CASE WHEN z.closed THEN '已报社区，网格员已上门核实' END
                      FROM access_check c
                      CROSS JOIN LATERAL (SELECT c.occurred_at + (1 + c.id % 48) * interval '1 hour' AS at) t
                      CROSS JOIN LATERAL (SELECT t.at, c.id % 10 <> 0 AND t.at < now() AS closed) z
                     WHERE c.created_by = :by AND c.decision = 'REFUSE' AND c.reason_codes && ARRAY['CODE_NOT_GREEN', 'FEVER']""")
                    .param("by", BY).update();
        }

        /**
         * The care list's rows: special groups for about 5.5 % of the residents (those without a smartphone 2 %, elderly
         * living alone 2 %, chronic illness 1 %, children needing care 0.5 %), marked over the last 30 days with a staff
         * contact; two calls in the last week to each elderly or chronically ill person; home isolation (14 days) for one
         * resident in 2,000, started over the last 20 days (so about two thirds are isolated today), a daily check for every
         * day before today.
         */
        private void care() {
            jdbc.sql("""
                    INSERT INTO res_special (person_id, estate_id, kind, staff_contact, created_at, created_by)
                    SELECT p.id, p.estate_id, k.kind, '网格员' || (""" + SURNAMES + """
                           )[1 + p.estate_id % 30] || ' 13' || lpad(((p.estate_id * 7919) % 1000000000)::text, 9, '0'),
                           now() - ((p.id * 104729) % (30 * 86400)) * interval '1 second', :by
                      FROM res_person p
                      CROSS JOIN LATERAL (SELECT CASE WHEN p.no_smartphone THEN 'NO_SMARTPHONE' WHEN p.id % 50 = 1 THEN 'ELDERLY_ALONE'
                                                      WHEN p.id % 100 = 3 THEN 'CHRONIC_ILLNESS' WHEN p.id % 200 = 5 THEN 'CHILD' END AS kind) k
                     WHERE p.created_by = :by AND k.kind IS NOT NULL""").param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO res_contact_log (person_id, estate_id, note, created_at, created_by)
                    SELECT s.person_id, s.estate_id, n.note, now() - (n.n * 3 * 86400 + (s.id * 7919) % 86400) * interval '1 second', :by
                      FROM res_special s CROSS JOIN (VALUES (0, '电话问候，身体状况良好'), (1, '上门探望，已代购生活物资')) n(n, note)
                     WHERE s.created_by = :by AND s.kind IN ('ELDERLY_ALONE', 'CHRONIC_ILLNESS')""").param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO res_isolation (person_id, estate_id, starts_on, ends_on, reason, created_at, created_by)
                    SELECT p.id, p.estate_id, d.starts, d.starts + 13, '密切接触者，居家隔离 14 天',
                           (d.starts + time '09:00') AT TIME ZONE :zone, :by
                      FROM res_person p CROSS JOIN LATERAL (SELECT CAST(:today AS date) - ((p.id / 2000) * 7 % 20)::int AS starts) d
                     WHERE p.created_by = :by AND p.id % 2000 = 17""")
                    .param("today", java.sql.Date.valueOf(today)).param("zone", zone.getId()).param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO res_isolation_check (isolation_id, estate_id, day, temperature, symptoms, waste_collected, note,
                                                     created_at, created_by)
                    SELECT i.id, i.estate_id, d.day, 36.2 + ((i.id + (d.day - i.starts_on)) % 7) / 10.0, false, true, '',
                           (d.day + time '10:00') AT TIME ZONE :zone, :by
                      FROM res_isolation i
                      CROSS JOIN LATERAL (SELECT CAST(g AS date) AS day
                                            FROM generate_series(i.starts_on, least(i.ends_on, CAST(:today AS date) - 1), interval '1 day') g) d
                     WHERE i.created_by = :by""")
                    .param("today", java.sql.Date.valueOf(today)).param("zone", zone.getId()).param("by", BY).update();
        }

        private void hygiene() {
            jdbc.sql("WITH " + cityEstates() + """
                    INSERT INTO hyg_place (estate_id, name, place_type, times_per_day, agent, min_mg_l, max_mg_l,
                                           ventilation_minutes, created_by)
                    SELECT ce.id, p.name, p.type, 2, p.agent, p.lo, p.hi, p.vent, :by FROM ce
                     CROSS JOIN (VALUES ('1幢大堂', 'LOBBY', 'CHLORINE', 250, 500, 0), ('1幢电梯轿厢', 'LIFT_CAR', 'ALCOHOL_75', null, null, 0),
                                        ('垃圾分类点', 'WASTE_BINS', 'CHLORINE', 500, 1000, 0)) p(name, type, agent, lo, hi, vent)""")
                    .param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO hyg_task (place_id, estate_id, task_date, slot, due_at, created_by)
                    SELECT p.id, p.estate_id, CAST(:day0 AS date) + d, s, (CAST(:day0 AS date) + d + make_interval(hours => 8 + s * 6)) AT TIME ZONE :zone, :by
                      FROM hyg_place p CROSS JOIN generate_series(0, 29) d CROSS JOIN generate_series(1, 2) s
                     WHERE p.created_by = :by""")
                    .param("day0", java.sql.Date.valueOf(today.minusDays(29))).param("zone", zone.getId()).param("by", BY).update();
            // 95 % done; of those 4 % with too weak a solution (not compliant).
            jdbc.sql("""
                    INSERT INTO hyg_record (task_id, estate_id, done_at, agent, concentration_mg_l, area_m2, ventilation_minutes,
                                            compliant, issues, policy_version_id, created_at, created_by)
                    SELECT t.id, t.estate_id, t.due_at - interval '25 minutes' + (t.id % 40) * interval '1 minute', p.agent,
                           CASE WHEN p.agent <> 'CHLORINE' THEN NULL WHEN t.id % 25 = 3 THEN p.min_mg_l / 2 ELSE p.min_mg_l END,
                           120, p.ventilation_minutes, NOT (p.agent = 'CHLORINE' AND t.id % 25 = 3),
                           CASE WHEN p.agent = 'CHLORINE' AND t.id % 25 = 3 THEN ARRAY['CONCENTRATION_LOW'] ELSE ARRAY[]::text[] END,
                           :policy, t.due_at, :by
                      FROM hyg_task t JOIN hyg_place p ON p.id = t.place_id
                     WHERE t.created_by = :by AND t.id % 20 <> 7 AND t.due_at < now()""")
                    .param("policy", policy).param("by", BY).update();
        }

        private void reports() {
            // Submitted for 96 % of the estate-days before today; one in ten of those after the 18:00 deadline.
            jdbc.sql("WITH " + cityEstates() + """
                    , s AS (SELECT ce.id AS estate_id, CAST(:day0 AS date) + d AS day,
                                   (CAST(:day0 AS date) + d + time '18:00') AT TIME ZONE :zone AS deadline,
                                   (CAST(:day0 AS date) + d + time '16:00' + ((ce.id * 31 + d * 17) % 180) * interval '1 minute')
                                       AT TIME ZONE :zone AS sent
                              FROM ce CROSS JOIN generate_series(0, 28) d WHERE (ce.id * 7 + d) % 25 <> 0)
                    INSERT INTO report_submission (estate_id, report_date, sections, deadline_at, late, created_at, created_by)
                    SELECT estate_id, day, """ + SECTIONS + """
                           , deadline, sent > deadline, sent, :by FROM s""")
                    .param("day0", java.sql.Date.valueOf(today.minusDays(29))).param("zone", zone.getId()).param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO report_day (estate_id, report_date, first_submitted_at, submissions)
                    SELECT estate_id, report_date, min(created_at), count(*) FROM report_submission WHERE created_by = :by
                     GROUP BY estate_id, report_date""").param("by", BY).update();
            // The sums per region and company that DailyReports.submit keeps (V209), from the same reports.
            jdbc.sql("""
                    INSERT INTO report_scope_total (report_date, scope_path, title_key, label_key, unit_key, section_no, line_no, total, estates)
                    SELECT r.report_date, p.scope_path, sec.value->>'titleKey', line.value->>'labelKey',
                           min(coalesce(line.value->>'unitKey', '')), min(sec.n), min(line.n), sum((line.value->>'value')::numeric), count(*)
                      FROM report_submission r JOIN org_estate e ON e.id = r.estate_id
                     CROSS JOIN LATERAL (SELECT array_to_string(trim_array(parts, array_length(parts, 1) - k), '/') || '/' AS scope_path
                                           FROM (VALUES (string_to_array(rtrim(e.region_path, '/'), '/')),
                                                        (string_to_array(rtrim(e.company_path, '/'), '/'))) AS x(parts),
                                                generate_series(1, array_length(parts, 1) - 1) AS k) p
                     CROSS JOIN LATERAL jsonb_array_elements(r.sections) WITH ORDINALITY AS sec(value, n)
                     CROSS JOIN LATERAL jsonb_array_elements(sec.value->'lines') WITH ORDINALITY AS line(value, n)
                     WHERE r.created_by = :by
                     GROUP BY 1, 2, 3, 4
                    ON CONFLICT (report_date, scope_path, title_key, label_key) DO UPDATE   -- "R/" also sums the demo's reports
                       SET total = report_scope_total.total + excluded.total, estates = report_scope_total.estates + excluded.estates""")
                    .param("by", BY).update();
            // The counts per status that DailyReports.submit keeps (V211): each estate's first submission of the day.
            jdbc.sql("""
                    INSERT INTO report_scope_status (report_date, scope_path, deadline_at, submitted, late)
                    SELECT f.report_date, p.scope_path, f.deadline_at, count(*), count(*) FILTER (WHERE f.created_at > f.deadline_at)
                      FROM (SELECT DISTINCT ON (estate_id, report_date) estate_id, report_date, deadline_at, created_at
                              FROM report_submission WHERE created_by = :by ORDER BY estate_id, report_date, id) f
                      JOIN org_estate e ON e.id = f.estate_id
                     CROSS JOIN LATERAL (SELECT array_to_string(trim_array(parts, array_length(parts, 1) - k), '/') || '/' AS scope_path
                                           FROM (VALUES (string_to_array(rtrim(e.region_path, '/'), '/')),
                                                        (string_to_array(rtrim(e.company_path, '/'), '/'))) AS x(parts),
                                                generate_series(1, array_length(parts, 1) - 1) AS k) p
                     GROUP BY 1, 2, 3
                    ON CONFLICT (report_date, scope_path, deadline_at) DO UPDATE
                       SET submitted = report_scope_status.submitted + excluded.submitted, late = report_scope_status.late + excluded.late""")
                    .param("by", BY).update();
        }

        /**
         * A report's sections as the modules compile them (docs/PERFORMANCE.md: an empty report hid the cost of summing
         * a city's reports): five sections, 34 lines, figures varying by estate and day.
         */
        private static final String SECTIONS = """
                (SELECT jsonb_agg(jsonb_build_object('titleKey', t.title, 'lines',
                            (SELECT jsonb_agg(jsonb_build_object('labelKey', u.label, 'value', abs(hashtext(u.label || s.estate_id || s.day)) % 400,
                                                                 'unitKey', CASE WHEN u.label LIKE '%area' THEN 'report.unit.m2' ELSE 'report.unit.count' END)
                                              ORDER BY u.n)
                               FROM unnest(t.labels) WITH ORDINALITY AS u(label, n))) ORDER BY t.n)
                   FROM (VALUES (1, 'report.section.checkpoint', ARRAY['report.checks', 'report.allowed', 'report.refused', 'report.referred',
                                                                       'report.fever', 'report.staffOnDuty']),
                                (2, 'report.section.hygiene', ARRAY['report.hyg.tasks', 'report.hyg.disinfections', 'report.hyg.compliant',
                                                                    'report.hyg.nonCompliant', 'report.hyg.missed', 'report.hyg.area',
                                                                    'report.hyg.wasteHandedKg']),
                                (3, 'report.section.staff', ARRAY['report.stf.measured', 'report.stf.ineligible', 'report.staffOnDuty']),
                                (4, 'report.section.supplies', ARRAY['sup.category.MASKS.stock', 'sup.category.MASKS.used',
                                     'sup.category.MASKS.shortfall', 'sup.category.DISINFECTANT.stock', 'sup.category.DISINFECTANT.used',
                                     'sup.category.DISINFECTANT.shortfall', 'sup.category.GLOVES.stock', 'sup.category.GLOVES.used',
                                     'sup.category.GLOVES.shortfall', 'sup.category.THERMOMETERS.stock', 'sup.category.THERMOMETERS.used',
                                     'sup.category.THERMOMETERS.shortfall', 'sup.category.SUITS.stock', 'sup.category.SUITS.used',
                                     'sup.category.SUITS.shortfall', 'report.sup.itemsBelowCover']),
                                (5, 'report.section.emergency', ARRAY['report.emg.open', 'report.emg.opened', 'report.emg.lateReports']))
                        AS t(n, title, labels))""";

        private void supplies() {
            jdbc.sql("WITH " + cityEstates() + """
                    INSERT INTO sup_item (estate_id, name, category, unit, flammable, storage_place, keeper, created_by)
                    SELECT ce.id, i.name, i.category, i.unit, i.flammable, i.place, i.keeper, :by FROM ce
                     CROSS JOIN (VALUES ('医用外科口罩', 'MASKS', '个', false, null, null),
                                        ('75%酒精', 'ALCOHOL_75', '瓶', true, '物业仓库防火柜', '仓管员'),
                                        ('含氯消毒片', 'CHLORINE_TABLETS', '瓶', false, null, null),
                                        ('防护服', 'PROTECTIVE_SUIT', '套', false, null, null),
                                        ('额温枪', 'THERMOMETER', '把', false, null, null)) i(name, category, unit, flammable, place, keeper)""")
                    .param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO sup_movement (item_id, estate_id, direction, quantity, occurred_at, note, created_at, created_by)
                    SELECT i.id, i.estate_id, 'IN', 200 + i.id % 800, to_timestamp(:first + 9 * 3600), '开账入库', to_timestamp(:first + 9 * 3600), :by
                      FROM sup_item i WHERE i.created_by = :by""").param("first", first).param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO sup_movement (item_id, estate_id, direction, quantity, occurred_at, note, created_at, created_by)
                    SELECT i.id, i.estate_id, 'OUT', 1 + (i.id + d) % 9, to_timestamp(:first + d * 86400 + 8 * 3600 + i.id % 3600),
                           '日常领用', to_timestamp(:first + d * 86400 + 8 * 3600 + i.id % 3600), :by
                      FROM sup_item i CROSS JOIN generate_series(0, 28) d WHERE i.created_by = :by""")
                    .param("first", first).param("by", BY).update();
        }

        private void incidents() {
            // One estate in a hundred had a case in the 30 days; those older than 14 days are ended.
            jdbc.sql("WITH " + cityEstates() + """
                    INSERT INTO emg_incident (estate_id, kind, case_name, source, onset_at, status, opened_at, opened_by,
                                              cdc_assessed_at, cdc_assessor, cdc_result, cdc_recorded_by, ended_at, ended_by)
                    SELECT ce.id, (ARRAY['SYMPTOMATIC','SUSPECTED','CONFIRMED','ASYMPTOMATIC'])[1 + ce.k % 4], '某' || ce.k,
                           'REGISTER', o.at - interval '1 day',
                           CASE WHEN o.ended THEN 'ENDED' ELSE 'OPEN' END, o.at, :by,
                           CASE WHEN o.ended THEN o.at + interval '14 days' END, CASE WHEN o.ended THEN '区疾控中心' END,
                           CASE WHEN o.ended THEN '评估合格，宣布结束' END, CASE WHEN o.ended THEN :by END,
                           CASE WHEN o.ended THEN o.at + interval '14 days' END, CASE WHEN o.ended THEN :by END
                      FROM ce CROSS JOIN LATERAL (SELECT to_timestamp(:first + (ce.k * 7919 % 29) * 86400 + 36000) AS at) t
                      CROSS JOIN LATERAL (SELECT t.at AS at, t.at + interval '14 days' < now() AS ended) o
                     WHERE ce.k % 100 = 0""").param("first", first).param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO emg_incident_log (incident_id, estate_id, at, actor, kind, detail)
                    SELECT i.id, i.estate_id, l.at, :by, l.kind, l.detail FROM emg_incident i
                     CROSS JOIN LATERAL (VALUES (i.opened_at, 'OPENED', '发现疑似病例'),
                                                (i.opened_at + interval '8 minutes', 'REPORTED', '电话报告社区'),
                                                (i.opened_at + interval '45 minutes', 'CDC_GUIDED_IN', '区疾控中心流调组'),
                                                (i.ended_at, 'ENDED', '评估合格，宣布结束')) l(at, kind, detail)
                     WHERE i.opened_by = :by AND l.at IS NOT NULL""").param("by", BY).update();
        }

        private void inspections() {
            Long template = jdbc.sql("SELECT min(id) FROM sup_template WHERE status = 'IN_USE' AND preset").query(Long.class).single();
            if (template == null) {
                System.out.println("    no preset template in use: no inspections");
                return;
            }
            jdbc.sql("WITH " + cityEstates() + """
                    INSERT INTO sup_inspection (template_id, estate_id, kind, inspector_staff_id, inspector_name, started_at,
                                                submitted_at, score, max_score, pass_mark, qualified, policy_version_id, items_digest, created_by)
                    SELECT t.id, ce.id, 'SPOT_CHECK', 1, '街道检查员', s.at - interval '40 minutes', s.at, t.total_points, t.total_points,
                           t.pass_mark, true, :policy, 'city-generator', :by
                      FROM ce CROSS JOIN sup_template t
                      CROSS JOIN LATERAL (SELECT to_timestamp(:first + (ce.k * 13 % 29) * 86400 + 36000 + ce.k % 3600) AS at) s
                     WHERE t.id = :template""").param("policy", policy).param("first", first).param("template", template)
                    .param("by", BY).update();
            jdbc.sql("""
                    INSERT INTO sup_inspection_item (inspection_id, item_id, entered, answer, score, failed)
                    SELECT i.id, it.id, CASE WHEN it.mode IN ('ALL_OR_NOTHING', 'GRADED', 'DEDUCTION') THEN it.max_points END,
                           CASE WHEN it.mode = 'YES_NO_NA' THEN 'YES' END,
                           CASE WHEN it.mode IN ('ALL_OR_NOTHING', 'GRADED', 'DEDUCTION') THEN it.max_points END, false
                      FROM sup_inspection i JOIN sup_template_section s ON s.template_id = i.template_id
                      JOIN sup_template_item it ON it.section_id = s.id
                     WHERE i.created_by = :by""").param("by", BY).update();
        }

        private void users() {
            Users users = ctx.getBean(Users.class);
            long city = Long.parseLong(cityPath.split("/")[1]);
            users.createSeeded(new Users.NewUser("jiangcheng", "city-pass-1234", "江城市住建局", Role.CITY_AUTHORITY, city, null, null, null),
                    users.hash("city-pass-1234"), BY);
            long estate = jdbc.sql("SELECT min(id) FROM org_estate WHERE region_path LIKE :city || '%'").param("city", cityPath)
                    .query(Long.class).single();
            users.createSeeded(new Users.NewUser("jiangcheng-e1", "city-pass-1234", "防疫管理员", Role.PREVENTION_ADMIN, null, null, estate, null),
                    users.hash("city-pass-1234"), BY);
            // The district and the street of that estate, for the lists measured at each level.
            String path = jdbc.sql("SELECT region_path FROM org_estate WHERE id = :e").param("e", estate).query(String.class).single();
            String[] ids = path.split("/");   // R, city, district, street, community, E<estate>
            users.createSeeded(new Users.NewUser("jiangcheng-d1", "city-pass-1234", "区住建局", Role.DISTRICT_AUTHORITY,
                    Long.parseLong(ids[2]), null, null, null), users.hash("city-pass-1234"), BY);
            users.createSeeded(new Users.NewUser("jiangcheng-s1", "city-pass-1234", "街道办", Role.STREET_AUTHORITY,
                    Long.parseLong(ids[3]), null, null, null), users.hash("city-pass-1234"), BY);
        }
    }
}
