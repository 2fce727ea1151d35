-- A purge's record by estate (issue 12, city scale). Until now a purge was one signed summary in evidence_purge with
-- every estate's items and cut heads (about 12 MB a night for 10,000 estates), and every view of one estate read and
-- checked every purge ever written. From now on evidence_purge holds the purge's header (when, by whom, the
-- platform-wide items) and evidence_purge_part one row per estate the purge removed rows of: that estate's items and
-- cut heads, signed over a text that names the purge and the estate, so a part cannot be moved to another purge or
-- estate. A reader of some estates reads the headers and only their parts. Purges written before keep their whole
-- summary in evidence_purge and read as before.
create table evidence_purge_part (
    purge_id  bigint not null references evidence_purge (id),
    estate_id bigint not null,
    summary   text not null,
    signature text not null,
    primary key (purge_id, estate_id)
);
create index evidence_purge_part_estate on evidence_purge_part (estate_id, purge_id);
create trigger evidence_purge_part_append_only before update or delete on evidence_purge_part
    for each row execute function append_only();

-- The purge's own setting (V69) lets it delete evidence rows, never the chain's records: the parts join the seals and
-- the headers among the tables that refuse DELETE even then. Otherwise as V152 left it.
create or replace function append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('estateguard.purge', true), '') = 'on'
       and tg_table_name not in ('evidence_seal', 'evidence_purge', 'evidence_purge_part') then
        return old;
    end if;
    raise exception '% is append-only: % refused, write a correction instead',
        coalesce(pg_partition_root(tg_relid)::text, tg_table_name), tg_op;
end $$;
