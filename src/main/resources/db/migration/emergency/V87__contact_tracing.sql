-- Contact tracing (EMG-06, EMG-07, issue 9 section 4).
-- The protocol (密切接触者判定与管理) is versioned data: each version is a row, never changed; a new
-- version is copied from a preset or another version. The two presets, the national 8th and 9th
-- editions, are the first rows (their numbers and sources: ProtocolEdition; a test checks these rows
-- read back as those presets).
create table emg_contact_protocol (
    id          bigserial primary key,
    name        varchar(100) not null,
    edition     varchar(20)  not null,
    parameters  jsonb        not null,
    based_on_id bigint references emg_contact_protocol (id),
    created_at  timestamptz  not null default now(),
    created_by  varchar(100) not null
);
create trigger emg_contact_protocol_append_only before update or delete on emg_contact_protocol
    for each row execute function append_only();

insert into emg_contact_protocol (name, edition, parameters, created_by) values
    ('新型冠状病毒肺炎防控方案（第八版）', 'EIGHTH', '{"exposureWindowDays": 2, "tiers": {"CLOSE": {"isolationDays": 14, "centralIsolation": true, "monitoringDays": 7, "natDays": [1, 4, 7, 14, 16, 21]}, "SECONDARY": {"isolationDays": 7, "centralIsolation": true, "monitoringDays": 0, "natDays": [1, 4, 7]}, "GENERAL": {"isolationDays": 0, "centralIsolation": false, "monitoringDays": 14, "natDays": [1, 7]}, "KEY_GROUP": {"isolationDays": 0, "centralIsolation": false, "monitoringDays": 0, "natDays": []}}, "secondaryReleaseCloseNegatives": 2, "upgradeSecondaryOnPositive": true, "sameUnitFloor": true, "floorsAbove": 1, "floorsBelow": 1, "entranceMinutes": 5}', 'V87'),
    ('新型冠状病毒肺炎防控方案（第九版）', 'NINTH', '{"exposureWindowDays": 4, "tiers": {"CLOSE": {"isolationDays": 7, "centralIsolation": true, "monitoringDays": 3, "natDays": [1, 2, 3, 5, 7, 10]}, "SECONDARY": {"isolationDays": 7, "centralIsolation": false, "monitoringDays": 0, "natDays": [1, 4, 7]}, "GENERAL": {"isolationDays": 0, "centralIsolation": false, "monitoringDays": 3, "natDays": [1, 3]}, "KEY_GROUP": {"isolationDays": 0, "centralIsolation": false, "monitoringDays": 0, "natDays": []}}, "secondaryReleaseCloseNegatives": 2, "upgradeSecondaryOnPositive": true, "sameUnitFloor": true, "floorsAbove": 1, "floorsBelow": 1, "entranceMinutes": 5}', 'V87');

-- An incident's contact tracing: the protocol version it uses and when its list was first produced.
create table emg_contact_tracing (
    incident_id bigint primary key references emg_incident (id),
    protocol_id bigint       not null references emg_contact_protocol (id),
    listed_at   timestamptz,
    listed_by   varchar(100),
    version     integer      not null default 0
);

-- A decided contact: a candidate confirmed (with a tier) or dismissed, or a person added by hand.
-- parent_id is the close contact they were found from (null: found from the case). Every tier
-- decision cites the protocol version it was made under.
create table emg_contact (
    id            bigserial primary key,
    incident_id   bigint       not null references emg_incident (id),
    parent_id     bigint references emg_contact (id),
    identity      varchar(100) not null,
    person_name   varchar(100) not null,
    person_key    varchar(64),
    resident_id   bigint,
    staff_user_id bigint,
    id_masked     varchar(18),
    phone         varchar(20),
    reasons       text         not null,
    decision      varchar(10)  not null check (decision in ('CONFIRMED', 'DISMISSED')),
    tier          varchar(10) check (tier in ('CLOSE', 'SECONDARY', 'GENERAL', 'KEY_GROUP')),
    protocol_id   bigint       not null references emg_contact_protocol (id),
    decided_at    timestamptz  not null,
    decided_by    varchar(100) not null,
    day_one       date,
    status        varchar(20) check (status in ('UNDER_MANAGEMENT', 'RELEASED', 'LOST_TO_FOLLOW_UP', 'UPGRADED')),
    status_at     timestamptz,
    status_by     varchar(100),
    version       integer      not null default 0,
    check ((decision = 'CONFIRMED') = (tier is not null))
);
create unique index emg_contact_once on emg_contact (incident_id, coalesce(parent_id, 0), identity);
create index emg_contact_parent on emg_contact (parent_id);

-- A managed person's NAT results and daily health entries: evidence, append-only.
create table emg_contact_nat (
    id          bigserial primary key,
    contact_id  bigint       not null references emg_contact (id),
    sampled_on  date         not null,
    positive    boolean      not null,
    recorded_at timestamptz  not null,
    recorded_by varchar(100) not null
);
create index emg_contact_nat_contact on emg_contact_nat (contact_id, sampled_on);
create trigger emg_contact_nat_append_only before update or delete on emg_contact_nat
    for each row execute function append_only();

create table emg_contact_health (
    id          bigserial primary key,
    contact_id  bigint       not null references emg_contact (id),
    day         date         not null,
    temperature numeric(3, 1),
    symptoms    varchar(200) not null default '',
    recorded_at timestamptz  not null,
    recorded_by varchar(100) not null
);
create index emg_contact_health_contact on emg_contact_health (contact_id, day);
create trigger emg_contact_health_append_only before update or delete on emg_contact_health
    for each row execute function append_only();
