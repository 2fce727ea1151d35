-- Lockdown (EMG-05, ACC-15): one per incident at a time. A real one puts an emergency policy
-- version in force for the estate (policy_version_id) until it is lifted; a drill's changes
-- nothing at the gate and has none. At most one real lockdown of an estate is in force.
create table emg_lockdown (
    id                bigserial primary key,
    incident_id       bigint       not null references emg_incident (id),
    estate_id         bigint       not null references org_estate (id),
    drill             boolean      not null,
    policy_version_id bigint references policy_version (id),
    started_at        timestamptz  not null,
    started_by        varchar(100) not null,
    ended_at          timestamptz,
    ended_by          varchar(100),
    version           integer      not null default 0,
    check (drill or policy_version_id is not null),
    check (ended_at is null or ended_at >= started_at)
);
create unique index emg_lockdown_open_per_incident on emg_lockdown (incident_id) where ended_at is null;
create unique index emg_lockdown_open_per_estate on emg_lockdown (estate_id) where ended_at is null and not drill;

-- People an incident restricts (EMG-06): key-group members and contacts, identified as the gate
-- identifies a person (person_key: the keyed hash of the ID number, healthdata.PersonKeys). They
-- leave only with an approval; a drill's rows are never asked at the gate.
create table emg_restriction (
    id          bigserial primary key,
    incident_id bigint       not null references emg_incident (id),
    estate_id   bigint       not null references org_estate (id),
    drill       boolean      not null,
    person_key  varchar(64)  not null,
    person_name varchar(50)  not null,
    id_masked   varchar(18),
    phone       varchar(20),
    tier        varchar(20)  not null check (tier in ('CLOSE_CONTACT', 'SECONDARY_CONTACT', 'GENERAL_CONTACT', 'KEY_GROUP')),
    valid_from  timestamptz  not null,
    valid_until timestamptz,
    lifted_at   timestamptz,
    lifted_by   varchar(100),
    created_at  timestamptz  not null default now(),
    created_by  varchar(100) not null,
    version     integer      not null default 0,
    check (valid_until is null or valid_until > valid_from)
);
create index emg_restriction_incident on emg_restriction (incident_id);
create index emg_restriction_gate on emg_restriction (estate_id, person_key) where not drill;

-- Leave approvals (须经属地疫情防控领导小组同意): granted with a reason and a return time; the
-- leaving and the return are matched from the gate records, never typed. Evidence: append-only.
create table emg_leave_approval (
    id             bigserial primary key,
    restriction_id bigint        not null references emg_restriction (id),
    incident_id    bigint        not null references emg_incident (id),
    reason         varchar(200)  not null,
    leave_from     timestamptz   not null,
    return_by      timestamptz   not null,
    granted_at     timestamptz   not null,
    granted_by     varchar(100)  not null,
    check (return_by > leave_from)
);
create index emg_leave_approval_restriction on emg_leave_approval (restriction_id, leave_from);
create trigger emg_leave_approval_append_only before update or delete on emg_leave_approval
    for each row execute function append_only();

-- A recovered case's discharge (EMG-13): the gate refuses their return until the protocol's
-- monitoring days are over and a negative NAT since discharge is shown. Append-only.
create table emg_recovery (
    id                 bigserial primary key,
    incident_id        bigint        not null references emg_incident (id),
    estate_id          bigint        not null references org_estate (id),
    estate_region_path varchar(200)  not null,
    drill              boolean       not null,
    person_key         varchar(64)   not null,
    person_name        varchar(50)   not null,
    id_masked          varchar(18),
    discharged_on      date          not null,
    recorded_at        timestamptz   not null,
    recorded_by        varchar(100)  not null
);
create index emg_recovery_gate on emg_recovery (estate_id, person_key) where not drill;
create trigger emg_recovery_append_only before update or delete on emg_recovery
    for each row execute function append_only();
