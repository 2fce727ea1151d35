package com.estateguard.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.estateguard.Fixtures;
import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.access.internal.visitors.VisitForm;
import com.estateguard.access.internal.visitors.Visitors;
import com.estateguard.common.InvalidInputException;
import com.estateguard.policy.PolicyPreset;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The gate desk's visitor page (ACC-11, ACC-12): registration, the risk-area NAT rule, unlisted exceptions, reports. */
@IntegrationTest
class VisitorDeskTest {

    @LocalServerPort
    int port;
    @Autowired
    Visitors visitors;
    @Autowired
    TestClock clock;
    @Autowired
    TestData data;
    @Autowired
    ResidentsTestData residents;

    @Test
    void theGuardRegistersAVisitorWithAPlateAndReportsASuspiciousOne() {
        // Under Kunshan 2020 an outsider comes in only for an exception the policy lists.
        var guard = data.estate(PolicyPreset.KUNSHAN_2020).guard().login(port);
        assertThat(guard.get("/visitors").status()).isEqualTo(200);
        LocalDate today = clock.today();
        var saved = guard.postForm("/visitors", Map.of("hostName", "陶文静", "hostAddress", "5-2-301", "visitorName", "驾车客",
                "idNumber", Fixtures.newIdNumber(), "visitDate", today.toString(), "plate", "苏E12345", "exception", "子女探视老人"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(guard.get("/visitors").body()).contains("驾车客").contains("苏E12345").contains("卡口登记");

        var badPlate = guard.postForm("/visitors", Map.of("hostAddress", "5-2-301", "visitorName", "错牌", "idNumber",
                Fixtures.newIdNumber(), "visitDate", today.toString(), "plate", "ABC"));
        assertThat(badPlate.body()).contains("车牌格式不正确");

        assertThat(guard.postForm("/visitors/reports", Map.of("visitorName", "可疑者", "kind", "SUSPICIOUS",
                "note", "反复打听住户信息", "reportedTo", "POLICE")).status()).isEqualTo(302);
        assertThat(guard.get("/visitors").body()).contains("可疑者").contains("公安");
    }

    @Test
    void aRiskAreaArrivalNeedsANatWithinThePolicysDaysAndOnlyListedExceptionsCount() {
        var kunshan = data.estate(PolicyPreset.KUNSHAN_2020);
        var resident = residents.resident(kunshan, "5", "2", "301", "陶文静").login().user();
        long estate = kunshan.id();
        LocalDate today = clock.today();
        VisitForm late = new VisitForm("", "", "风险客", Fixtures.newIdNumber(), "", today.plusDays(1), "", "", "武汉", true, today.minusDays(7));
        assertThatThrownBy(() -> visitors.register(estate, late, false, resident)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("visit.error.riskAreaNat");
        VisitForm inTime = new VisitForm("", "", "风险客", Fixtures.newIdNumber(), "", today.plusDays(1), "", "", "武汉", true, today.minusDays(5));
        assertThat(visitors.register(estate, inTime, false, resident)).isPositive();

        VisitForm unlisted = new VisitForm("", "", "朋友", Fixtures.newIdNumber(), "", today, "朋友聚会", "", "", false, null);
        assertThatThrownBy(() -> visitors.register(estate, unlisted, false, resident)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("visit.error.exception");
    }
}
