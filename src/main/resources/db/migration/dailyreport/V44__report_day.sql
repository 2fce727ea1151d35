-- The day's report of an estate as one row: its submissions stay append-only evidence in
-- report_submission, while this row counts them under a version, so two administrators
-- submitting at once (or one who has not seen the other's submission) cannot both supersede
-- the same one.
create table report_day (
    id                 bigserial primary key,
    estate_id          bigint not null references org_estate (id),
    report_date        date not null,
    first_submitted_at timestamptz not null,
    submissions        integer not null check (submissions > 0),
    version            integer not null default 0,
    unique (estate_id, report_date)
);

insert into report_day (estate_id, report_date, first_submitted_at, submissions)
select estate_id, report_date, min(created_at), count(*)
  from report_submission group by estate_id, report_date;
