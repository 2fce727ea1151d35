-- The client id's row (access_check_client) no longer references its check by a foreign key. Both rows are written
-- by one statement (CheckRepository: the client id's row first, the check only if that row was inserted; either
-- both or neither), and the retention purge deletes them together (RetentionTarget.CHECKS), so the reference could
-- never fail. Checking it was the costliest part of recording a check: a look-up in the partitioned check table
-- and a key-share lock on the row just inserted, 70 µs a check (EXPLAIN ANALYZE of 500 rows at 10 million stored:
-- 35-41 ms of the statement's 90-157 ms; 50 ms without it). docs/PERFORMANCE.md, "The client id's reference".
alter table access_check_client drop constraint access_check_client_check_fkey;
