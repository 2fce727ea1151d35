-- Staff registers (STF-03, 04, 06): vaccinations, NATs and training sessions with attendance.
-- Append-only evidence of what was done.
create table stf_vaccination (
    id            bigserial primary key,
    estate_id     bigint not null references org_estate (id),
    user_id       bigint not null references iam_user (id),
    dose          int not null check (dose between 1 and 10),
    vaccinated_on date not null,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    unique (user_id, dose)
);

create table stf_nat (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    user_id    bigint not null references iam_user (id),
    sampled_on date not null,
    result     text not null check (result in ('NEGATIVE', 'POSITIVE', 'PENDING')),
    created_at timestamptz not null default now(),
    created_by text not null
);
create index stf_nat_user on stf_nat (user_id, sampled_on desc);

create table stf_training (
    id         bigserial primary key,
    estate_id  bigint not null references org_estate (id),
    title      text not null,
    held_on    date not null,
    trainer    text not null,
    created_at timestamptz not null default now(),
    created_by text not null
);

create table stf_training_attendance (
    training_id bigint not null references stf_training (id),
    user_id     bigint not null references iam_user (id),
    created_at  timestamptz not null default now(),
    created_by  text not null,
    primary key (training_id, user_id)
);

create trigger stf_vaccination_append_only before update or delete on stf_vaccination
    for each row execute function stf_append_only();
create trigger stf_nat_append_only before update or delete on stf_nat
    for each row execute function stf_append_only();
