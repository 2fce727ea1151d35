-- Resident passes (RES-03): one valid pass per person, signed with the estate platform's Ed25519
-- key; revocation is a column written once. Returns and home isolation decide who may have one.
create table res_pass_key (
    id             bigserial primary key,
    public_key     bytea not null,
    private_cipher text not null,
    created_at     timestamptz not null default now(),
    created_by     text not null
);

create table res_pass (
    id            bigserial primary key,
    estate_id     bigint not null references org_estate (id),
    person_id     bigint not null references res_person (id),
    issued_at     timestamptz not null,
    expires_at    timestamptz not null,
    revoked_at    timestamptz,
    revoked_by    text,
    revoke_reason text,
    created_at    timestamptz not null default now(),
    created_by    text not null
);
create unique index res_pass_one_per_person on res_pass (person_id) where revoked_at is null;

-- Returns from outside the city (RES-02); the latest return decides pass eligibility.
create table res_return (
    id              bigserial primary key,
    estate_id       bigint not null references org_estate (id),
    person_key      text not null,
    person_name     text not null,
    id_masked       text not null,
    from_place      text not null,
    risk_area       boolean not null,
    arrival_date    date not null,
    observation_end date not null,
    created_at      timestamptz not null default now(),
    created_by      text not null
);
create index res_return_person on res_return (person_key, arrival_date desc);

-- Home isolation periods (RES-05).
create table res_isolation (
    id         bigserial primary key,
    person_id  bigint not null references res_person (id),
    starts_on  date not null,
    ends_on    date not null check (ends_on >= starts_on),
    reason     text not null,
    created_at timestamptz not null default now(),
    created_by text not null
);
create index res_isolation_person on res_isolation (person_id);
