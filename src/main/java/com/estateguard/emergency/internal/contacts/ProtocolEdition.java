package com.estateguard.emergency.internal.contacts;

import static com.estateguard.emergency.internal.contacts.ContactTier.*;

import java.util.List;
import java.util.Map;

/**
 * The presets: the national 新型冠状病毒肺炎防控方案, 8th edition (May 2021) and 9th edition (June 2022),
 * annex 密切接触者判定与管理指南. A version is copied from one of them and may change any value.
 *
 * <p>The numbers, with where they come from:
 * <ul>
 * <li>Exposure window: from 2 days (8th) / 4 days (9th) before the case's onset, or before sampling
 *     for an asymptomatic case.</li>
 * <li>Close contact (密切接触者): 8th "14 天集中隔离医学观察 + 7 天居家健康监测", NAT on days 1, 4, 7, 14 of the
 *     isolation and days 2 and 7 of the monitoring (here days 16 and 21 of the period); 9th "7 天集中隔离医学观察
 *     + 3 天居家健康监测", NAT on days 1, 2, 3, 5, 7 of the isolation and day 3 of the monitoring (day 10).
 *     Both as the NHC's comparison of the two editions (June 2022) states them.</li>
 * <li>Contact of a close contact (密接的密接): 8th "7 天集中隔离医学观察"; 9th "7 天居家隔离医学观察"; NAT on
 *     days 1, 4, 7 (the 9th edition; the same days are kept for the 8th). Released on day 7 when their own
 *     tests are negative and the close contact's first two tests are negative; if one of those is
 *     positive they become close contacts (9th edition text; the brief applies the same rule to both).</li>
 * <li>General contact (一般接触者 / 涉疫场所暴露人员): seed 004 asks for 健康监测 and 健康风险告知 without a
 *     number. The 8th preset keeps 14 days of monitoring with NAT on days 1 and 7, the 9th 3 days with NAT
 *     on days 1 and 3 ("三天两检"). These are EstateGuard's choices, not the editions' text: adjust them in a version.</li>
 * <li>Key group (重点人群, seed 004): stays in the estate; no period of its own (0: until released by
 *     hand or the incident ends); tested with the screening rounds, so no NAT days here.</li>
 * <li>Candidate search: neighbours on the same unit and floor and one floor directly above and below
 *     (同楼层及上下楼层, as the 2022 practice for static-managed cases); people through the same
 *     entrance within 5 minutes of the case. Neither edition fixes these for an estate: adjust them in a version.</li>
 * </ul>
 */
public enum ProtocolEdition {

    EIGHTH("新型冠状病毒肺炎防控方案（第八版）", "COVID-19 prevention and control protocol, 8th edition") {
        @Override
        public ContactProtocol protocol() {
            return new ContactProtocol(2, Map.of(
                    CLOSE, new TierRule(14, true, 7, List.of(1, 4, 7, 14, 16, 21)),
                    SECONDARY, new TierRule(7, true, 0, List.of(1, 4, 7)),
                    GENERAL, new TierRule(0, false, 14, List.of(1, 7)),
                    KEY_GROUP, new TierRule(0, false, 0, List.of())),
                    2, true, true, 1, 1, 5);
        }
    },
    NINTH("新型冠状病毒肺炎防控方案（第九版）", "COVID-19 prevention and control protocol, 9th edition") {
        @Override
        public ContactProtocol protocol() {
            return new ContactProtocol(4, Map.of(
                    CLOSE, new TierRule(7, true, 3, List.of(1, 2, 3, 5, 7, 10)),
                    SECONDARY, new TierRule(7, false, 0, List.of(1, 4, 7)),
                    GENERAL, new TierRule(0, false, 3, List.of(1, 3)),
                    KEY_GROUP, new TierRule(0, false, 0, List.of())),
                    2, true, true, 1, 1, 5);
        }
    };

    private final String labelZh;
    private final String labelEn;

    ProtocolEdition(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public abstract ContactProtocol protocol();

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
