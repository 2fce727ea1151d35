-- The daily report (日报制, COM-03). The figures are compiled live from the ledgers and the
-- checkpoint; a submission freezes them as they were sent. Submissions are append-only: sending
-- again is a new row that supersedes the previous one.
create table report_submission (
    id             bigserial primary key,
    estate_id      bigint not null references org_estate (id),
    report_date    date not null,
    sections       jsonb not null,
    note           text,
    deadline_at    timestamptz not null,
    late           boolean not null,
    supersedes_id  bigint references report_submission (id),
    created_at     timestamptz not null default now(),
    created_by     text not null
);
create index report_submission_estate_day on report_submission (estate_id, report_date, id desc);

create function report_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'report submissions are append-only: submit again instead';
end $$;
create trigger report_submission_append_only before update or delete on report_submission
    for each row execute function report_append_only();
