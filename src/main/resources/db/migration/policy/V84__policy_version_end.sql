-- A version in force can be ended (a lockdown lifted, EMG-05): from ended_at on, the next version
-- in its scope, or the broader scope's, is in force again. The version and every check decided
-- under it stay as they were; only when it stopped applying is added.
alter table policy_version add column ended_at timestamptz, add column ended_by text;
