-- Finding a record's correction (the cockpit's roll-up takes the corrected record away once). Few rows
-- are corrections, so the partial index stays tiny and costs the gate's insert next to nothing.
create index access_check_corrects on access_check (corrects_check_id) where corrects_check_id is not null;
