-- Pass-signing keys are versioned (issue 8, key rotation): the row id is the key id a new pass's
-- token carries. Generating a key retires the one in use: a retired key signs nothing new and
-- keeps verifying the passes it signed until they expire. The key written first (id 1, before
-- versions) verifies the tokens that carry no key id.
alter table res_pass_key add column retired_at timestamptz;
alter table res_pass_key add column retired_by text;
