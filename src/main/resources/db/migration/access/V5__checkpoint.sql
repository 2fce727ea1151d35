-- Duty roster (ACC-01): shifts per entrance, mixed teams, a named leader.
create table access_shift (
    id             bigserial primary key,
    estate_id      bigint not null references org_estate (id),
    entrance_id    bigint not null references org_entrance (id),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    leader_user_id bigint not null references iam_user (id),
    created_at     timestamptz not null default now(),
    created_by     text not null,
    check (ends_at > starts_at)
);
create index access_shift_entrance on access_shift (entrance_id, starts_at);

create table access_shift_member (
    shift_id bigint not null references access_shift (id),
    user_id  bigint not null references iam_user (id),
    team     text not null check (team in ('DISPATCHED_CADRE', 'COMMUNITY_CADRE', 'VOLUNTEER', 'GUARD')),
    primary key (shift_id, user_id)
);
create index access_shift_member_user on access_shift_member (user_id);

-- Check records are evidence: append-only. A correction is a new row pointing at the old one.
create table access_check (
    id                bigserial primary key,
    client_id         uuid not null unique,
    estate_id         bigint not null references org_estate (id),
    entrance_id       bigint not null references org_entrance (id),
    shift_id          bigint references access_shift (id),
    device_key_id     bigint references iam_device_key (id),
    occurred_at       timestamptz not null,
    direction         text not null check (direction in ('IN', 'OUT')),
    category          text not null,
    person_name       text,
    person_key        text,
    id_masked         text,
    group_id          uuid,
    vehicle_plate     text,
    evidence          jsonb not null,
    decision          text not null check (decision in ('ALLOW', 'REFUSE', 'REFER')),
    reason_codes      text[] not null,
    reasons           jsonb not null,
    policy_version_id bigint not null references policy_version (id),
    corrects_check_id bigint references access_check (id),
    created_at        timestamptz not null default now(),
    created_by        text not null
);
create index access_check_estate_time on access_check (estate_id, occurred_at desc);
create index access_check_group on access_check (group_id) where group_id is not null;

create function access_check_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_check is append-only: write a correction instead';
end $$;
create trigger access_check_append_only before update or delete on access_check
    for each row execute function access_check_append_only();

-- What a refusal triggers under the policy: a report item for the community, a move to the
-- observation point. Staff see and close them.
create table access_follow_up (
    id           bigserial primary key,
    check_id     bigint not null references access_check (id),
    estate_id    bigint not null references org_estate (id),
    kind         text not null check (kind in ('REPORT_COMMUNITY', 'OBSERVATION_POINT')),
    reason_codes text[] not null,
    status       text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_at   timestamptz not null default now(),
    created_by   text not null,
    closed_at    timestamptz,
    closed_by    text,
    closing_note text
);
create index access_follow_up_estate on access_follow_up (estate_id, status, created_at desc);
