-- Contact tracing (EMG-07) reads a person's own passages and everyone through the same entrance
-- within minutes of them. Both are index range scans, whatever the size of access_check.
create index access_check_person_time on access_check (person_key, occurred_at) where person_key is not null;
create index access_check_entrance_time on access_check (entrance_id, occurred_at);
