-- The standing result of each estate in each campaign phase: the latest inspection submitted for it
-- (a correction, being later, replaces what it corrects). Kept by a trigger as inspections are
-- inserted, so coverage reads at most one row per estate instead of every inspection of the phase
-- (a city phase has 100,000 of them; see docs/PERFORMANCE.md).
create table sup_phase_result (
    phase_id      bigint not null,
    estate_id     bigint not null,
    campaign_id   bigint not null,
    inspection_id bigint not null,
    kind          text not null,
    score         numeric(6, 1) not null,
    max_score     numeric(6, 1) not null,
    qualified     boolean not null,
    submitted_at  timestamptz not null,
    primary key (phase_id, estate_id)
);

create function sup_phase_result_keep() returns trigger language plpgsql as $$
begin
    if new.campaign_id is not null and new.phase_id is not null then
        insert into sup_phase_result (phase_id, estate_id, campaign_id, inspection_id, kind, score, max_score, qualified, submitted_at)
        values (new.phase_id, new.estate_id, new.campaign_id, new.id, new.kind, new.score, new.max_score, new.qualified, new.submitted_at)
        on conflict (phase_id, estate_id) do update
            set inspection_id = excluded.inspection_id, kind = excluded.kind, score = excluded.score,
                max_score = excluded.max_score, qualified = excluded.qualified, submitted_at = excluded.submitted_at
            where sup_phase_result.submitted_at <= excluded.submitted_at;
    end if;
    return null;
end $$;
create trigger sup_inspection_phase_result after insert on sup_inspection
    for each row execute function sup_phase_result_keep();

insert into sup_phase_result (phase_id, estate_id, campaign_id, inspection_id, kind, score, max_score, qualified, submitted_at)
select distinct on (phase_id, estate_id) phase_id, estate_id, campaign_id, id, kind, score, max_score, qualified, submitted_at
  from sup_inspection where campaign_id is not null and phase_id is not null
 order by phase_id, estate_id, submitted_at desc, id desc;
