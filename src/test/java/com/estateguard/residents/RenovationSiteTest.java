package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.internal.renovation.Renovations;
import com.estateguard.access.internal.renovation.WorkerCheck;
import com.estateguard.common.Reason;
import com.estateguard.healthdata.internal.RegisterImport;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A renovation site (ACC-14): workers checked against the NAT comparison register; at most the policy's number on site. */
@IntegrationTest
class RenovationSiteTest {

    @LocalServerPort
    int port;
    @Autowired
    Renovations renovations;
    @Autowired
    RegisterImport registers;
    @Autowired
    Policies policies;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;

    @Test
    void workersWithARegisteredNegativeNatGoInUntilTheSiteIsFull() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin().user();
        LocalDate today = clock.today();
        long site = renovations.openSite(estate.id(), "8-1-702", "好邻居装饰", today.minusDays(1), today.plusDays(20), admin);
        List<Long> workers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {   // one more than the preset's cap of 4
            String id = Fixtures.newIdNumber();
            registers.record(RegisterImport.Kind.NAT, id, "工人" + i, clock.instant().minus(10, ChronoUnit.HOURS), "NEGATIVE", "test");
            workers.add(renovations.addWorker(site, "工人" + i, id, "", admin));
        }
        long unregistered = renovations.addWorker(site, "无核酸", Fixtures.newIdNumber(), "", admin);

        var noNat = renovations.arrive(unregistered, new BigDecimal("36.5"), true, admin);
        assertThat(noNat.admitted()).isFalse();
        assertThat(noNat.refusals()).extracting(Reason::code).contains(WorkerCheck.Refusal.NO_NEGATIVE_NAT);

        int cap = policies.inForce(estate.regionPath(), clock.instant()).parameters().workersPerSite();
        assertThat(cap).isEqualTo(4);
        for (int i = 0; i < cap; i++) {
            assertThat(renovations.arrive(workers.get(i), new BigDecimal("36.5"), true, admin).admitted()).isTrue();
        }
        var fifth = renovations.arrive(workers.get(cap), new BigDecimal("36.5"), true, admin);
        assertThat(fifth.admitted()).isFalse();
        assertThat(fifth.refusals()).extracting(Reason::code).containsExactly(WorkerCheck.Refusal.SITE_FULL);

        renovations.leave(workers.get(0), admin);
        assertThat(renovations.arrive(workers.get(cap), new BigDecimal("36.5"), true, admin).admitted()).isTrue();
        assertThat(renovations.site(site, admin).onSite()).isEqualTo(cap);
        assertThat(estate.admin().login(port).get("/sites/" + site).body()).contains("好邻居装饰").contains("工人4");
    }

    @Test
    void atThePolicysLimitAWorkerGoesInAndTheSitePageSaysEveryRefusalInWords() {
        var estate = data.estate(PolicyPreset.BEIJING_2022);
        var admin = estate.admin().user();
        LocalDate today = clock.today();
        long site = renovations.openSite(estate.id(), "8-2-101", "安居装饰", today.minusDays(1), today.plusDays(5), admin);
        String id = Fixtures.newIdNumber();
        registers.record(RegisterImport.Kind.NAT, id, "体温工人", clock.instant().minus(10, ChronoUnit.HOURS), "NEGATIVE", "test");
        long worker = renovations.addWorker(site, "体温工人", id, "", admin);
        long noNat = renovations.addWorker(site, "无核酸工人", Fixtures.newIdNumber(), "", admin);
        var policy = policies.inForce(estate.regionPath(), clock.instant()).parameters();
        BigDecimal limit = policy.temperatureLimitC();
        BigDecimal above = limit.add(new BigDecimal("0.1"));

        var page = estate.admin().login(port);
        page.get("/sites/" + site);
        page.postForm("/sites/" + site + "/workers/" + noNat + "/arrive", Map.of("temperature", above.toPlainString()));
        assertThat(page.get("/sites/" + site).body()).contains("不予进场").contains("健康码非绿码")
                .contains("体温 " + above.stripTrailingZeros().toPlainString() + " °C，高于 " + limit.stripTrailingZeros().toPlainString() + " °C 的上限")
                .contains("核酸比对登记簿中无 " + policy.natWindowHours() + " 小时内阴性结果");

        assertThat(renovations.arrive(worker, limit, true, admin).admitted()).isTrue();
    }
}
