-- The daily reports list of a street, district or city reads one day of every estate in scope (issue 12 §3): each
-- estate's first submission time from report_day and the latest submission of each estate for the sum. By day first,
-- so a city's day is one range of an index instead of a look-up per estate or a scan of every day.
create index report_day_by_date on report_day (report_date, estate_id) include (first_submitted_at);
create index report_submission_by_date on report_submission (report_date, estate_id, id desc);
