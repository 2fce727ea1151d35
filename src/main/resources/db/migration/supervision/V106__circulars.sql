-- Circulars (通报, SPV-10): the results of a campaign phase, generated from the inspections, orders and
-- the staff training register, frozen when published (the PDF and Excel are made from what was frozen)
-- and visible to everyone in the scope. A circular is evidence of what was circulated: append-only.
create table sup_circular (
    id           bigserial primary key,
    campaign_id  bigint not null references sup_campaign (id),
    phase_id     bigint not null references sup_phase (id),
    scope_path   text not null,
    title        text not null,
    figures      jsonb not null,
    published_at timestamptz not null,
    published_by text not null
);
create index sup_circular_scope on sup_circular (scope_path text_pattern_ops);
create trigger sup_circular_append_only before update or delete on sup_circular
    for each row execute function append_only();
