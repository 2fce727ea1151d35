-- The daily reports' combined figures of a region or a company for a day (issue 12 §3): the latest submission of every
-- estate below it summed line by line, kept as reports are submitted (DailyReports.submit adds the new submission's
-- lines and takes away the one it supersedes), so a city's list page reads its own ~40 rows instead of expanding
-- 10,000 reports' JSON on every view. `estates` counts the estates whose latest submission has the line: a line only
-- a superseded submission had drops out at zero, as it did from the sum over the latest submissions.
-- An estate's own scope still reads its submission directly; these rows are for every wider scope (EstateScope.enclosing).
create table report_scope_total (
    report_date date    not null,
    scope_path  text    not null,
    title_key   text    not null,
    label_key   text    not null,
    unit_key    text    not null,
    section_no  integer not null,
    line_no     integer not null,
    total       numeric not null,
    estates     integer not null,
    primary key (report_date, scope_path, title_key, label_key)
);

-- Reports already submitted (the migration reads org_estate once for the estates' paths; the application asks org).
insert into report_scope_total (report_date, scope_path, title_key, label_key, unit_key, section_no, line_no, total, estates)
select r.report_date, p.scope_path, sec.value->>'titleKey', line.value->>'labelKey', min(coalesce(line.value->>'unitKey', '')),
       min(sec.n), min(line.n), sum((line.value->>'value')::numeric), count(*)
  from (select distinct on (estate_id, report_date) estate_id, report_date, sections
          from report_submission order by estate_id, report_date, id desc) r
  join org_estate e on e.id = r.estate_id
 cross join lateral (select array_to_string(parts[1:k], '/') || '/' as scope_path
                       from (values (string_to_array(rtrim(e.region_path, '/'), '/')),
                                    (string_to_array(rtrim(e.company_path, '/'), '/'))) as x(parts),
                            generate_series(1, array_length(parts, 1) - 1) as k) p
 cross join lateral jsonb_array_elements(r.sections) with ordinality as sec(value, n)
 cross join lateral jsonb_array_elements(sec.value->'lines') with ordinality as line(value, n)
 group by 1, 2, 3, 4;
