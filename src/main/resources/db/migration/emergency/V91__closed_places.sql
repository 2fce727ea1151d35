-- Places the case visited, closed and cordoned in an incident (EMG-05), and the assessments after
-- terminal disinfection (EMG-09). A place is a hygiene place (place_id, hygiene's id: asked through
-- emergency.EstatePlaces, no foreign key into hygiene's table) or one named in the case's account.
-- It reopens only after a passing assessment; assessments are evidence, append-only.
create table emg_closed_place (
    id          bigserial primary key,
    incident_id bigint not null references emg_incident (id),
    estate_id   bigint not null references org_estate (id),
    place_id    bigint,
    name        text not null,
    closed_at   timestamptz not null,
    closed_by   text not null,
    reopened_at timestamptz,
    reopened_by text,
    version     integer not null default 0
);
create index emg_closed_place_estate on emg_closed_place (estate_id) where reopened_at is null;
create unique index emg_closed_place_once on emg_closed_place (incident_id, name) where reopened_at is null;

create table emg_place_assessment (
    id              bigserial primary key,
    closed_place_id bigint not null references emg_closed_place (id),
    assessor        text not null,
    passed          boolean not null,
    note            text,
    photo           bytea not null,
    photo_type      text not null,
    assessed_at     timestamptz not null,
    created_at      timestamptz not null default now(),
    created_by      text not null
);
create index emg_place_assessment_place on emg_place_assessment (closed_place_id, id desc);
create trigger emg_place_assessment_append_only before update or delete on emg_place_assessment
    for each row execute function append_only();
