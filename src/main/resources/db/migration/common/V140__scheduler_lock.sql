-- Scheduled jobs run once across nodes (issue 12 section 5): ShedLock keeps one row per job name.
-- A node runs a job only while it holds the row (lock_until in the future, on the database's clock);
-- a node that dies mid-run lets go at lock_until (the job's lockAtMostFor). The times are UTC without
-- a zone, as ShedLock writes them with usingDbTime (timezone('utc', current_timestamp)), so nodes whose
-- sessions have different time zones still compare them alike.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
