-- Check records by month (issue 12 §3, docs/SCALE.md): access_check becomes a table partitioned by RANGE on
-- occurred_at, one partition per calendar month in UTC (access_check_2026_12 holds [2026-12-01, 2027-01-01) UTC),
-- plus a DEFAULT partition that is a safety net only (a record whose month has no partition yet is kept there,
-- never refused; AccessCheckPartitions moves it out into its month). A query with an occurred_at range reads
-- only the months it spans; a month past retention can go as a whole.
--
-- Keys carry the partition key: the primary key is (id, estate_id, occurred_at), and whatever points at a check
-- carries the check's occurred_at so its foreign key stays (follow-ups, device decisions, corrections, client ids).
-- The client id (a retry is a replay, never a second row) cannot be a unique index of a partitioned table without
-- occurred_at: it moves to the small unpartitioned access_check_client, written in the same statement as the
-- check (CheckRepository.insert).
--
-- The rows move with one INSERT ... SELECT routed into the month partitions, before any index exists; the indexes
-- and keys are built afterwards, once per partition. The ids stay (the sequence is kept), so the evidence chain's
-- seals still name the same rows with the same content.

-- 1. Whatever points at the old table lets go of it.
alter table access_follow_up drop constraint access_follow_up_check_id_fkey;
alter table access_device_decision drop constraint access_device_decision_check_fkey;
alter table access_check drop constraint access_check_corrects_check_id_fkey;
alter table access_check rename to access_check_v151;
alter sequence access_check_id_seq owned by none;

-- 2. The partitioned table: the same columns, and corrects_occurred_at, the corrected record's occurred_at (set
-- for corrections recorded from now on; see the constraint at the end for the older ones).
create table access_check (
    id                   bigint not null default nextval('access_check_id_seq'),
    client_id            uuid not null,
    estate_id            bigint not null,
    entrance_id          bigint not null,
    shift_id             bigint,
    device_key_id        bigint,
    occurred_at          timestamptz not null,
    direction            text not null check (direction in ('IN', 'OUT')),
    category             text not null,
    person_name          text,
    person_key           text,
    id_masked            text,
    group_id             uuid,
    vehicle_plate        text,
    evidence             jsonb not null,
    decision             text not null check (decision in ('ALLOW', 'REFUSE', 'REFER')),
    reason_codes         text[] not null,
    reasons              jsonb not null,
    policy_version_id    bigint not null,
    corrects_check_id    bigint,
    created_at           timestamptz not null default now(),
    created_by           text not null,
    corrects_occurred_at timestamptz
) partition by range (occurred_at);
alter sequence access_check_id_seq owned by access_check.id;

create table access_check_default partition of access_check default;

