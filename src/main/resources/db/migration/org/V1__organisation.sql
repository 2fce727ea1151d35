-- Region tree city > district > street/town > community (ORG-01), property companies and
-- estates (ORG-02). Every row says who wrote it and when.
create table org_region (
    id          bigserial primary key,
    parent_id   bigint references org_region (id),
    level       text not null check (level in ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY')),
    name        text not null,
    path        text not null unique,
    created_at  timestamptz not null default now(),
    created_by  text not null
);

create table org_company (
    id          bigserial primary key,
    parent_id   bigint references org_company (id),
    name        text not null,
    kind        text not null check (kind in ('HQ', 'BRANCH')),
    path        text not null unique,
    created_at  timestamptz not null default now(),
    created_by  text not null
);

create table org_estate (
    id                bigserial primary key,
    name              text not null,
    region_id         bigint not null references org_region (id),
    company_id        bigint not null references org_company (id),
    area_m2           numeric(12, 2) not null check (area_m2 > 0),
    address           text,
    first_responsible text,
    prevention_admin  text,
    observation_point text,
    region_path       text not null,
    company_path      text not null,
    created_at        timestamptz not null default now(),
    created_by        text not null,
    updated_at        timestamptz,
    updated_by        text
);
create index org_estate_region_path on org_estate (region_path text_pattern_ops);
create index org_estate_company_path on org_estate (company_path text_pattern_ops);

-- An estate is visible through two trees: the region it lies in and the company that manages it.
create function org_estate_paths() returns trigger language plpgsql as $$
begin
    new.region_path := (select path from org_region where id = new.region_id) || 'E' || new.id || '/';
    new.company_path := (select path from org_company where id = new.company_id) || 'E' || new.id || '/';
    return new;
end $$;
create trigger org_estate_paths before insert or update of region_id, company_id on org_estate
    for each row execute function org_estate_paths();

create table org_building (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    name       text not null,
    created_at timestamptz not null default now(),
    created_by text not null,
    unique (estate_id, name)
);

create table org_entrance (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    name       text not null,
    kind       text not null check (kind in ('PEDESTRIAN', 'VEHICLE', 'MIXED')),
    open       boolean not null,
    created_at timestamptz not null default now(),
    created_by text not null,
    updated_at timestamptz,
    updated_by text,
    unique (estate_id, name)
);

create table org_pickup_point (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    name       text not null,
    location   text,
    created_at timestamptz not null default now(),
    created_by text not null
);
