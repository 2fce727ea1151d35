-- The follow-up list pages by keyset, newest first on (created_at, id), open ones or all (issue 12 §3), and may be
-- narrowed to a region or an estate (the list behind the cockpit's open follow-ups, issue 12 §2). An estate's or a
-- street's open ones are read from each estate's index in that order; a district's or a city's walk the newest first.
drop index access_follow_up_estate;
create index access_follow_up_estate on access_follow_up (estate_id, status, created_at desc, id desc);
create index access_follow_up_open_newest on access_follow_up (created_at desc, id desc) where status = 'OPEN';
create index access_follow_up_newest on access_follow_up (created_at desc, id desc);
