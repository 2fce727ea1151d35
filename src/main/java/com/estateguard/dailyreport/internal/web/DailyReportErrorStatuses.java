package com.estateguard.dailyreport.internal.web;

import com.estateguard.common.DomainException;
import com.estateguard.common.ErrorStatuses;
import com.estateguard.dailyreport.internal.ReportAlreadySubmitted;
import com.estateguard.dailyreport.internal.ReportForFutureDay;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The daily report's named exceptions and what they answer over HTTP. */
@Component
class DailyReportErrorStatuses implements ErrorStatuses {

    @Override
    public Map<Class<? extends DomainException>, HttpStatus> statuses() {
        return Map.of(
                ReportAlreadySubmitted.class, HttpStatus.CONFLICT,
                ReportForFutureDay.class, HttpStatus.UNPROCESSABLE_CONTENT);
    }
}
