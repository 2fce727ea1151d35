-- A check's references to the organisation's reference rows (its estate, entrance, guard's shift, terminal key and
-- policy version) are no longer checked by foreign keys on every insert; the referenced rows are kept instead: a
-- DELETE on any of their five tables is refused (kept_for_checks below). Nothing in the application deletes from
-- them: estates and entrances are renamed or closed, keys revoked, shifts ended, policies superseded by a new
-- version. Every id a check carries was read from its table (or from the caches filled from it) before the check
-- was decided, so with nothing deleted the references hold as the foreign keys held them.
--
-- Why: each foreign key ran a query per inserted check in a trigger, with a key-share lock on the referenced row,
-- which every check's transaction took again (a WAL record and a dirtied page each time). On a 64-row batch of the
-- gate's insert the four set on a terminal's check cost 30-35 µs per check of about 95 (docs/PERFORMANCE.md,
-- "The check's references", session 6).
--
-- The correction's reference to the check it corrects (access_check_corrects_check_id_fkey) stays: it is checked
-- only for a correction, and a record of the same table may be purged.
alter table access_check drop constraint access_check_estate_id_fkey;
alter table access_check drop constraint access_check_entrance_id_fkey;
alter table access_check drop constraint access_check_shift_id_fkey;
alter table access_check drop constraint access_check_device_key_id_fkey;
alter table access_check drop constraint access_check_policy_version_id_fkey;

create function kept_for_checks() returns trigger language plpgsql as $$
begin
    raise exception '% rows are named by check records: % refused (retire the row instead)', tg_table_name, tg_op
        using errcode = 'foreign_key_violation';
end $$;

create trigger org_estate_kept_for_checks before delete or truncate on org_estate
    for each statement execute function kept_for_checks();
create trigger org_entrance_kept_for_checks before delete or truncate on org_entrance
    for each statement execute function kept_for_checks();
create trigger access_shift_kept_for_checks before delete or truncate on access_shift
    for each statement execute function kept_for_checks();
create trigger iam_device_key_kept_for_checks before delete or truncate on iam_device_key
    for each statement execute function kept_for_checks();
create trigger policy_version_kept_for_checks before delete or truncate on policy_version
    for each statement execute function kept_for_checks();
