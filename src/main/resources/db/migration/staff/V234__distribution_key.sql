-- Ready for Citus (docs/SCALE.md): the staff's vaccination and training registers (STF-03, STF-06) carry estate_id in
-- their keys. A dose is recorded once per person in the estate's register (it was once per person anywhere; a staff
-- member belongs to one estate). An attendance had no estate: it takes its session's, filled from it, and
-- StaffRegisters writes it with the session.
alter table stf_vaccination drop constraint stf_vaccination_pkey;
alter table stf_vaccination add constraint stf_vaccination_pkey primary key (id, estate_id);
alter table stf_vaccination drop constraint stf_vaccination_user_id_dose_key;
alter table stf_vaccination add constraint stf_vaccination_user_id_dose_key unique (user_id, dose, estate_id);

alter table stf_training_attendance drop constraint stf_training_attendance_training_id_fkey;
alter table stf_training drop constraint stf_training_pkey;
alter table stf_training add constraint stf_training_pkey primary key (id, estate_id);

alter table stf_training_attendance add column estate_id bigint;
update stf_training_attendance a set estate_id = t.estate_id from stf_training t where t.id = a.training_id;
alter table stf_training_attendance alter column estate_id set not null;
alter table stf_training_attendance drop constraint stf_training_attendance_pkey;
alter table stf_training_attendance add constraint stf_training_attendance_pkey primary key (training_id, user_id, estate_id);
alter table stf_training_attendance add constraint stf_training_attendance_training_id_fkey
    foreign key (training_id, estate_id) references stf_training (id, estate_id);
