-- Emergency incidents (应急事件, EMG-03/11/12): one per case, from opening to the CDC's all-clear.
-- The case's ID number is never stored: only its keyed hash (healthdata.PersonKeys, the same key the
-- registers and check records use) and its mask.
create table emg_incident (
    id               bigserial primary key,
    estate_id        bigint       not null references org_estate (id),
    drill            boolean      not null default false,
    kind             varchar(20)  not null check (kind in ('SYMPTOMATIC', 'SUSPECTED', 'CONFIRMED', 'ASYMPTOMATIC')),
    case_name        varchar(50)  not null,
    case_phone       varchar(20),
    case_person_key  varchar(64),
    case_id_masked   varchar(18),
    source           varchar(10)  not null check (source in ('REGISTER', 'CHECK', 'STAFF', 'NEW')),
    source_ref       varchar(50),
    onset_at         timestamptz,
    sampled_at       timestamptz,
    location_now     varchar(200),
    status           varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'ENDED')),
    opened_at        timestamptz  not null,
    opened_by        varchar(100) not null,
    cdc_assessed_at  timestamptz,
    cdc_assessor     varchar(100),
    cdc_result       varchar(500),
    cdc_recorded_by  varchar(100),
    ended_at         timestamptz,
    ended_by         varchar(100),
    version          integer      not null default 0
);
create index emg_incident_estate on emg_incident (estate_id, status);

-- The timeline: everything that happens in an incident, appended, never changed.
create table emg_incident_log (
    id           bigserial primary key,
    incident_id  bigint       not null references emg_incident (id),
    at           timestamptz  not null,
    actor        varchar(100) not null,
    kind         varchar(40)  not null,
    detail       text
);
create index emg_incident_log_incident on emg_incident_log (incident_id, at, id);
create trigger emg_incident_log_append_only before update or delete on emg_incident_log
    for each row execute function append_only();
