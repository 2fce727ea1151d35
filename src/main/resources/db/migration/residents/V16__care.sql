-- Special groups (RES-04) with an assigned staff contact and a contact log, and home isolation
-- (RES-05) with daily monitoring and the special waste collected. Logs are append-only.
create table res_special (
    id            bigserial primary key,
    person_id     bigint not null references res_person (id),
    kind          text not null check (kind in ('ELDERLY_ALONE', 'CHILD', 'CHRONIC_ILLNESS', 'NO_SMARTPHONE')),
    staff_contact text not null,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    unique (person_id, kind)
);

create table res_contact_log (
    id         bigserial primary key,
    person_id  bigint not null references res_person (id),
    note       text not null,
    created_at timestamptz not null default now(),
    created_by text not null
);

create table res_isolation_check (
    id              bigserial primary key,
    isolation_id    bigint not null references res_isolation (id),
    day             date not null,
    temperature     numeric(3, 1) not null check (temperature between 34 and 42.5),
    symptoms        boolean not null,
    waste_collected boolean not null,
    note            text not null default '',
    created_at      timestamptz not null default now(),
    created_by      text not null,
    unique (isolation_id, day)
);
