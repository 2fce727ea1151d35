package com.estateguard.staff.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.staff.internal.LeaveAlreadyDecided;
import com.estateguard.staff.internal.LeaveNotApproved;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Estate staff's named exceptions and what they answer over HTTP. */
@Component
class StaffErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                LeaveAlreadyDecided.class, HttpStatus.CONFLICT,
                LeaveNotApproved.class, HttpStatus.CONFLICT);
    }
}
