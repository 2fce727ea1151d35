-- Campaigns with phases (SPV-04), 回家就是督导 (SPV-03), inspection groups (组团, SPV-05), the
-- assignments coverage hands out (查漏补缺, SPV-06) and the recorded random spot-check selections.
-- The inspections themselves are sup_inspection (campaign_id, phase_id, kind), the core's table.
create table sup_campaign (
    id          bigserial primary key,
    name        text not null,
    region_id   bigint not null references org_region (id),
    region_path text not null,
    template_id bigint not null references sup_template (id),
    kinds       text[] not null check (kinds <@ array['SELF_HOME', 'GROUP', 'SPOT_CHECK', 'RECHECK'] and cardinality(kinds) > 0),
    created_at  timestamptz not null,
    created_by  text not null,
    version     int not null default 0
);
create index sup_campaign_region on sup_campaign (region_path text_pattern_ops);

-- A phase with no end runs on "视疫情防控形势持续开展" until the campaign adds another.
create table sup_phase (
    id          bigserial primary key,
    campaign_id bigint not null references sup_campaign (id),
    position    int not null,
    name        text not null,
    starts_on   date not null,
    ends_on     date,
    unique (campaign_id, position),
    check (ends_on is null or ends_on >= starts_on)
);

-- Where an authority staff member lives: an estate, or none (those who live in no estate take no part).
-- user_id is an account of the identity module, learnt through its StaffDirectory.
create table sup_home (
    user_id      bigint primary key,
    display_name text not null,
    scope_path   text not null,
    estate_id    bigint references org_estate (id),
    estate_path  text,
    recorded_at  timestamptz not null,
    recorded_by  text not null
);

-- 组团: a group of a campaign covering some streets/towns, led by an association member company.
create table sup_group (
    id                bigserial primary key,
    campaign_id       bigint not null references sup_campaign (id),
    name              text not null,
    leader_company_id bigint references org_company (id),
    created_at        timestamptz not null,
    created_by        text not null,
    unique (campaign_id, name)
);

-- A street or town belongs to at most one group of a campaign.
create table sup_group_area (
    group_id    bigint not null references sup_group (id),
    campaign_id bigint not null references sup_campaign (id),
    region_id   bigint not null references org_region (id),
    region_path text not null,
    primary key (group_id, region_id),
    unique (campaign_id, region_id)
);

-- The four-level chain (督导指挥员, 督导监督员, 督导联络员, 组团督导负责人) and the members.
create table sup_group_member (
    group_id     bigint not null references sup_group (id),
    user_id      bigint not null,
    display_name text not null,
    duty         text not null check (duty in ('COMMANDER', 'SUPERVISOR', 'LIAISON', 'LEADER', 'MEMBER')),
    added_at     timestamptz not null,
    added_by     text not null,
    primary key (group_id, user_id)
);

-- A random selection among inspected estates, kept as made: who, when, the seed and the sample.
create table sup_spot_selection (
    id           bigserial primary key,
    campaign_id  bigint not null references sup_campaign (id),
    phase_id     bigint not null references sup_phase (id),
    kind         text not null check (kind in ('SPOT_CHECK', 'RECHECK')),
    seed         bigint not null,
    population   int not null,
    estate_ids   bigint[] not null,
    selected_by  text not null,
    selected_at  timestamptz not null
);
create trigger sup_spot_selection_append_only before update or delete on sup_spot_selection
    for each row execute function append_only();

-- Who is to inspect which estate in a phase: a person (their home) or a group (a gap, a spot check).
create table sup_assignment (
    id           bigserial primary key,
    campaign_id  bigint not null references sup_campaign (id),
    phase_id     bigint not null references sup_phase (id),
    estate_id    bigint not null references org_estate (id),
    kind         text not null check (kind in ('SELF_HOME', 'GROUP', 'SPOT_CHECK', 'RECHECK')),
    user_id      bigint,
    group_id     bigint references sup_group (id),
    selection_id bigint references sup_spot_selection (id),
    created_at   timestamptz not null,
    created_by   text not null,
    check (user_id is not null or group_id is not null)
);
create unique index sup_assignment_home on sup_assignment (phase_id, user_id) where kind = 'SELF_HOME';
create unique index sup_assignment_gap on sup_assignment (phase_id, estate_id) where kind = 'GROUP';
create index sup_assignment_phase on sup_assignment (phase_id, estate_id);
