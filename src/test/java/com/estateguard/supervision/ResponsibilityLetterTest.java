package com.estateguard.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClient;
import com.estateguard.TestClock;
import com.estateguard.TestData.Person;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.OrgDirectory;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.PolicyPreset;
import com.estateguard.supervision.internal.letter.LetterText;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The responsibility letter over HTTP (SPV-08, seed 003): published by the association of a city of
 * the test's own to its companies; the head office and branch of a local company sign, and the local
 * branch of a company from another city (not its head office); a wrong person is refused; what was
 * signed is the SHA-256 of the text as published; the unsigned ledger lists the rest after the
 * deadline, with reminders; a street sees only the companies working in it.
 */
@IntegrationTest
class ResponsibilityLetterTest {

    private static final Pattern HASH = Pattern.compile("id=\"content-sha256\">([0-9a-f]{64})<");

    @LocalServerPort
    int port;
    @Autowired
    TestTree tree;
    @Autowired
    OrgDirectory org;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    String tag;
    RegionRef city;
    RegionRef otherStreet;
    long localHq;
    long localBranch;
    long outHq;
    long outBranch;
    long late;
    Person association;

    @BeforeEach
    void aCityWithLocalAndOutOfTownCompanies() {
        tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000));
        city = tree.city(PolicyPreset.BEIJING_2022);
        long elsewhere = org.createRegion(null, RegionLevel.CITY, "外市" + tag, "test");
        RegionRef district = tree.region(city, RegionLevel.DISTRICT);
        RegionRef street = tree.region(district, RegionLevel.STREET);
        otherStreet = tree.region(district, RegionLevel.STREET);
        localHq = org.createCompany(null, "本土物业" + tag, city.id(), "test");
        localBranch = org.createCompany(localHq, "本土物业分公司" + tag, city.id(), "test");
        outHq = org.createCompany(null, "外市物业" + tag, elsewhere, "test");
        outBranch = org.createCompany(outHq, "外市物业本市分公司" + tag, city.id(), "test");
        late = org.createCompany(null, "迟签物业" + tag, city.id(), "test");
        tree.estate(tree.region(street, RegionLevel.COMMUNITY), localBranch);
        tree.estate(tree.region(otherStreet, RegionLevel.COMMUNITY), outBranch);
        tree.estate(tree.region(street, RegionLevel.COMMUNITY), late);
        association = tree.authority(Role.PROPERTY_ASSOCIATION, city);
    }

    @Test
    void theRightHeadsSignWhatWasPublishedAndTheLedgerListsTheRest() throws Exception {
        TestClient assoc = association.login(port);
        LocalDateTime deadline = clock.localNow().plusDays(2).withSecond(0).withNano(0);
        long letter = publish(assoc, deadline);

        String page = assoc.get("/supervision/letters/" + letter).body();
        LetterText preset = LetterText.zhongshan2022();
        assertThat(page).contains(preset.questions().get(6)).contains("本土物业分公司" + tag).contains("外市物业本市分公司" + tag)
                .doesNotContain("data-company=\"外市物业" + tag + "\"");
        String hash = hashOn(page);
        String text = assoc.get("/supervision/letters/" + letter + "/content.txt").body();
        assertThat(LetterText.sha256(text)).isEqualTo(hash);
        assertThat(text).contains("12." + preset.questions().get(11));

        TestClient outOfTownHead = tree.companyHead(outHq).login(port);
        assertThat(sign(outOfTownHead, letter, outBranch, hash, 12).status()).as("the out-of-town head office does not sign").isEqualTo(403);
        TestClient branchHead = tree.companyHead(localBranch).login(port);
        assertThat(sign(branchHead, letter, localHq, hash, 12).status()).as("a branch head cannot sign for the head office").isEqualTo(403);
        TestClient guard = tree.staff(Role.GUARD, estateOf(localBranch)).login(port);
        assertThat(sign(guard, letter, localBranch, hash, 12).status()).isEqualTo(403);

        TestClient hqHead = tree.companyHead(localHq).login(port);
        assertThat(sign(hqHead, letter, localHq, hash, 11).status()).as("every question answered").isEqualTo(422);
        assertThat(sign(hqHead, letter, localHq, "0".repeat(64), 12).status()).as("a text other than the published one").isEqualTo(409);
        assertThat(sign(hqHead, letter, localHq, hash, 12).status()).isEqualTo(302);
        assertThat(sign(hqHead, letter, localHq, hash, 12).status()).as("signed once").isEqualTo(409);
        assertThat(sign(branchHead, letter, localBranch, hash, 12).status()).isEqualTo(302);
        TestClient localBranchOfOutsider = tree.companyHead(outBranch).login(port);
        assertThat(sign(localBranchOfOutsider, letter, outBranch, hash, 12).status()).isEqualTo(302);

        assertThat(jdbc.sql("SELECT DISTINCT content_sha256 FROM sup_letter_signature WHERE letter_id = :l").param("l", letter)
                .query(String.class).list()).containsExactly(LetterText.sha256(text));
        assertThat(hqHead.get("/supervision/letters/" + letter).body()).contains("id=\"my-signature\"").contains("已由");

        String before = assoc.get("/supervision/letters/" + letter + "/unsigned").body();
        assertThat(before).doesNotContain("id=\"overdue-count\"").contains("迟签物业" + tag);

        clock.advance(Duration.ofDays(3));
        String after = assoc.get("/supervision/letters/" + letter + "/unsigned").body();
        assertThat(after).contains("id=\"overdue-count\"").contains("签阅截止后仍有 1 家企业未签阅")
                .contains("data-company=\"迟签物业" + tag + "\"").doesNotContain("data-company=\"本土物业" + tag + "\"");
        assertThat(assoc.postForm("/supervision/letters/" + letter + "/recipients/" + recipient(letter, late) + "/reminders",
                Map.of("note", "电话通知")).status()).isEqualTo(302);
        assertThat(assoc.get("/supervision/letters/" + letter + "/unsigned").body()).contains("电话通知");
        assertThat(assoc.getBytes("/supervision/letters/" + letter + "/unsigned.xlsx").statusCode()).isEqualTo(200);
        assertThat(sign(tree.companyHead(late).login(port), letter, late, hash, 12).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT late FROM sup_letter_signature WHERE recipient_id = :r").param("r", recipient(letter, late))
                .query(Boolean.class).single()).as("signed after the deadline").isTrue();
    }

    @Test
    void aStreetSeesOnlyTheCompaniesWorkingInIt() {
        long letter = publish(association.login(port), clock.localNow().plusDays(2).withSecond(0).withNano(0));
        TestClient street = tree.authority(Role.STREET_AUTHORITY, otherStreet).login(port);
        String page = street.get("/supervision/letters/" + letter).body();
        assertThat(page).contains("data-company=\"外市物业本市分公司" + tag + "\"")
                .doesNotContain("data-company=\"迟签物业" + tag + "\"").doesNotContain("data-company=\"本土物业" + tag + "\"");
        TestClient strangerAssociation = tree.authority(Role.PROPERTY_ASSOCIATION, tree.city(PolicyPreset.BEIJING_2022)).login(port);
        assertThat(strangerAssociation.get("/supervision/letters/" + letter).status()).isEqualTo(404);
    }

    @Test
    void aChangedLetterIsANewVersionAndTheOldOneCanNoLongerBeSigned() {
        TestClient assoc = association.login(port);
        long first = publish(assoc, clock.localNow().plusDays(2).withSecond(0).withNano(0));
        String firstHash = hashOn(assoc.get("/supervision/letters/" + first).body());
        assertThat(assoc.get("/supervision/letters/" + first + "/revise").body()).contains("id=\"revision-note\"");
        LetterText preset = LetterText.zhongshan2022();
        var revised = assoc.postForm("/supervision/letters", Map.of("title", preset.title(), "body", preset.body() + "（修订）",
                "questions", String.join("\n", preset.questions()), "closing", preset.closing(), "issuer", preset.issuer(),
                "deadline", clock.localNow().plusDays(3).withSecond(0).withNano(0).toString(), "supersedes", String.valueOf(first)));
        assertThat(revised.status()).isEqualTo(302);
        long second = Long.parseLong(revised.contentType().replaceAll(".*/supervision/letters/(\\d+).*", "$1"));
        String secondHash = hashOn(assoc.get("/supervision/letters/" + second).body());
        assertThat(secondHash).isNotEqualTo(firstHash);
        assertThat(assoc.get("/supervision/letters/" + first).body()).contains("id=\"superseded\"");

        TestClient hqHead = tree.companyHead(localHq).login(port);
        assertThat(sign(hqHead, first, localHq, firstHash, 12).status()).as("the old version").isEqualTo(409);
        assertThat(sign(hqHead, second, localHq, secondHash, 12).status()).isEqualTo(302);
    }

    private long publish(TestClient assoc, LocalDateTime deadline) {
        LetterText preset = LetterText.zhongshan2022();
        assoc.get("/supervision/letters/new");
        var r = assoc.postForm("/supervision/letters", Map.of("title", preset.title(), "body", preset.body(),
                "questions", String.join("\n", preset.questions()), "closing", preset.closing(), "issuer", preset.issuer(),
                "deadline", deadline.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        return Long.parseLong(r.contentType().replaceAll(".*/supervision/letters/(\\d+).*", "$1"));
    }

    private TestClient.Response sign(TestClient head, long letter, long company, String hash, int answers) {
        head.get("/supervision/letters/" + letter);
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < answers; i++) {
            form.put("answers[" + i + "]", i == 4 ? "false" : "true");
        }
        form.put("signature", "负责人" + tag);
        form.put("contentSha256", hash);
        return head.postForm("/supervision/letters/" + letter + "/recipients/" + recipient(letter, company) + "/signature", form);
    }

    private long recipient(long letter, long company) {
        return jdbc.sql("SELECT id FROM sup_letter_recipient WHERE letter_id = :l AND company_id = :c")
                .param("l", letter).param("c", company).query(Long.class).optional().orElse(-1L);
    }

    private long estateOf(long company) {
        return org.estates("C/").stream().filter(e -> e.companyId() == company).findFirst().orElseThrow().id();
    }

    private static String hashOn(String page) {
        Matcher m = HASH.matcher(page);
        assertThat(m.find()).as("the letter's hash on its page").isTrue();
        return m.group(1);
    }
}
