-- Returnees (RES-02): registered at the gate desk or by the resident, daily health entries during
-- observation, and refusals to cooperate recorded with a photo and reported. All append-only.
alter table res_return add column address text not null default '';
alter table res_return add column phone text not null default '';
alter table res_return add column registered_at text not null default 'GATE' check (registered_at in ('SELF_SERVICE', 'GATE'));

create table res_return_health (
    id          bigserial primary key,
    return_id   bigint not null references res_return (id),
    day         date not null,
    temperature numeric(3, 1) not null check (temperature between 34 and 42.5),
    symptoms    boolean not null,
    note        text not null default '',
    created_at  timestamptz not null default now(),
    created_by  text not null,
    unique (return_id, day)
);

create table res_return_refusal (
    id           bigserial primary key,
    estate_id    bigint not null references org_estate (id),
    person_name  text not null,
    note         text not null,
    photo        bytea,
    photo_type   text,
    reported_to  text not null default 'COMMUNITY',
    created_at   timestamptz not null default now(),
    created_by   text not null
);
