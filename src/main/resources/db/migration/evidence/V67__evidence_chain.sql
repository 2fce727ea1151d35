-- Evidence that proves it was not rewritten (issue 8, item 4). The evidence rows themselves stay as
-- they are (the gate's insert is the hot path); a sealer appends, a few seconds after they commit, one
-- seal per row to a hash chain per kind, estate and day:
--     link(n) = sha256(link(n-1) || content_hash(n)),  link(0) = empty,
--     content_hash = sha256(jsonb_strip_nulls(to_jsonb(row))::text), computed by the database in UTC.
-- The seals hold hashes only, no personal data, so they outlive a retention purge of the rows.
create table evidence_seal (
    id           bigserial primary key,
    kind         text not null,
    estate_id    bigint not null,
    day          date not null,
    seq          integer not null check (seq > 0),
    row_id       bigint not null,
    content_hash bytea not null,
    link_hash    bytea not null,
    sealed_at    timestamptz not null default now(),
    unique (kind, estate_id, day, seq),
    unique (kind, row_id)
);
create trigger evidence_seal_append_only before update or delete on evidence_seal
    for each row execute function append_only();

-- Retention purges (issue 8, item 5): what each removed (table, estate, how many, date range) and the
-- heads of the chains whose rows it cut, as one JSON text signed with HMAC-SHA256, so verification can
-- tell a purged row from a deleted one and a forged purge record from a real one.
create sequence evidence_purge_seq;
create table evidence_purge (
    id         bigint primary key,
    ran_at     timestamptz not null,
    summary    text not null,
    signature  text not null,
    created_by text not null
);
create trigger evidence_purge_append_only before update or delete on evidence_purge
    for each row execute function append_only();

-- The retention days are a policy number of this module (group "evidence"): every stored version
-- gets it, as the presets seed it, so the number in force is stored whole.
update policy_version
   set params = params || jsonb_build_object('evidence', jsonb_build_object('retentionDays', 28))
 where params -> 'evidence' is null;
