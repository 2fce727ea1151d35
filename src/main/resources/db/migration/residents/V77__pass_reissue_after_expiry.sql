-- A pass that expired without being revoked kept its person from being issued a new one: the
-- one-pass-per-person index ignored expiry (it cannot read the clock). Issuing a new pass now marks
-- the expired one as replaced, and the index counts only passes neither revoked nor replaced.
alter table res_pass add column replaced_at timestamptz;
drop index res_pass_one_per_person;
create unique index res_pass_one_per_person on res_pass (person_id) where revoked_at is null and replaced_at is null;
