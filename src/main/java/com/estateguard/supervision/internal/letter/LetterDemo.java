package com.estateguard.supervision.internal.letter;

import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.identity.StaffDirectory;
import com.estateguard.identity.StaffDirectory.StaffMember;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo responsibility letter (演示数据): the association (login {@code association}) publishes the
 * Zhongshan letter to 滨江市's companies; 安居物业's head office signs it (login {@code companyhead}),
 * its branch and 和园物业 have not, and 和园物业 has been reminded once.
 */
@Component
@Order(45)
class LetterDemo implements DemoExtension {

    private final Letters letters;
    private final StaffDirectory staff;
    private final OrgDirectory org;
    private final Clock clock;
    private final ZoneId zone;

    LetterDemo(Letters letters, StaffDirectory staff, OrgDirectory org, Clock clock, ZoneId zone) {
        this.letters = letters;
        this.staff = staff;
        this.org = org;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
        EstateRef first = org.estate(new EstateId(base.estates().get(0)), "R/").orElseThrow();
        String cityPath = "R/" + first.regionPath().split("/")[1] + "/";
        String hqPath = "C/" + first.companyPath().split("/")[1] + "/";
        CurrentUser association = user("association", Role.PROPERTY_ASSOCIATION, cityPath);
        CurrentUser head = user("companyhead", Role.COMPANY_HEAD, hqPath);
        LetterText text = LetterText.zhongshan2022();
        long id = letters.publish(new LetterForm(text.title(), text.body(), String.join("\n", text.questions()), text.closing(),
                text.issuer(), LocalDateTime.now(clock.withZone(zone)).plusDays(3).withSecond(0).withNano(0), null), association);
        var view = letters.letter(id, association);
        List<Boolean> answers = new ArrayList<>(Collections.nCopies(text.questions().size(), true));
        answers.set(6, false);
        letters.sign(id, view.recipients().stream().filter(r -> r.companyPath().equals(hqPath)).findFirst().orElseThrow().id(),
                new SignForm(answers, "陈建国", view.letter().contentSha256()), head);
        view.recipients().stream().filter(r -> !r.companyPath().startsWith(hqPath)).findFirst()
                .ifPresent(r -> letters.remind(id, r.id(), "电话通知其负责人尽快签阅（演示数据）", association));
    }

    private CurrentUser user(String username, Role role, String scope) {
        StaffMember m = staff.byUsername(username).orElseThrow();
        return new CurrentUser(m.id(), m.username(), m.displayName(), role, scope, null, null);
    }
}
