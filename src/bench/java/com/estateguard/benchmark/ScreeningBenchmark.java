package com.estateguard.benchmark;

import com.estateguard.Application;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.Role;
import com.estateguard.emergency.CaseSource;
import com.estateguard.emergency.IncidentId;
import com.estateguard.emergency.IncidentKind;
import com.estateguard.emergency.Incidents;
import com.estateguard.emergency.OpenIncident;
import com.estateguard.emergency.internal.screening.ScreeningForms;
import com.estateguard.emergency.internal.screening.ScreeningRounds;
import com.estateguard.org.EstateId;
import com.estateguard.residents.internal.ResidentImport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures a screening round's board (EMG-08: due computed from the register, the gate records and
 * the roster, results from the NAT register and on-site samples, progress per building and unit) for
 * an estate of 5,000 residents with a week of gate records and 3,000 register results. Not a test:
 * {@code ./mvnw -Pbench test-compile exec:java@screening} (-Dbench.rows=N, -Dbench.checks=N).
 */
public final class ScreeningBenchmark {

    private ScreeningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 5_000);
        int checks = Integer.getInteger("bench.checks", 100_000);
        ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--estateguard.embedded-db.data-dir=target/bench-screening-pg",
                "--estateguard.embedded-db.clean=true", "--spring.profiles.active=demo",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--estateguard.evidence.seal-every=PT10H");
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            long estate = jdbc.sql("SELECT id FROM org_estate WHERE name = '锦绣苑'").query(Long.class).single();
            String scope = jdbc.sql("SELECT region_path FROM org_estate WHERE id = :e").param("e", estate).query(String.class).single();
            var admin = new CurrentUser(0, "bench", "bench", Role.PREVENTION_ADMIN, scope, estate, null);
            ctx.getBean(ResidentImport.class).importFile(estate, "bench.xlsx", new ByteArrayInputStream(file(rows)), admin);
            seed(jdbc, estate, checks);
            IncidentId incident = ctx.getBean(Incidents.class).open(new OpenIncident(new EstateId(estate), false, IncidentKind.CONFIRMED,
                    "基准病例", null, null, CaseSource.NEW, null, null, null, null), admin);
            var rounds = ctx.getBean(ScreeningRounds.class);
            LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
            var round = rounds.open(incident, new ScreeningForms.RoundForm(now.minusHours(6), now.plusHours(6)), admin);
            List<Long> millis = new ArrayList<>();
            ScreeningRounds.Board board = null;
            for (int i = 0; i < 30; i++) {
                long t = System.nanoTime();
                board = rounds.board(round.id(), admin);
                millis.add((System.nanoTime() - t) / 1_000_000);
            }
            System.out.printf("due %d (tested %d, untested %d), %d buildings/units; first %d ms%n", board.total().due(),
                    board.total().tested(), board.total().untested(), board.progress().size(), millis.get(0));
            List<Long> warm = new ArrayList<>(millis.subList(5, millis.size()));
            Collections.sort(warm);
            System.out.printf("warm (25 runs): median %d ms, p95 %d ms, max %d ms%n", warm.get(warm.size() / 2),
                    warm.get((int) Math.ceil(warm.size() * 0.95) - 1), warm.get(warm.size() - 1));
            breakdown(ctx, estate, round.startsAt(), round.endsAt());
        } finally {
            ctx.close();
        }
    }

    /** Median of each step the board takes, each through the module API it asks. */
    private static void breakdown(ConfigurableApplicationContext ctx, long estate, java.time.Instant from, java.time.Instant to) {
        var register = ctx.getBean(com.estateguard.residents.ResidentDirectory.class);
        var absences = ctx.getBean(com.estateguard.access.Absences.class);
        var nat = ctx.getBean(com.estateguard.healthdata.NatResults.class);
        EstateId id = new EstateId(estate);
        var people = register.people(id);
        var keys = people.stream().map(com.estateguard.residents.ResidentDirectory.RegisteredPerson::personKey).toList();
        System.out.printf("steps (median of 15): register %d ms, away %d ms, NAT register %d ms%n",
                median(() -> register.people(id)), median(() -> absences.away(id, keys, java.time.Instant.now())),
                median(() -> nat.newestBetween(keys, from, to)));
    }

    private static long median(Runnable step) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long t = System.nanoTime();
            step.run();
            millis.add((System.nanoTime() - t) / 1_000_000);
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    /** A week of gate passages of the residents, in and out, and register results for 60 % of them. */
    private static void seed(JdbcClient jdbc, long estate, int checks) {
        jdbc.sql("""
                        WITH p AS (SELECT row_number() OVER (ORDER BY id) - 1 AS n, name, person_key FROM res_person WHERE estate_id = :e)
                        INSERT INTO access_check (client_id, estate_id, entrance_id, occurred_at, direction, category, person_name,
                               person_key, evidence, decision, reason_codes, reasons, policy_version_id, created_by)
                        SELECT gen_random_uuid(), :e, (SELECT min(id) FROM org_entrance WHERE estate_id = :e),
                               now() - make_interval(mins => (g * 7) % 10000 + 60),
                               CASE WHEN g % 7 = 0 THEN 'OUT' ELSE 'IN' END, 'RESIDENT', p.name, p.person_key, '{}'::jsonb, 'ALLOW',
                               '{}', '[]'::jsonb, (SELECT max(id) FROM policy_version), 'bench'
                          FROM generate_series(1, :n) g JOIN p ON p.n = g % (SELECT count(*) FROM p)""")
                .param("e", estate).param("n", checks).update();
        jdbc.sql("""
                        INSERT INTO health_nat_result (person_key, person_name, id_masked, sampled_at, result, created_by)
                        SELECT person_key, name, id_masked, now() - interval '1 hour', 'NEGATIVE', 'bench'
                          FROM res_person WHERE estate_id = :e AND id % 10 < 6 ON CONFLICT DO NOTHING""")
                .param("e", estate).update();
        // The person-and-time index the contacts branch adds (access V88); created here when this branch runs alone.
        jdbc.sql("CREATE INDEX IF NOT EXISTS access_check_person_time ON access_check (person_key, occurred_at) WHERE person_key IS NOT NULL")
                .update();
        jdbc.sql("ANALYZE").update();
    }

    private static byte[] file(int rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "bench", "1.0");
        Worksheet ws = wb.newWorksheet("住户名册");
        ws.value(0, 0, "楼栋");
        for (int i = 0; i < rows; i++) {
            String first17 = "320583" + LocalDate.of(1950, 1, 1).plusDays(i / 100).toString().replace("-", "")
                    + String.format("%03d", i % 100 + 100);
            int r = i + 1;
            ws.value(r, 0, (1 + i / 200) + "号楼");
            ws.value(r, 1, (1 + i % 2) + "单元");
            ws.value(r, 2, (1 + (i / 4) % 30) + "0" + (1 + i % 4));
            ws.value(r, 3, "住户" + i);
            ws.value(r, 4, first17 + IdNumber.checkChar(first17));
            ws.value(r, 5, "139" + String.format("%08d", i));
            ws.value(r, 6, "业主");
            ws.value(r, 7, "否");
            ws.value(r, 8, "否");
        }
        wb.finish();
        return out.toByteArray();
    }
}
