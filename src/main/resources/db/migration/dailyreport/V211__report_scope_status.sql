-- The daily reports list's counts per status for a region or a company (issue 12 §3): how many estates below it have
-- submitted the day's report and how many of those first submitted after the deadline, kept as reports are first
-- submitted (DailyReports.submit, in the same transaction as report_day's row; a resubmission changes neither), under
-- the deadline the submission was judged against. When every estate of a scope shares one deadline and the rows carry
-- it, the list counts a city's statuses from its own row instead of working out 10,000 estates' statuses; the
-- estates not submitted are the scope's estates less these. Written under every scope wider than an estate
-- (EstateScope.enclosing), like report_scope_total (V209).
create table report_scope_status (
    report_date date        not null,
    scope_path  text        not null,
    deadline_at timestamptz not null,
    submitted   integer     not null,
    late        integer     not null,
    primary key (report_date, scope_path, deadline_at)
);

-- Reports already submitted, each under the deadline of its first submission (the migration reads org_estate once
-- for the estates' paths; the application asks org). A day without a submission row (none is written so) would be
-- counted under -infinity, which no deadline equals, so the list works its statuses out per estate for that scope.
insert into report_scope_status (report_date, scope_path, deadline_at, submitted, late)
select d.report_date, p.scope_path, coalesce(f.deadline_at, '-infinity'), count(*),
       count(*) filter (where d.first_submitted_at > coalesce(f.deadline_at, '-infinity'))
  from report_day d
  left join lateral (select s.deadline_at from report_submission s
                      where s.estate_id = d.estate_id and s.report_date = d.report_date order by s.id limit 1) f on true
  join org_estate e on e.id = d.estate_id
 cross join lateral (select array_to_string(parts[1:k], '/') || '/' as scope_path
                       from (values (string_to_array(rtrim(e.region_path, '/'), '/')),
                                    (string_to_array(rtrim(e.company_path, '/'), '/'))) as x(parts),
                            generate_series(1, array_length(parts, 1) - 1) as k) p
 group by 1, 2, 3;
