-- The retention purge (issue 8, item 5) may delete evidence rows past the policy's retention days: it
-- sets the transaction-local estateguard.purge = 'on' and deletes, nothing else. UPDATE stays refused
-- always, and the chain's own seals and purge records are never deleted, not even by the purge.
create or replace function append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('estateguard.purge', true), '') = 'on'
       and tg_table_name not in ('evidence_seal', 'evidence_purge') then
        return old;
    end if;
    raise exception '% is append-only: % refused, write a correction instead', tg_table_name, tg_op;
end $$;
