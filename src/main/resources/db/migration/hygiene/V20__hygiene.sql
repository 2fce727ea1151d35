-- Hygiene ledgers (HYG-01..08). Places with their disinfection plan, the day's tasks made from
-- the plan, and what the cleaner recorded. Records are evidence: append-only; recording a task
-- again is a new row pointing at the one it corrects.
create table hyg_place (
    id                  bigserial primary key,
    estate_id           bigint not null references org_estate (id),
    name                text not null,
    place_type          text not null,
    times_per_day       int not null check (times_per_day between 1 and 24),
    agent               text not null check (agent in ('CHLORINE', 'ALCOHOL_75', 'VENTILATION_ONLY')),
    min_mg_l            int,
    max_mg_l            int,
    ventilation_minutes int not null default 0,
    wipe_height_m       numeric(3, 1),
    active              boolean not null default true,
    created_at          timestamptz not null default now(),
    created_by          text not null,
    updated_at          timestamptz,
    updated_by          text,
    unique (estate_id, name)
);

create table hyg_task (
    id         bigserial primary key,
    place_id   bigint not null references hyg_place (id),
    estate_id  bigint not null references org_estate (id),
    task_date  date not null,
    slot       int not null,
    due_at     timestamptz not null,
    created_at timestamptz not null default now(),
    created_by text not null,
    unique (place_id, task_date, slot)
);
create index hyg_task_estate_day on hyg_task (estate_id, task_date);

create table hyg_record (
    id                  bigserial primary key,
    task_id             bigint not null references hyg_task (id),
    estate_id           bigint not null references org_estate (id),
    done_at             timestamptz not null,
    agent               text not null,
    concentration_mg_l  int,
    area_m2             numeric(10, 1) not null,
    ventilation_minutes int not null,
    wipe_height_m       numeric(3, 1),
    photo               bytea,
    photo_type          text,
    compliant           boolean not null,
    issues              text[] not null,
    policy_version_id   bigint not null references policy_version (id),
    corrects_id         bigint references hyg_record (id),
    created_at          timestamptz not null default now(),
    created_by          text not null
);
create index hyg_record_task on hyg_record (task_id, id desc);
create index hyg_record_estate_time on hyg_record (estate_id, done_at);

-- Special waste (HYG-06): dedicated containers; every collection and handover to the designated
-- disposal, with weight and receiver. Append-only too.
create table hyg_waste_container (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    name       text not null,
    waste_kind text not null check (waste_kind in ('MASKS_GLOVES', 'HOME_ISOLATION')),
    location   text not null,
    created_at timestamptz not null default now(),
    created_by text not null,
    unique (estate_id, name)
);

create table hyg_waste_movement (
    id           bigserial primary key,
    container_id bigint not null references hyg_waste_container (id),
    estate_id    bigint not null references org_estate (id),
    kind         text not null check (kind in ('COLLECTION', 'HANDOVER')),
    occurred_at  timestamptz not null,
    weight_kg    numeric(8, 2) not null check (weight_kg > 0),
    receiver     text,
    disinfected  boolean not null default false,
    note         text,
    created_at   timestamptz not null default now(),
    created_by   text not null,
    check (kind = 'COLLECTION' or receiver is not null)
);
create index hyg_waste_movement_estate on hyg_waste_movement (estate_id, occurred_at desc);

create function hyg_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'hygiene records are append-only: write a correction instead';
end $$;
create trigger hyg_record_append_only before update or delete on hyg_record
    for each row execute function hyg_append_only();
create trigger hyg_waste_movement_append_only before update or delete on hyg_waste_movement
    for each row execute function hyg_append_only();
