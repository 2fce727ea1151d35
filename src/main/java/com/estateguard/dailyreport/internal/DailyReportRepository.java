package com.estateguard.dailyreport.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

/** Loads and saves a day's report for submission; the figures and lists are SQL in {@link DailyReports}. */
interface DailyReportRepository extends CrudRepository<DailyReport, Long> {

    Optional<DailyReport> findByEstateIdAndReportDate(long estateId, LocalDate reportDate);
}
