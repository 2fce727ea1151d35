-- Staff health ledger (STF-01): morning and evening temperature and exposure, judged against the
-- policy's limit; an ineligible reading takes the person off the checkpoint roster and reports
-- them to the community. Append-only evidence: a correction is a new row pointing at the old.
create table stf_health (
    id                bigserial primary key,
    estate_id         bigint not null references org_estate (id),
    user_id           bigint not null references iam_user (id),
    day               date not null,
    period            text not null check (period in ('MORNING', 'EVENING')),
    temperature_c     numeric(3, 1) not null,
    exposure          boolean not null,
    note              text,
    limit_c           numeric(3, 1) not null,
    eligible          boolean not null,
    reasons           text[] not null,
    policy_version_id bigint not null references policy_version (id),
    corrects_id       bigint references stf_health (id),
    created_at        timestamptz not null default now(),
    created_by        text not null
);
create index stf_health_estate_day on stf_health (estate_id, day);
create index stf_health_user on stf_health (user_id, id desc);

-- The report to the community made when someone becomes ineligible.
create table stf_community_report (
    id               bigserial primary key,
    estate_id        bigint not null references org_estate (id),
    user_id          bigint not null references iam_user (id),
    health_id        bigint not null references stf_health (id),
    reasons          text[] not null,
    shifts_left      int not null,
    shifts_led       int not null,
    created_at       timestamptz not null default now(),
    created_by       text not null
);

create function stf_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'staff health records are append-only: write a correction instead';
end $$;
create trigger stf_health_append_only before update or delete on stf_health
    for each row execute function stf_append_only();
create trigger stf_community_report_append_only before update or delete on stf_community_report
    for each row execute function stf_append_only();
