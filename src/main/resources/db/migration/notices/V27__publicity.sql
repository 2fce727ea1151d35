-- Publicity (COM-01), indoor activity rooms (COM-04) and risk screening (COM-05). All
-- append-only: a room's state is its latest row; a checklist entry records what was done when.
create table ntc_publicity (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    channel    text not null check (channel in ('GATE_GUIDANCE', 'NOTICE_BOARD', 'BROADCAST', 'OWNER_GROUP', 'LED_SCREEN')),
    done_on    date not null,
    note       text,
    created_at timestamptz not null default now(),
    created_by text not null
);
create index ntc_publicity_estate on ntc_publicity (estate_id, done_on desc);

create table ntc_room_state (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    room       text not null,
    open       boolean not null,
    note       text,
    created_at timestamptz not null default now(),
    created_by text not null
);
create index ntc_room_state_estate on ntc_room_state (estate_id, room, id desc);

create table ntc_screening (
    id          bigserial primary key,
    estate_id   bigint not null references org_estate (id),
    kind        text not null check (kind in ('SYMPTOMS', 'RISK_AREA_ARRIVAL', 'GATHERING')),
    building    text,
    description text not null,
    found_on    date not null,
    reported    boolean not null,
    created_at  timestamptz not null default now(),
    created_by  text not null
);
create index ntc_screening_estate on ntc_screening (estate_id, found_on desc);
