-- A policy version is immutable once written; scheduling a change means writing a new version
-- with a later effective_from. Scope is a region path (city/district) or an estate path.
create table policy_version (
    id             bigserial primary key,
    name           text not null,
    scope_path     text not null,
    scope_label    text not null,
    effective_from timestamptz not null,
    params         jsonb not null,
    based_on_id    bigint references policy_version (id),
    preset_code    text,
    created_at     timestamptz not null default now(),
    created_by     text not null,
    withdrawn_at   timestamptz,
    withdrawn_by   text
);
create index policy_version_scope on policy_version (scope_path, effective_from desc);
