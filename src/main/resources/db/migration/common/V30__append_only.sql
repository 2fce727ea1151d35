-- Records that are evidence are append-only: a correction is a new row pointing at the old one.
-- One trigger function refuses UPDATE and DELETE on all of them; a new module's evidence table uses it:
--     create trigger <table>_append_only before update or delete on <table>
--         for each row execute function append_only();
-- Until now V5, V20, V21, V22 and V23 each brought a copy of it; this points their triggers here and
-- drops the copies. The error stays a plain RAISE EXCEPTION (SQLSTATE P0001) naming the table.
create function append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused, write a correction instead', tg_table_name, tg_op;
end $$;

drop trigger access_check_append_only on access_check;
create trigger access_check_append_only before update or delete on access_check
    for each row execute function append_only();

drop trigger hyg_record_append_only on hyg_record;
create trigger hyg_record_append_only before update or delete on hyg_record
    for each row execute function append_only();
drop trigger hyg_waste_movement_append_only on hyg_waste_movement;
create trigger hyg_waste_movement_append_only before update or delete on hyg_waste_movement
    for each row execute function append_only();

drop trigger report_submission_append_only on report_submission;
create trigger report_submission_append_only before update or delete on report_submission
    for each row execute function append_only();

drop trigger sup_movement_append_only on sup_movement;
create trigger sup_movement_append_only before update or delete on sup_movement
    for each row execute function append_only();
drop trigger sup_spending_append_only on sup_spending;
create trigger sup_spending_append_only before update or delete on sup_spending
    for each row execute function append_only();

drop trigger stf_health_append_only on stf_health;
create trigger stf_health_append_only before update or delete on stf_health
    for each row execute function append_only();
drop trigger stf_community_report_append_only on stf_community_report;
create trigger stf_community_report_append_only before update or delete on stf_community_report
    for each row execute function append_only();
drop trigger stf_vaccination_append_only on stf_vaccination;
create trigger stf_vaccination_append_only before update or delete on stf_vaccination
    for each row execute function append_only();
drop trigger stf_nat_append_only on stf_nat;
create trigger stf_nat_append_only before update or delete on stf_nat
    for each row execute function append_only();

-- No CASCADE: if a trigger still used an old copy, the migration fails instead of dropping it.
drop function access_check_append_only();
drop function hyg_append_only();
drop function report_append_only();
drop function sup_append_only();
drop function stf_append_only();
