-- Each submission carries the heads of the day's evidence chains as sealed just before it was sent
-- (issue 8, item 4): the authority holds a witness that a later rewrite of the day would contradict.
-- Null for submissions made before the chain existed.
alter table report_submission add column chain_heads jsonb;
