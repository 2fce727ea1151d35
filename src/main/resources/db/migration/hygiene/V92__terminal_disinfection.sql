-- Terminal disinfection (终末消毒, EMG-09): one task per place an incident closed, made from
-- emergency's PlaceClosed event (closed_place_id is emergency's id, the event's key: no foreign key
-- across modules; a repeated event adds nothing). What the cleaner did is evidence, append-only.
create table hyg_terminal_task (
    id              bigserial primary key,
    closed_place_id bigint not null unique,
    estate_id       bigint not null references org_estate (id),
    place_id        bigint references hyg_place (id),
    place_name      text not null,
    drill           boolean not null,
    requested_at    timestamptz not null,
    created_at      timestamptz not null default now()
);
create index hyg_terminal_task_estate on hyg_terminal_task (estate_id, requested_at desc);

create table hyg_terminal_record (
    id                 bigserial primary key,
    task_id            bigint not null references hyg_terminal_task (id),
    estate_id          bigint not null references org_estate (id),
    done_at            timestamptz not null,
    agent              text not null,
    concentration_mg_l int,
    note               text,
    created_at         timestamptz not null default now(),
    created_by         text not null
);
create index hyg_terminal_record_task on hyg_terminal_record (task_id, id desc);
create trigger hyg_terminal_record_append_only before update or delete on hyg_terminal_record
    for each row execute function append_only();
