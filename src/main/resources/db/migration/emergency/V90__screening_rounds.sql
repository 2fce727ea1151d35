-- NAT screening of everyone else in an incident (核酸筛查, EMG-08). Who is due is computed from the
-- register, the gate records, the managed contacts and the roster, never stored; a round keeps only
-- its period and what was sampled on site. Samples are evidence: append-only, a correction is a new
-- sample (the newest result of a person counts).
create table emg_screening_round (
    id          bigserial primary key,
    incident_id bigint not null references emg_incident (id),
    estate_id   bigint not null references org_estate (id),
    number      int not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    created_at  timestamptz not null default now(),
    created_by  text not null,
    check (ends_at > starts_at),
    unique (incident_id, number)
);
create index emg_screening_round_estate on emg_screening_round (estate_id, starts_at desc);

-- One tube: a single sample (单采) or a pooled one (混管) with its members.
create table emg_screening_sample (
    id          bigserial primary key,
    round_id    bigint not null references emg_screening_round (id),
    code        text not null,
    pooled      boolean not null,
    result      text not null check (result in ('NEGATIVE', 'POSITIVE')),
    sampled_at  timestamptz not null,
    created_at  timestamptz not null default now(),
    created_by  text not null
);
create index emg_screening_sample_round on emg_screening_sample (round_id, sampled_at);

-- A member is a person of the register (R<id>) or of staff (S<user id>), as the due list names them.
create table emg_screening_sample_member (
    sample_id  bigint not null references emg_screening_sample (id),
    person_ref text not null check (person_ref ~ '^[RS][0-9]+$'),
    primary key (sample_id, person_ref)
);

create trigger emg_screening_round_append_only before update or delete on emg_screening_round
    for each row execute function append_only();
create trigger emg_screening_sample_append_only before update or delete on emg_screening_sample
    for each row execute function append_only();
create trigger emg_screening_sample_member_append_only before update or delete on emg_screening_sample_member
    for each row execute function append_only();
