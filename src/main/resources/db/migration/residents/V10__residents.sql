-- Register of households and people (RES-01): owners, tenants, landlords of rented homes and the
-- floating population. ID numbers are stored encrypted (AES-GCM) and found by their keyed hash.
create table res_household (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    building   text not null,
    unit       text not null default '',
    room       text not null,
    created_at timestamptz not null default now(),
    created_by text not null,
    unique (estate_id, building, unit, room)
);

create table res_person (
    id             bigserial primary key,
    estate_id      bigint not null references org_estate (id),
    household_id   bigint not null references res_household (id),
    name           text not null,
    kind           text not null check (kind in ('OWNER', 'TENANT', 'LANDLORD', 'FLOATING')),
    phone          text not null default '',
    person_key     text not null,
    id_cipher      text not null,
    id_masked      text not null,
    no_smartphone  boolean not null default false,
    access_control boolean not null default false,
    created_at     timestamptz not null default now(),
    created_by     text not null,
    updated_at     timestamptz,
    updated_by     text,
    unique (estate_id, person_key)
);
create index res_person_household on res_person (household_id);
create index res_person_name on res_person (estate_id, name);
create index res_person_key on res_person (person_key);

create table res_import_batch (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    file_name  text not null,
    rows_total int not null,
    rows_new   int not null,
    rows_changed int not null,
    rows_same  int not null,
    rows_bad   int not null,
    errors     jsonb not null,
    millis     bigint not null,
    created_at timestamptz not null default now(),
    created_by text not null
);
