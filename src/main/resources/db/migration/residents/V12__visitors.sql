-- Visitors (ACC-11, ACC-12): pre-registered by the resident they visit or registered at the gate;
-- suspicious or uncooperative visitors reported. Append-only: a visit is never edited.
create table res_visit (
    id               bigserial primary key,
    estate_id        bigint not null references org_estate (id),
    host_name        text not null,
    host_address     text not null,
    visitor_name     text not null,
    person_key       text not null,
    id_masked        text not null,
    phone            text not null default '',
    visit_date       date not null,
    outsider_exception text,
    plate            text,
    from_place       text not null default '',
    from_risk_area   boolean not null default false,
    nat_sampled_on   date,
    registered_at    text not null check (registered_at in ('SELF_SERVICE', 'GATE')),
    created_at       timestamptz not null default now(),
    created_by       text not null
);
create index res_visit_lookup on res_visit (estate_id, person_key, visit_date);

create table res_visit_report (
    id           bigserial primary key,
    estate_id    bigint not null references org_estate (id),
    visitor_name text not null,
    id_masked    text not null default '',
    kind         text not null check (kind in ('SUSPICIOUS', 'UNCOOPERATIVE')),
    note         text not null,
    reported_to  text not null check (reported_to in ('COMMUNITY', 'POLICE')),
    created_at   timestamptz not null default now(),
    created_by   text not null
);
