-- The care list shows each special-group person's latest contact ((SELECT max(created_at) … WHERE person_id = p.id) per
-- row), and a person's page lists their contacts: without an index on the person each row read the whole contact log
-- (a generated city, 294,000 contacts: 26 sequential scans, 109,200 buffers, about 430 ms per page; issue 12 §3).
create index res_contact_log_person on res_contact_log (person_id, created_at);
