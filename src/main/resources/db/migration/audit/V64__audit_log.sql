-- The audit trail (PIPL): who saw a full ID number, who exported a register, who looked a person up
-- at the gate, every sign-in. Append-only like the evidence tables: a row is never changed or removed.
-- estate_id places a row in an estate; without one, scope_path (the actor's organisation path) does.
-- subject never holds a full ID number (the application masks it before writing).
create table audit_log (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    action      text not null,
    actor_id    bigint,
    actor_name  text not null,
    estate_id   bigint references org_estate (id),
    scope_path  text,
    subject     text,
    row_count   integer,
    masked      boolean,
    reason      text,
    client_ip   text
);

create index audit_log_estate_time on audit_log (estate_id, occurred_at desc);
create index audit_log_scope_time on audit_log (scope_path text_pattern_ops, occurred_at desc) where estate_id is null;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function append_only();
