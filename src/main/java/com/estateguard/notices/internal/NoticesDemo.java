package com.estateguard.notices.internal;

import com.estateguard.notices.PublicityChannel;
import com.estateguard.notices.CaseKind;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo notices (演示数据): a de-identified case notice and the publicity checklist of 阳光花园. */
@Component
@Order(23)
class NoticesDemo implements DemoExtension {

    private static final CurrentUser DEMO = new CurrentUser(0, "demo", "演示数据", Role.PREVENTION_ADMIN, "R/", null, null);

    private final CaseNotices notices;
    private final Publicity publicity;
    private final Clock clock;
    private final ZoneId zone;

    NoticesDemo(CaseNotices notices, Publicity publicity, Clock clock, ZoneId zone) {
        this.notices = notices;
        this.publicity = publicity;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void load(DemoBase base) {
        long estate = base.estates().get(0);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        notices.publish(estate, new CaseNotices.NoticeForm(CaseKind.HOME_ISOLATION, "王建国", "3号楼", today.minusDays(1),
                "居家隔离观察14天，生活垃圾由专人收运"), DEMO);
        publicity.publicised(estate, new Publicity.PublicityForm(PublicityChannel.GATE_GUIDANCE, today.minusDays(1), "张贴最新防控指引"), DEMO);
        publicity.publicised(estate, new Publicity.PublicityForm(PublicityChannel.OWNER_GROUP, today, "业主群转发通告"), DEMO);
        publicity.roomState(estate, new Publicity.RoomForm("老年活动室", false, "暂停开放"), DEMO);
    }
}
