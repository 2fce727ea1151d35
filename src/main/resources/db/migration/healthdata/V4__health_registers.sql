-- The platform's own registers: NAT results (核酸比对登记簿) and health-code status lists.
-- People are keyed by a hash of their ID number; only a masked number is kept in clear.
create table health_import_batch (
    id         bigserial primary key,
    kind       text not null check (kind in ('NAT', 'HEALTH_CODE')),
    file_name  text not null,
    rows_total int not null,
    rows_ok    int not null,
    rows_bad   int not null,
    errors     jsonb not null,
    created_at timestamptz not null default now(),
    created_by text not null
);

create table health_nat_result (
    id          bigserial primary key,
    person_key  text not null,
    person_name text not null,
    id_masked   text not null,
    sampled_at  timestamptz not null,
    result      text not null check (result in ('NEGATIVE', 'POSITIVE')),
    batch_id    bigint references health_import_batch (id),
    created_at  timestamptz not null default now(),
    created_by  text not null,
    unique (person_key, sampled_at)
);
create index health_nat_lookup on health_nat_result (person_key, sampled_at desc);

create table health_code_status (
    id          bigserial primary key,
    person_key  text not null,
    person_name text not null,
    id_masked   text not null,
    status      text not null check (status in ('GREEN', 'YELLOW', 'RED')),
    as_of       timestamptz not null,
    batch_id    bigint references health_import_batch (id),
    created_at  timestamptz not null default now(),
    created_by  text not null,
    unique (person_key, as_of)
);
create index health_code_lookup on health_code_status (person_key, as_of desc);
