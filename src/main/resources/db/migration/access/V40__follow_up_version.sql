-- A follow-up is closed by whoever gets to it first; the version lets the second closer be told
-- instead of overwriting the first one's note.
alter table access_follow_up add column version integer not null default 0;
