package com.estateguard;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.IdNumber;
import com.estateguard.common.Role;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks up the demo data's people and places by name, so tests read like the demo. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(500);
    public static final String DEMO_DEVICE_KEY = "eg_demo0001_5f2c9a7e41b04d8c9e3f6a1b2c3d4e5f60718293a4b5c6d7";

    private Fixtures() {
    }

    /** A fresh valid ID number nobody else in the tests uses. */
    public static String newIdNumber() {
        String first17 = "110105" + LocalDate.of(1980, 1, 1).plusDays(SEQUENCE.incrementAndGet()).toString().replace("-", "")
                + String.format("%03d", SEQUENCE.get() % 1000);
        return first17 + IdNumber.checkChar(first17);
    }

    public static long estate(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT id FROM org_estate WHERE name = :n").param("n", name).query(Long.class).single();
    }

    public static long entrance(JdbcClient jdbc, String estate, String entrance) {
        return jdbc.sql("SELECT n.id FROM org_entrance n JOIN org_estate e ON e.id = n.estate_id WHERE e.name = :e AND n.name = :n")
                .param("e", estate).param("n", entrance).query(Long.class).single();
    }

    /** The demo user as the application sees them once logged in. */
    public static CurrentUser user(JdbcClient jdbc, String username) {
        return jdbc.sql("SELECT id, username, display_name, role, scope_path, estate_id FROM iam_user WHERE username = :u")
                .param("u", username)
                .query((rs, i) -> new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getString("scope_path"), (Long) rs.getObject("estate_id"), null))
                .single();
    }

    public static long countChecks(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM access_check").query(Long.class).single();
    }
}
