-- The check list (/checks) pages by keyset, newest first by (occurred_at, id), inside the reader's estates and a
-- date range (issue 12 §3). Each filter the list offers gets an index that reads its rows already in that order,
-- so a page stops after 26 index entries however many records the city holds.

-- Scope, estate and dates (every page view): the old (estate_id, occurred_at desc) gains the tie-breaker id, so
-- rows with the same second come out in the cursor's order straight from the index. Same prefix, so every
-- query that used the old index uses this one.
create index access_check_estate_time_id on access_check (estate_id, occurred_at desc, id desc);
drop index access_check_estate_time;

-- Decision (the cockpit links to the refusals of an estate and day): refusals and referrals are a few per
-- cent of the records, which a scan of the estate's index would have to step over.
create index access_check_estate_decision_time on access_check (estate_id, decision, occurred_at desc, id desc);

-- Category: visitors, couriers and the like are a small share beside residents.
create index access_check_estate_category_time on access_check (estate_id, category, occurred_at desc, id desc);

-- Reason: a refusal reason is rare among all records; the array containment (reason_codes @> ARRAY[...]) is
-- answered by a GIN index.
create index access_check_reason_codes on access_check using gin (reason_codes);

-- No new index for: entrance (access_check_entrance_time from V88, scanned backwards), direction (half the
-- rows each way: the estate index with a filter reads about twice a page), name/plate search (a substring
-- match inside the estate and date range; pg_trgm is not installed).
