-- Withdrawing a scheduled version is the one change a version allows; the version column makes
-- two authors withdrawing at once end with one withdrawal, not two authors on one row.
alter table policy_version add column version integer not null default 0;