-- One month's partition, made if missing; the month's rows that wait in the DEFAULT partition (if any) move into
-- it in the same transaction, unchanged (same id, same key, same content). The move deletes and inserts again with
-- session_replication_role = replica for the transaction, so neither the append-only trigger nor the references'
-- checks fire on the way: a reference is checked per partition, and the row is momentarily in neither; its key is
-- the same afterwards, so every reference to it holds again. Setting that parameter takes a superuser (the embedded
-- database's owner), or on PostgreSQL 15+ `GRANT SET ON PARAMETER session_replication_role` to the application's role.
-- Returns the partition's name when it made one, null when it existed.
-- Called by this migration and by AccessCheckPartitions (daily, ahead of time).
create function access_check_month_partition(month date) returns text language plpgsql as $$
declare
    part    text := format('access_check_%s', to_char(date_trunc('month', month::timestamp), 'YYYY_MM'));
    lo      timestamptz := date_trunc('month', month::timestamp) at time zone 'UTC';
    hi      timestamptz := (date_trunc('month', month::timestamp) + interval '1 month') at time zone 'UTC';
    waiting bigint;
    role    text := current_setting('session_replication_role');
begin
    if to_regclass(part) is not null then
        return null;
    end if;
    select count(*) into waiting from access_check_default where occurred_at >= lo and occurred_at < hi;
    if waiting = 0 then
        execute format('create table %I partition of access_check for values from (%L) to (%L)', part, lo, hi);
        return part;
    end if;
    perform set_config('session_replication_role', 'replica', true);
    execute format('create temporary table %I on commit drop as select * from access_check_default where false', part || '_moving');
    execute format('with moved as (delete from access_check_default where occurred_at >= %L and occurred_at < %L returning *) '
                   'insert into %I select * from moved', lo, hi, part || '_moving');
    execute format('create table %I partition of access_check for values from (%L) to (%L)', part, lo, hi);
    execute format('insert into access_check select * from %I', part || '_moving');
    execute format('drop table %I', part || '_moving');
    perform set_config('session_replication_role', role, true);
    raise notice 'access_check: % rows moved from the default partition into %', waiting, part;
    return part;
end $$;

-- 3. A partition for every month the records have, and for last month, this month and the next three
-- (AccessCheckPartitions keeps them from then on).
select access_check_month_partition(month)
  from (select distinct date_trunc('month', occurred_at at time zone 'UTC')::date as month from access_check_v151
        union
        select (date_trunc('month', now() at time zone 'UTC') + make_interval(months => n))::date
          from generate_series(-1, 3) as n) as months
 order by month;

-- 4. The rows, routed to their months in one statement.
insert into access_check (id, client_id, estate_id, entrance_id, shift_id, device_key_id, occurred_at, direction, category,
                          person_name, person_key, id_masked, group_id, vehicle_plate, evidence, decision, reason_codes,
                          reasons, policy_version_id, corrects_check_id, created_at, created_by)
select id, client_id, estate_id, entrance_id, shift_id, device_key_id, occurred_at, direction, category,
       person_name, person_key, id_masked, group_id, vehicle_plate, evidence, decision, reason_codes,
       reasons, policy_version_id, corrects_check_id, created_at, created_by
  from access_check_v151;

-- 5. The client ids: one row per check, the key a retry runs into.
create table access_check_client (
    client_id   uuid not null,
    estate_id   bigint not null,
    check_id    bigint not null,
    occurred_at timestamptz not null,
    primary key (client_id, estate_id)
);
insert into access_check_client (client_id, estate_id, check_id, occurred_at)
select client_id, estate_id, id, occurred_at from access_check_v151;

-- The references carry the check's occurred_at (filled from the old table, which still has its (id, estate_id) key).
alter table access_follow_up add column check_occurred_at timestamptz;
update access_follow_up f set check_occurred_at = c.occurred_at
  from access_check_v151 c where c.id = f.check_id and c.estate_id = f.estate_id;
alter table access_follow_up alter column check_occurred_at set not null;

alter table access_device_decision add column check_occurred_at timestamptz;
alter table access_device_decision disable trigger access_device_decision_append_only;
update access_device_decision d set check_occurred_at = c.occurred_at
  from access_check_v151 c where c.id = d.check_id and c.estate_id = d.estate_id;
alter table access_device_decision enable trigger access_device_decision_append_only;
alter table access_device_decision alter column check_occurred_at set not null;

drop table access_check_v151;

-- 6. Keys and indexes, built once per partition over the loaded rows. The same indexes as before (V5, V88, V131,
-- V151), partitioned; the client id's unique index is gone (access_check_client holds it). New: a BRIN index on
-- occurred_at (a few pages per month) for the readers that range over time across estates (retention, roll-ups).
alter table access_check add constraint access_check_pkey primary key (id, estate_id, occurred_at);
create index access_check_estate_time_id on access_check (estate_id, occurred_at desc, id desc);
create index access_check_estate_decision_time on access_check (estate_id, decision, occurred_at desc, id desc);
create index access_check_estate_category_time on access_check (estate_id, category, occurred_at desc, id desc);
create index access_check_reason_codes on access_check using gin (reason_codes);
create index access_check_group on access_check (group_id) where group_id is not null;
create index access_check_person_time on access_check (person_key, occurred_at) where person_key is not null;
create index access_check_entrance_time on access_check (entrance_id, occurred_at);
create index access_check_corrects on access_check (corrects_check_id) where corrects_check_id is not null;
create index access_check_occurred_brin on access_check using brin (occurred_at);
create index access_check_client_check on access_check_client (check_id);

alter table access_check add constraint access_check_estate_id_fkey foreign key (estate_id) references org_estate (id);
alter table access_check add constraint access_check_entrance_id_fkey foreign key (entrance_id) references org_entrance (id);
alter table access_check add constraint access_check_shift_id_fkey foreign key (shift_id) references access_shift (id);
alter table access_check add constraint access_check_device_key_id_fkey foreign key (device_key_id) references iam_device_key (id);
alter table access_check add constraint access_check_policy_version_id_fkey
    foreign key (policy_version_id) references policy_version (id);

-- References to a check, with its occurred_at. No cascade (the device decision's was one): the retention purge
-- deletes a check's follow-ups, device decision and client id in the same statement as the check
-- (RetentionTarget.CHECKS), and a move out of the DEFAULT partition must not take them along.
alter table access_check add constraint access_check_corrects_check_id_fkey
    foreign key (corrects_check_id, estate_id, corrects_occurred_at) references access_check (id, estate_id, occurred_at);
alter table access_follow_up add constraint access_follow_up_check_id_fkey
    foreign key (check_id, estate_id, check_occurred_at) references access_check (id, estate_id, occurred_at);
alter table access_device_decision add constraint access_device_decision_check_fkey
    foreign key (check_id, estate_id, check_occurred_at) references access_check (id, estate_id, occurred_at);
alter table access_check_client add constraint access_check_client_check_fkey
    foreign key (check_id, estate_id, occurred_at) references access_check (id, estate_id, occurred_at);

-- Corrections recorded before this migration keep a null corrects_occurred_at: the evidence chain hashes every
-- non-null column of a row (EvidenceKind.CONTENT_HASH), so filling it in would break the seals of old corrections.
-- Their reference was checked when they were written (V143's key), and the retention purge keeps a corrected
-- record while its correction is kept. Every correction from now on carries it, and its foreign key holds.
do $$
begin
    execute format('alter table access_check add constraint access_check_correction_dated check ('
                   'corrects_check_id is null or corrects_occurred_at is not null or id <= %s)',
                   coalesce((select max(id) from access_check), 0));
end $$;

-- 7. Evidence stays append-only: the row trigger on the partitioned table is cloned onto every partition. The
-- refusal names the partitioned table (access_check), not the month's partition.
create trigger access_check_append_only before update or delete on access_check
    for each row execute function append_only();
create or replace function append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('estateguard.purge', true), '') = 'on'
       and tg_table_name not in ('evidence_seal', 'evidence_purge') then
        return old;
    end if;
    raise exception '% is append-only: % refused, write a correction instead',
        coalesce(pg_partition_root(tg_relid)::text, tg_table_name), tg_op;
end $$;

analyze access_check;
analyze access_check_client;
