-- The verdict of each task's latest record, kept on the task (issue 12 §3): the region's hygiene list finds the estates
-- with a task not met on a day (a latest record not compliant, or none though due) from the day's tasks alone, instead
-- of reading the latest record of each of a city's 60,000 tasks. The records stay append-only; a trigger keeps the
-- task's copy, so every way a record is written (the cleaner's page, an import, a generator) keeps it. A record with a
-- higher id is later (a correction), as on the estate's board.
alter table hyg_task add column latest_record_id bigint;
alter table hyg_task add column latest_compliant boolean;

update hyg_task t set latest_record_id = r.id, latest_compliant = r.compliant
  from (select distinct on (task_id) task_id, id, compliant from hyg_record order by task_id, id desc) r
 where t.id = r.task_id;

create function hyg_task_latest_record() returns trigger language plpgsql as $$
begin
    update hyg_task set latest_record_id = new.id, latest_compliant = new.compliant
     where id = new.task_id and estate_id = new.estate_id and (latest_record_id is null or latest_record_id < new.id);
    return null;
end $$;
create trigger hyg_record_latest after insert on hyg_record
    for each row execute function hyg_task_latest_record();

-- A day's tasks done but not compliant, and those not done by the time they were due: the two ways a task is not met.
create index hyg_task_day_not_compliant on hyg_task (task_date, estate_id) where latest_compliant = false;
create index hyg_task_day_not_done on hyg_task (task_date, estate_id, due_at) where latest_compliant is null;
-- A day's tasks with what the lists count, read from the index alone: every estate's for the cockpit's figures,
-- refreshed every minute (a scan of the whole table and a record look-up per task before), or one estate's for a row
-- of the region's list.
create index hyg_task_day on hyg_task (task_date, estate_id) include (due_at, latest_compliant);
