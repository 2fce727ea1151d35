-- Ready for Citus (docs/SCALE.md): the duty roster's keys carry estate_id. Shifts are several an entrance a day (millions a
-- year in a city of 10,000 estates), and their members more; a member is of its shift's estate, filled from the shift.
-- The id stays first in the shift's primary key, so a look-up by id uses the same index as before.
--
-- A check's shift (access_check.shift_id, beside the check's estate_id) stays without a foreign key, as V213 left it:
-- access_shift refuses a DELETE (kept_for_checks), which holds the reference, now to (id, estate_id), with no look-up
-- and no row lock per inserted check. The gate's insert is unchanged.
alter table access_shift_member drop constraint access_shift_member_shift_id_fkey;
alter table access_shift drop constraint access_shift_pkey;
alter table access_shift add constraint access_shift_pkey primary key (id, estate_id);

alter table access_shift_member add column estate_id bigint;
update access_shift_member m set estate_id = s.estate_id from access_shift s where s.id = m.shift_id;
alter table access_shift_member alter column estate_id set not null;
alter table access_shift_member drop constraint access_shift_member_pkey;
alter table access_shift_member add constraint access_shift_member_pkey primary key (shift_id, user_id, estate_id);
alter table access_shift_member add constraint access_shift_member_shift_id_fkey
    foreign key (shift_id, estate_id) references access_shift (id, estate_id);
