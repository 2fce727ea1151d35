-- The evidence chain seals each submitted inspection's row (evidence kind INSPECTION). The row holds
-- the score and result; its items are sealed through items_digest, the SHA-256 of one line per item
-- (item id, value entered, answer, score, failed, note), written with the row.
alter table sup_inspection add column items_digest text not null;
