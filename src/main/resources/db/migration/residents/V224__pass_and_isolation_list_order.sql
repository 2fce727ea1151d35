-- The pass and care lists page by keyset (issue 12 §3) and may be narrowed to a region or an estate: an estate's passes
-- newest first from their own index (the city's walk the primary key down); today's home isolations by their end, so a
-- page reads from today's end onwards instead of every isolation there ever was. The special groups walk their primary
-- key, or an estate's people (res_person's estate index) and their marks.
create index res_pass_estate_newest on res_pass (estate_id, id desc);
create index res_isolation_ending on res_isolation (ends_on, id);
