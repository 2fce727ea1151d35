-- The care list's special groups and today's isolations are selected by their own estate_id (V214; the person's estate by
-- the foreign key) instead of the person's, so a street's or district's page and its capped count read each estate's
-- marks from this index instead of walking every mark in the city and looking up its person (a generated city's street,
-- 80 of 10,000 estates: the count visited 271,500 marks and people, about 500 ms; issue 12 §3).
create index res_special_estate_newest on res_special (estate_id, id desc);
create index res_isolation_estate_ending on res_isolation (estate_id, ends_on, id);
