package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.access.internal.renovation.Renovations;
import com.estateguard.healthdata.internal.RegisterImport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A renovation site (ACC-14): workers checked against the NAT comparison register; at most the policy's number on site. */
@IntegrationTest
class RenovationSiteTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Renovations renovations;
    @Autowired
    RegisterImport registers;
    @Autowired
    com.estateguard.policy.Policies policies;
    @Autowired
    com.estateguard.org.OrgDirectory org;
    @Autowired
    TestClock clock;

    @Test
    void workersWithARegisteredNegativeNatGoInUntilTheSiteIsFull() {
        var admin = Fixtures.user(jdbc, "admin");
        LocalDate today = clock.today();
        long site = renovations.openSite(Fixtures.estate(jdbc, "阳光花园"), "8-1-702", "好邻居装饰", today.minusDays(1), today.plusDays(20), admin);
        List<Long> workers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {   // one more than the seed cap of 4
            String id = Fixtures.newIdNumber();
            registers.record(RegisterImport.Kind.NAT, id, "工人" + i, clock.instant().minus(10, ChronoUnit.HOURS), "NEGATIVE", "test");
            workers.add(renovations.addWorker(site, "工人" + i, id, "", admin));
        }
        long unregistered = renovations.addWorker(site, "无核酸", Fixtures.newIdNumber(), "", admin);

        var noNat = renovations.arrive(unregistered, new BigDecimal("36.5"), true, admin);
        assertThat(noNat.admitted()).isFalse();
        assertThat(noNat.refusals()).anyMatch(r -> r.contains("核酸比对登记簿"));

        var estate = org.estate(Fixtures.estate(jdbc, "阳光花园"), "R/").orElseThrow();
        int cap = policies.inForce(estate.regionPath(), clock.instant()).parameters().workersPerSite();
        assertThat(cap).isEqualTo(4);
        for (int i = 0; i < cap; i++) {
            assertThat(renovations.arrive(workers.get(i), new BigDecimal("36.5"), true, admin).admitted()).isTrue();
        }
        var fifth = renovations.arrive(workers.get(cap), new BigDecimal("36.5"), true, admin);
        assertThat(fifth.admitted()).isFalse();
        assertThat(fifth.refusals()).singleElement().asString().contains("上限");

        renovations.leave(workers.get(0), admin);
        assertThat(renovations.arrive(workers.get(cap), new BigDecimal("36.5"), true, admin).admitted()).isTrue();
        assertThat(renovations.site(site, admin).onSite()).isEqualTo(cap);
        assertThat(TestClient.person(port, "admin", "demo1234").get("/sites/" + site).body()).contains("好邻居装饰").contains("工人4");
    }
}
