package com.estateguard.supervision.internal.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.org.CompanyRef;
import com.estateguard.org.EstateRef;
import com.estateguard.supervision.internal.letter.Addressees.Addressee;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who signs the letter (seed 003: 本土企业由总公司、各分公司负责人签阅，外市企业由本市分公司负责人签阅). */
class AddresseesTest {

    private static final long CITY = 1;
    private static final long ELSEWHERE = 99;

    private final CompanyRef localHq = new CompanyRef(10, null, "本土物业", "HQ", "C/10/", CITY);
    private final CompanyRef localBranch = new CompanyRef(11, 10L, "本土物业分公司", "BRANCH", "C/10/11/", CITY);
    private final CompanyRef localBranchAway = new CompanyRef(12, 10L, "本土物业外地分公司", "BRANCH", "C/10/12/", ELSEWHERE);
    private final CompanyRef outHq = new CompanyRef(20, null, "外市物业", "HQ", "C/20/", ELSEWHERE);
    private final CompanyRef outBranch = new CompanyRef(21, 20L, "外市物业本市分公司", "BRANCH", "C/20/21/", CITY);
    private final CompanyRef loneHq = new CompanyRef(30, null, "外市无分公司物业", "HQ", "C/30/", ELSEWHERE);
    private final CompanyRef idle = new CompanyRef(40, null, "辖区外物业", "HQ", "C/40/", CITY);

    @Test
    void aLocalCompanySignsByItsHeadOfficeAndBranchesInTheCityAnOutOfTownOneByItsLocalBranch() {
        List<Addressee> to = Addressees.of(CITY, List.of(estate(localBranch), estate(outBranch), estate(loneHq)),
                List.of(localHq, localBranch, localBranchAway, outHq, outBranch, loneHq, idle));
        Map<String, SignerBasis> who = to.stream().collect(Collectors.toMap(a -> a.office().name(), Addressee::basis));
        assertThat(who).containsOnly(
                Map.entry("本土物业", SignerBasis.LOCAL_HEAD_OFFICE),
                Map.entry("本土物业分公司", SignerBasis.LOCAL_COMPANY_BRANCH),
                Map.entry("外市物业本市分公司", SignerBasis.OUT_OF_TOWN_LOCAL_BRANCH),
                Map.entry("外市无分公司物业", SignerBasis.MANAGING_OFFICE));
    }

    @Test
    void aCompanyWhoseCityIsNotRecordedCountsAsLocal() {
        CompanyRef unknown = new CompanyRef(50, null, "未登记城市物业", "HQ", "C/50/", null);
        assertThat(Addressees.of(CITY, List.of(estate(unknown)), List.of(unknown)))
                .containsExactly(new Addressee(unknown, SignerBasis.LOCAL_HEAD_OFFICE));
    }

    @Test
    void theLetterTextHashesTheCanonicalText() {
        LetterText text = LetterText.zhongshan2022();
        assertThat(text.questions()).hasSize(12);
        assertThat(text.canonical()).contains("\n12.您是否清楚并要求员工主动参与社区疫情防控工作，积极开展志愿服务工作？\n");
        assertThat(text.sha256()).isEqualTo(LetterText.sha256(text.canonical())).hasSize(64);
    }

    private static EstateRef estate(CompanyRef company) {
        return new EstateRef(company.id() * 100, "小区" + company.id(), 5, "社区", company.id(), company.name(), BigDecimal.TEN, null,
                "R/1/2/3/5/E" + company.id() * 100 + "/", company.path() + "E" + company.id() * 100 + "/", null, null, null);
    }
}
