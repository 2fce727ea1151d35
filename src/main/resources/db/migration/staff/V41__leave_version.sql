-- Two managers may decide the same leave request at once; the version makes the later one lose.
alter table stf_leave add column version integer not null default 0;
