-- The check list for a district or the city (issue 12 §3): newest first over thousands of estates. Measured on the
-- generated city (10,000 estates, 10 million records): without this index a city user's page sorted every record of
-- the period (1.8 s for a day, 9.5 s for 30 days); walking this index newest first and keeping the rows in scope
-- finds a page in the first few dozen entries (10-30 ms). Smaller scopes read each estate's own index
-- (access_check_estate_time_id, CheckRepository.PER_ESTATE_MAX).
-- Built on every month's partition (V152). On a live database with months of records, build it month by month
-- beforehand (CREATE INDEX CONCURRENTLY on each partition, then CREATE INDEX ON ONLY access_check and ATTACH
-- PARTITION each) under this name, and this step keeps it: a plain build holds the gate's inserts meanwhile.
create index if not exists access_check_time_id on access_check (occurred_at desc, id desc);
