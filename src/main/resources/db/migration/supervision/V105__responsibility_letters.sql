-- The responsibility letter (压实责任一封信, SPV-08, seed 003): published by the association to every
-- property company in its scope; the right head of each office signs by answering each question.
-- A letter as published and each signature are evidence: append-only. The text that was hashed is
-- kept whole, so anyone can recompute the SHA-256 a head signed against.
create table sup_letter (
    id             bigserial primary key,
    scope_path     text not null,
    city_id        bigint not null references org_region (id),
    title          text not null,
    body           text not null,
    questions      jsonb not null,
    closing        text not null,
    issuer         text not null,
    content_text   text not null,
    content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
    deadline_at    timestamptz not null,
    supersedes_id  bigint references sup_letter (id),
    published_at   timestamptz not null,
    published_by   text not null
);
create index sup_letter_scope on sup_letter (scope_path text_pattern_ops);
create trigger sup_letter_append_only before update or delete on sup_letter
    for each row execute function append_only();

-- Each office the letter is addressed to; signed_at and the reminder count change, guarded by version.
create table sup_letter_recipient (
    id           bigserial primary key,
    letter_id    bigint not null references sup_letter (id),
    company_id   bigint not null references org_company (id),
    company_name text not null,
    company_path text not null,
    basis        text not null check (basis in ('LOCAL_HEAD_OFFICE', 'LOCAL_COMPANY_BRANCH', 'OUT_OF_TOWN_LOCAL_BRANCH', 'MANAGING_OFFICE')),
    signed_at    timestamptz,
    reminders    int not null default 0,
    version      int not null default 0,
    unique (letter_id, company_id)
);
create index sup_letter_recipient_company on sup_letter_recipient (company_path text_pattern_ops);

create table sup_letter_signature (
    id              bigserial primary key,
    recipient_id    bigint not null unique references sup_letter_recipient (id),
    letter_id       bigint not null references sup_letter (id),
    signer_user_id  bigint not null,
    signer_username text not null,
    signer_name     text not null,
    signature       text not null,
    answers         jsonb not null,
    content_sha256  text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
    signed_at       timestamptz not null,
    late            boolean not null
);
create trigger sup_letter_signature_append_only before update or delete on sup_letter_signature
    for each row execute function append_only();

-- Reminders to offices that have not signed (催签), one row each, for the groups' follow-up.
create table sup_letter_reminder (
    id           bigserial primary key,
    recipient_id bigint not null references sup_letter_recipient (id),
    letter_id    bigint not null references sup_letter (id),
    note         text,
    reminded_at  timestamptz not null,
    reminded_by  text not null
);
create trigger sup_letter_reminder_append_only before update or delete on sup_letter_reminder
    for each row execute function append_only();

-- A changed letter is a new one: each letter is replaced by one new version at most.
create unique index sup_letter_one_successor on sup_letter (supersedes_id) where supersedes_id is not null;
