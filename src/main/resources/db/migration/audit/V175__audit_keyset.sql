-- The audit page reads by keyset, newest first by (occurred_at, id) (issue 12 §3): indexes in that order, so a
-- page is read from the index in list order, for the whole trail (a city) and for one estate, never sorted.
create index audit_log_time_id on audit_log (occurred_at desc, id desc);
drop index audit_log_estate_time;
create index audit_log_estate_time on audit_log (estate_id, occurred_at desc, id desc);
drop index audit_log_scope_time;
create index audit_log_scope_time on audit_log (scope_path text_pattern_ops, occurred_at desc, id desc) where estate_id is null;
