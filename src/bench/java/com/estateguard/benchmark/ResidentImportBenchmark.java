package com.estateguard.benchmark;

import com.estateguard.Application;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.Role;
import com.estateguard.residents.internal.ResidentImport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures importing a 10,000-row register (.xlsx) into one estate, then importing the same file
 * again (nothing changes). Not a test: run with
 * {@code ./mvnw -Pbench test-compile exec:java@residents}
 * (rows with -Dbench.rows=N). Starts the application on a fresh embedded PostgreSQL with demo data.
 */
public final class ResidentImportBenchmark {

    private ResidentImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 10_000);
        ConfigurableApplicationContext ctx = new SpringApplication(Application.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--estateguard.embedded-db.data-dir=target/bench-residents-pg",
                "--estateguard.embedded-db.clean=true", "--spring.profiles.active=demo",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            ResidentImport imports = ctx.getBean(ResidentImport.class);
            long estate = jdbc.sql("SELECT id FROM org_estate WHERE name = '锦绣苑'").query(Long.class).single();
            var admin = new CurrentUser(0, "bench", "bench", Role.PREVENTION_ADMIN, "R/", estate, null);
            byte[] file = file(rows);
            System.out.printf("file: %d rows, %.1f MB%n", rows, file.length / 1e6);
            for (String run : new String[]{"first import", "repeat import", "repeat import"}) {
                var result = imports.importFile(estate, "bench.xlsx", new ByteArrayInputStream(file), admin);
                System.out.printf("%-14s %6d ms  (%d rows: %d new, %d changed, %d unchanged, %d bad) = %.0f rows/s%n", run,
                        result.millis(), result.total(), result.added(), result.changed(), result.unchanged(),
                        result.errors().size(), result.total() * 1000.0 / Math.max(1, result.millis()));
            }
        } finally {
            ctx.close();
        }
    }

    private static byte[] file(int rows) throws IOException {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "bench", "1.0");
        Worksheet ws = wb.newWorksheet("住户名册");
        ws.value(0, 0, "楼栋");
        for (int i = 0; i < rows; i++) {
            String first17 = "320583" + LocalDate.of(1940, 1, 1).plusDays(i / 100).toString().replace("-", "")
                    + String.format("%03d", i % 100 + 100);
            int r = i + 1;
            ws.value(r, 0, String.valueOf(1 + i / 200));
            ws.value(r, 1, String.valueOf(1 + i % 2));
            ws.value(r, 2, (1 + (i / 4) % 30) + "0" + (1 + i % 4));
            ws.value(r, 3, "住户" + i);
            ws.value(r, 4, first17 + IdNumber.checkChar(first17));
            ws.value(r, 5, "139" + String.format("%08d", i));
            ws.value(r, 6, i % 3 == 0 ? "租户" : "业主");
            ws.value(r, 7, i % 10 == 0 ? "是" : "否");
            ws.value(r, 8, "否");
        }
        wb.finish();
        return out.toByteArray();
    }
}
