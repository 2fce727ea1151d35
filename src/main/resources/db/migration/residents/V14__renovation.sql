-- Renovation and construction sites (ACC-14): one per flat with dates and company, the worker
-- roster, and each worker's daily "一登三查" (register; check code, temperature and the NAT
-- comparison register). Arrivals and departures are append-only rows.
create table res_site (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    address    text not null,
    company    text not null,
    starts_on  date not null,
    ends_on    date not null check (ends_on >= starts_on),
    created_at timestamptz not null default now(),
    created_by text not null
);

create table res_site_worker (
    id         bigserial primary key,
    site_id    bigint not null references res_site (id),
    name       text not null,
    person_key text not null,
    id_masked  text not null,
    phone      text not null default '',
    created_at timestamptz not null default now(),
    created_by text not null,
    unique (site_id, person_key)
);

create table res_site_visit (
    id           bigserial primary key,
    site_id      bigint not null references res_site (id),
    worker_id    bigint not null references res_site_worker (id),
    day          date not null,
    temperature  numeric(3, 1) not null,
    code_green   boolean not null,
    nat_sampled_at timestamptz,
    admitted     boolean not null,
    refusal      text,
    left_at      timestamptz,
    created_at   timestamptz not null default now(),
    created_by   text not null
);
create index res_site_visit_day on res_site_visit (site_id, day);
