package com.estateguard.access.internal;

import com.estateguard.access.CheckpointPermission;
import com.estateguard.common.CurrentUser;
import com.estateguard.common.NotFoundException;
import com.estateguard.common.NotPermittedException;
import com.estateguard.org.EntranceId;
import com.estateguard.org.EntranceRef;
import com.estateguard.org.EstateId;
import com.estateguard.org.EstateRef;
import com.estateguard.org.OrgDirectory;
import com.estateguard.policy.Policies;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ACC-09: opening an entrance respects the policy's limit (one; two for estates over 300,000 m2). */
@Service
public class EntranceControl {

    private final OrgDirectory org;
    private final Policies policies;
    private final Clock clock;

    EntranceControl(OrgDirectory org, Policies policies, Clock clock) {
        this.org = org;
        this.policies = policies;
        this.clock = clock;
    }

    @Transactional
    public void setOpen(long entranceId, boolean open, CurrentUser by) {
        if (!by.can(CheckpointPermission.ENTRANCE_WRITE)) {
            throw new NotPermittedException();
        }
        EntranceRef entrance = org.entrance(new EntranceId(entranceId), by.scopePath())
                .orElseThrow(() -> new NotFoundException("entrance", entranceId));
        if (open && !entrance.open()) {
            EstateRef estate = org.estate(new EstateId(entrance.estateId()), by.scopePath()).orElseThrow();
            int limit = policies.inForce(estate.regionPath(), clock.instant()).parameters().entranceLimitFor(estate.areaM2());
            long alreadyOpen = org.entrances(new EstateId(estate.id())).stream().filter(EntranceRef::open).count();
            if (alreadyOpen >= limit) {
                throw new EntranceLimitReached(limit);
            }
        }
        org.setEntranceOpen(new EntranceId(entranceId), open, by.actor());
    }
}
