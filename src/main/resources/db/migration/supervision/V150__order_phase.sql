-- The campaign phase of an order's inspection, kept on the order (set by a trigger as the order is inserted:
-- an inspection never changes phase), so a phase's order figures on the campaign page count the phase's
-- orders through an index instead of a semi-join over every inspection of the phase (100,000 at a city; see
-- docs/PERFORMANCE.md). Null for an order of an inspection outside any campaign.
alter table sup_rectification_order add column phase_id bigint;

update sup_rectification_order o set phase_id = i.phase_id from sup_inspection i where i.id = o.inspection_id;

create function sup_rectification_order_phase() returns trigger language plpgsql as $$
begin
    new.phase_id := (select i.phase_id from sup_inspection i where i.id = new.inspection_id);
    return new;
end $$;
create trigger sup_rectification_order_phase before insert on sup_rectification_order
    for each row execute function sup_rectification_order_phase();

create index sup_rectification_order_phase on sup_rectification_order (phase_id, status) where phase_id is not null;
