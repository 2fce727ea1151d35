package com.estateguard.dailyreport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.IntegrationTest;
import com.estateguard.TestClock;
import com.estateguard.TestData;
import com.estateguard.TestTree;
import com.estateguard.common.Role;
import com.estateguard.org.RegionLevel;
import com.estateguard.org.RegionRef;
import com.estateguard.policy.Policies;
import com.estateguard.policy.PolicyPreset;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily reports list's counts kept per scope (V211) and its pages read in list order from SQL (issue 12 §3): at a
 * street and at its city, before and after submissions, a resubmission and a late submission, and after a policy
 * moves a street's deadline, the board gives the counts a user expects and exactly what working every estate's status
 * out one by one ({@link DailyReports#boardPerEstate}) gives, page by page, for every status filter.
 */
@IntegrationTest
class DailyReportStatusCountsTest {

    @Autowired
    TestTree tree;
    @Autowired
    TestClock clock;
    @Autowired
    DailyReports reports;
    @Autowired
    Policies policies;

    RegionRef city;
    RegionRef streetA;
    TestData.Estate a1;
    TestData.Estate a2;
    TestData.Estate a3;
    TestData.Estate b1;
    TestData.Estate b2;
    TestData.Person streetUser;
    TestData.Person cityUser;
    TestData.Person companyHead;
    LocalDate day;

    @BeforeEach
    void aCityOfTwoStreets() {
        clock.setToday(10, 0);
        day = clock.today();
        city = tree.city(PolicyPreset.BEIJING_2022);   // the daily report's deadline: 18:00
        RegionRef district = tree.region(city, RegionLevel.DISTRICT);
        streetA = tree.region(district, RegionLevel.STREET);
        RegionRef streetB = tree.region(district, RegionLevel.STREET);
        RegionRef communityA = tree.region(streetA, RegionLevel.COMMUNITY);
        RegionRef communityB = tree.region(streetB, RegionLevel.COMMUNITY);
        long company = tree.company(null);
        a1 = tree.estate(communityA, company);
        a2 = tree.estate(communityA, company);
        a3 = tree.estate(communityA, tree.company(null));
        b1 = tree.estate(communityB, company);
        b2 = tree.estate(communityB, company);
        streetUser = tree.authority(Role.STREET_AUTHORITY, streetA);
        cityUser = tree.authority(Role.CITY_AUTHORITY, city);
        companyHead = tree.companyHead(company);
    }

    @Test
    void countsStayRightAcrossSubmissionResubmissionAndALateSubmission() {
        assertThat(reports.sharedDeadline(city.path(), day)).as("one policy: the city's estates share its deadline").isPresent();
        assertBoard(streetUser, Map.of(ReportStatus.DUE, 3));
        assertBoard(cityUser, Map.of(ReportStatus.DUE, 5));

        reports.submit(a1.id(), day, "按时", 0, a1.admin().user());
        reports.submit(b1.id(), day, "按时", 0, b1.admin().user());
        assertBoard(streetUser, Map.of(ReportStatus.SUBMITTED, 1, ReportStatus.DUE, 2));
        assertBoard(cityUser, Map.of(ReportStatus.SUBMITTED, 2, ReportStatus.DUE, 3));

        clock.setToday(11, 0);
        reports.submit(a1.id(), day, "更正", 1, a1.admin().user());   // a resubmission: no status changes
        assertBoard(streetUser, Map.of(ReportStatus.SUBMITTED, 1, ReportStatus.DUE, 2));
        assertBoard(cityUser, Map.of(ReportStatus.SUBMITTED, 2, ReportStatus.DUE, 3));

        clock.setToday(19, 0);   // past 18:00: the unsent are overdue, a submission now is late
        reports.submit(a2.id(), day, "补报", 0, a2.admin().user());
        assertBoard(streetUser, Map.of(ReportStatus.SUBMITTED, 1, ReportStatus.SUBMITTED_LATE, 1, ReportStatus.OVERDUE, 1));
        assertBoard(cityUser, Map.of(ReportStatus.SUBMITTED, 2, ReportStatus.SUBMITTED_LATE, 1, ReportStatus.OVERDUE, 2));
        assertBoard(companyHead, Map.of(ReportStatus.SUBMITTED, 2, ReportStatus.SUBMITTED_LATE, 1, ReportStatus.OVERDUE, 1));
        var street = reports.board(day, streetUser.user(), null, null, null, 50);
        assertThat(street.submitted()).isEqualTo(2);
        assertThat(street.estates()).isEqualTo(3);
        assertThat(street.page().rows()).filteredOn(r -> r.estate().id() == a1.id()).singleElement()
                .satisfies(r -> assertThat(r.submittedBy()).isEqualTo(a1.admin().user().actor()));
    }

    @Test
    void aStreetWhoseDeadlineMovedIsCountedAgainstTheNewOneAndTheCityPerEstate() {
        reports.submit(a1.id(), day, "十点报送", 0, a1.admin().user());
        clock.setToday(19, 0);
        reports.submit(a2.id(), day, "补报", 0, a2.admin().user());
        // The street's own version (from 2020, so in force at the day's start): reports due by 09:00.
        var params = policies.preset(PolicyPreset.BEIJING_2022).withGroup(new DailyReportParameters(LocalTime.of(9, 0)));
        policies.install(new Policies.NewVersion(streetA.name() + "：日报09:00截止", streetA.path(), streetA.name(),
                LocalDate.of(2020, 1, 2).atStartOfDay(clock.localZone()).toInstant(), params, null, null), "test");

        assertThat(reports.sharedDeadline(streetA.path(), day)).as("the street's estates share 09:00").isPresent();
        assertThat(reports.sharedDeadline(city.path(), day)).as("the city's do not").isEmpty();
        assertBoard(streetUser, Map.of(ReportStatus.SUBMITTED_LATE, 2, ReportStatus.OVERDUE, 1));
        assertBoard(cityUser, Map.of(ReportStatus.SUBMITTED_LATE, 2, ReportStatus.OVERDUE, 3));
    }

    /** The board's counts as a user sees them, and the same counts and pages (two estates a page) as worked out per estate. */
    private void assertBoard(TestData.Person reader, Map<ReportStatus, Integer> expected) {
        var board = reports.board(day, reader.user(), null, null, null, 50);
        assertThat(board.counts()).as("counts for " + reader.user().scopePath()).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(board.estates()).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
        var perEstate = reports.boardPerEstate(day, reader.user().scopePath(), null, null, null, 50);
        assertThat(board.counts()).isEqualTo(perEstate.counts());
        assertThat(board.submitted()).isEqualTo(perEstate.submitted());
        assertThat(board.liveIncluded()).isEqualTo(perEstate.liveIncluded());
        assertThat(board.combined()).isEqualTo(perEstate.combined());
        List<ReportStatus> filters = new ArrayList<>(List.of(ReportStatus.values()));
        filters.add(null);
        for (ReportStatus only : filters) {
            List<String> read = pages(reader, only, true);
            assertThat(read).as("pages of " + only + " for " + reader.user().scopePath()).isEqualTo(pages(reader, only, false));
            assertThat(read.stream().filter(r -> !r.startsWith("back:")).distinct())
                    .hasSize(only == null ? board.estates() : board.count(only));
        }
    }

    /** Every page forwards then back again, each row as estate, status and sender. */
    private List<String> pages(TestData.Person reader, ReportStatus only, boolean shared) {
        List<String> rows = new ArrayList<>();
        String scope = reader.user().scopePath();
        var page = shared ? reports.board(day, reader.user(), only, null, null, 2).page()
                : reports.boardPerEstate(day, scope, only == null ? null : java.util.EnumSet.of(only), null, null, 2).page();
        while (true) {
            var these = page.rows().stream().map(r -> r.estate().id() + ":" + r.status() + ":" + r.submittedBy()).toList();
            rows.addAll(these);
            if (page.next() == null) {
                break;
            }
            page = shared ? reports.board(day, reader.user(), only, page.next(), null, 2).page()
                    : reports.boardPerEstate(day, scope, only == null ? null : java.util.EnumSet.of(only), page.next(), null, 2).page();
        }
        if (page.previous() != null) {   // and back: the previous page of the last one
            var back = shared ? reports.board(day, reader.user(), only, null, page.previous(), 2).page()
                    : reports.boardPerEstate(day, scope, only == null ? null : java.util.EnumSet.of(only), null, page.previous(), 2).page();
            rows.add("back:" + back.rows().stream().map(r -> r.estate().id()).toList());
        }
        return rows;
    }
}
