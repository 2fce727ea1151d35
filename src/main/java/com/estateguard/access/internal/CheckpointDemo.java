package com.estateguard.access.internal;

import com.estateguard.access.Direction;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.Role;
import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.org.EstateId;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.EntrantCategory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo checks (演示数据): a morning's traffic at 阳光花园's south gate, recorded through the demo terminal like a real device. */
@Component
@Order(2)
class CheckpointDemo implements DemoExtension {

    private final CheckRecorder recorder;
    private final OrgDirectory org;
    private final Clock clock;
    private final Random random = new Random(20220628);

    CheckpointDemo(CheckRecorder recorder, OrgDirectory org, Clock clock) {
        this.recorder = recorder;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public void load(DemoBase base) {
        long estate = base.estates().get(0);
        long entrance = base.entrances().get(0);
        var device = new CurrentUser(1, "key-1", "南门智能测温核验一体机（演示）", Role.DEVICE,
                org.estate(new EstateId(estate), "R/").orElseThrow().regionPath(), estate, entrance);
        EntrantCategory[] categories = EntrantCategory.values();
        for (int i = 0; i < 40; i++) {
            String[] person = base.people().get(i).split("\\|");
            EntrantCategory category = i % 5 == 0 ? categories[random.nextInt(categories.length)] : EntrantCategory.RESIDENT;
            BigDecimal temperature = new BigDecimal(i % 17 == 0 ? "37.8" : "36." + random.nextInt(8));
            var evidence = new Evidence(new Evidence.TemperatureReading(temperature, Evidence.TemperatureMethod.INFRARED_TERMINAL),
                    null, new Evidence.CredentialEvidence(Evidence.CredentialType.ACCESS_CARD, "门禁卡", true, true),
                    null, new Evidence.Answers("回家", false), true);
            recorder.record(new EntryCheckCommand(UUID.randomUUID(), entrance, Direction.IN, category, person[1], null,
                    "HC:" + person[0], evidence, null, false, null, null, null,
                    clock.instant().minus(Duration.ofMinutes(5L * (40 - i)))), device);
        }
    }
}
