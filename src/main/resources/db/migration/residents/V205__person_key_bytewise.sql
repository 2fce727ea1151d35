-- Register import at 25,000 rows/s (issue 12 §4): every new person adds its keyed ID hash (64 hex characters) to two
-- indexes, (estate_id, person_key) and person_key, and each insertion compares it with a dozen keys on the way down.
-- Under the database's collation a comparison calls the C library's strcoll (C.UTF-8 in the embedded server, a
-- language's collation in production: dearer still); the hash has no language and is only ever compared for
-- equality (= :key, = ANY), so its bytes are enough. No row changes; the two indexes are rebuilt.
-- (About 4 % of PostgreSQL's instructions for a first import into an empty register, docs/PERFORMANCE.md.)
alter table res_person alter column person_key type text collate "C";
