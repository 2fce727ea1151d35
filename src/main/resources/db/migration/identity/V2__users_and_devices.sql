create table iam_user (
    id              bigserial primary key,
    username        text not null unique,
    password_hash   text not null,
    display_name    text not null,
    role            text not null,
    scope_path      text not null,
    estate_id       bigint references org_estate (id),
    phone           text,
    enabled         boolean not null default true,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    created_by      text not null,
    updated_at      timestamptz,
    updated_by      text
);
create index iam_user_scope on iam_user (scope_path text_pattern_ops);

-- API keys for smart terminals (ACC-07): only a hash is stored; the key is shown once.
create table iam_device_key (
    id          bigserial primary key,
    estate_id   bigint not null references org_estate (id),
    entrance_id bigint not null references org_entrance (id),
    name        text not null,
    key_prefix  text not null unique,
    key_hash    text not null unique,
    created_at  timestamptz not null default now(),
    created_by  text not null,
    revoked_at  timestamptz,
    revoked_by  text
);
