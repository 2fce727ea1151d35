-- The emergency plan before the day (应急预案, EMG-01/02) and the steps of an incident that are records of
-- their own (EMG-03/04): moves to the observation point and reports to the authorities, both append-only.

-- One plan per estate: access routes kept clear and the numbers to call.
create table emg_plan (
    estate_id        bigint primary key references org_estate (id),
    access_routes    varchar(500),
    community_phone  varchar(40),
    housing_phone    varchar(40),
    health_phone     varchar(40),
    cdc_phone        varchar(40),
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null,
    version          integer      not null default 0
);

-- The working group: the leader (the project manager) and a person for each named role, an account of
-- the estate's staff or a name and phone.
create table emg_plan_role (
    estate_id    bigint       not null references org_estate (id),
    role         varchar(20)  not null check (role in ('LEADER', 'REPORTING', 'GATE', 'OBSERVATION', 'CDC_GUIDE',
                                                       'DISINFECTION', 'SUPPLIES', 'COMMUNICATION')),
    user_id      bigint,
    person_name  varchar(50)  not null,
    phone        varchar(20),
    updated_at   timestamptz  not null,
    updated_by   varchar(100) not null,
    primary key (estate_id, role)
);

create table emg_observation_point (
    id          bigserial primary key,
    estate_id   bigint       not null references org_estate (id),
    name        varchar(60)  not null,
    location    varchar(200),
    capacity    integer      not null check (capacity > 0),
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    unique (estate_id, name)
);

-- A person moved to an observation point: who, when, by whom (and who recorded it).
create table emg_observation_move (
    id           bigserial primary key,
    incident_id  bigint       not null references emg_incident (id),
    point_id     bigint       not null references emg_observation_point (id),
    person_name  varchar(50)  not null,
    moved_at     timestamptz  not null,
    moved_by     varchar(50)  not null,
    recorded_at  timestamptz  not null,
    recorded_by  varchar(100) not null
);
create index emg_observation_move_point on emg_observation_move (point_id);
create trigger emg_observation_move_append_only before update or delete on emg_observation_move
    for each row execute function append_only();

-- A report to an authority (seed 004: 立即报告属地街道社区及住建、卫健、疾控等部门). Its time is never before
-- the moment it was entered; the deadline it was held to and whether it was late are kept with it.
create table emg_report (
    id                 bigserial primary key,
    incident_id        bigint       not null references emg_incident (id),
    recipient          varchar(20)  not null check (recipient in ('COMMUNITY', 'HOUSING', 'HEALTH', 'CDC')),
    channel            varchar(20)  not null check (channel in ('PHONE', 'IN_PERSON', 'WECHAT', 'DOCUMENT', 'SYSTEM')),
    reporter           varchar(50)  not null,
    received_by        varchar(100),
    reported_at        timestamptz  not null,
    entered_at         timestamptz  not null,
    entered_by         varchar(100) not null,
    deadline_at        timestamptz  not null,
    late               boolean      not null,
    policy_version_id  bigint,
    check (reported_at >= date_trunc('minute', entered_at))
);
create index emg_report_incident on emg_report (incident_id, reported_at);
create trigger emg_report_append_only before update or delete on emg_report
    for each row execute function append_only();
