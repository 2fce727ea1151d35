-- Supervision (SPV-01..03): checklist templates as versioned data and the inspections made with them.
-- A template version is edited only while DRAFT; once IN_USE it never changes (a trigger refuses it),
-- it is superseded by a new version (supersedes_id). Submitted inspections are evidence: append-only;
-- a correction is a new row pointing at the old (corrects_id).
create table sup_template (
    id            bigserial primary key,
    code          text not null,
    name          text not null,
    version       int not null check (version > 0),
    supersedes_id bigint references sup_template (id),
    status        text not null check (status in ('DRAFT', 'IN_USE', 'SUPERSEDED')),
    total_points  numeric(6, 1) not null default 0 check (total_points >= 0),
    -- points needed to qualify when the template sets its own; null: the policy's passMark (of 100) applied to the total
    pass_mark     numeric(6, 1),
    source        text,
    preset        boolean not null default false,
    scope_path    text,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    published_at  timestamptz,
    published_by  text,
    lock_version  int not null default 0,
    unique (code, version)
);
-- At most one version of a code in use.
create unique index sup_template_one_in_use on sup_template (code) where status = 'IN_USE';

create table sup_template_section (
    id          bigserial primary key,
    template_id bigint not null references sup_template (id),
    position    int not null,
    title       text not null,
    max_points  numeric(6, 1) not null default 0 check (max_points >= 0),
    unique (template_id, position)
);

create table sup_template_item (
    id           bigserial primary key,
    section_id   bigint not null references sup_template_section (id),
    position     int not null,
    text         text not null,
    max_points   numeric(6, 1) not null default 0 check (max_points >= 0),
    min_points   numeric(6, 1) not null default 0 check (min_points >= 0 and min_points <= max_points),
    mode         text not null check (mode in ('ALL_OR_NOTHING', 'GRADED', 'DEDUCTION', 'YES_NO_NA', 'TEXT')),
    evidence_key text,
    unique (section_id, position),
    check (mode in ('ALL_OR_NOTHING', 'GRADED', 'DEDUCTION') and max_points > 0
        or mode in ('YES_NO_NA', 'TEXT') and max_points = 0)
);

-- A template that is no longer a draft is never changed: its sections and items neither.
create function sup_template_frozen() returns trigger language plpgsql as $$
declare
    tid bigint;
    st  text;
begin
    if tg_table_name = 'sup_template_section' then
        tid := coalesce(new.template_id, old.template_id);
    else
        select s.template_id into tid from sup_template_section s where s.id = coalesce(new.section_id, old.section_id);
    end if;
    select status into st from sup_template where id = tid;
    if st is distinct from 'DRAFT' then
        raise exception 'template % is % and cannot be changed: copy it as a new version', tid, st;
    end if;
    return coalesce(new, old);
end $$;
create trigger sup_template_section_frozen before insert or update or delete on sup_template_section
    for each row execute function sup_template_frozen();
create trigger sup_template_item_frozen before insert or update or delete on sup_template_item
    for each row execute function sup_template_frozen();

create table sup_inspection (
    id                  bigserial primary key,
    template_id         bigint not null references sup_template (id),
    estate_id           bigint not null references org_estate (id),
    campaign_id         bigint,
    phase_id            bigint,
    kind                text not null check (kind in ('SELF_HOME', 'GROUP', 'SPOT_CHECK', 'RECHECK')),
    rechecks_id         bigint references sup_inspection (id),
    corrects_id         bigint references sup_inspection (id),
    inspector_staff_id  bigint not null,
    inspector_name      text not null,
    started_at          timestamptz,
    submitted_at        timestamptz not null,
    score               numeric(6, 1) not null,
    max_score           numeric(6, 1) not null,
    pass_mark           numeric(6, 1),
    qualified           boolean not null,
    -- item ids whose score share differs from the estate's records by more than the policy's gap
    flags               bigint[] not null default '{}',
    evidence_gap_percent int,
    policy_version_id   bigint references policy_version (id),
    note                text,
    created_by          text not null,
    check (kind = 'RECHECK' and rechecks_id is not null or kind <> 'RECHECK' and rechecks_id is null)
);
create index sup_inspection_estate on sup_inspection (estate_id, submitted_at desc);
create index sup_inspection_campaign on sup_inspection (campaign_id, phase_id) where campaign_id is not null;
create unique index sup_inspection_one_correction on sup_inspection (corrects_id) where corrects_id is not null;
create trigger sup_inspection_append_only before update or delete on sup_inspection
    for each row execute function append_only();

create table sup_inspection_item (
    inspection_id bigint not null references sup_inspection (id),
    item_id       bigint not null references sup_template_item (id),
    entered       numeric(6, 1),
    answer        text check (answer in ('YES', 'NO', 'NA')),
    score         numeric(6, 1),
    failed        boolean not null,
    note          text,
    -- the figure from the estate's records shown beside the item when it was submitted
    record_share  numeric(5, 4),
    record_text   text,
    primary key (inspection_id, item_id)
);
create trigger sup_inspection_item_append_only before update or delete on sup_inspection_item
    for each row execute function append_only();

create table sup_inspection_photo (
    id            bigserial primary key,
    inspection_id bigint not null references sup_inspection (id),
    item_id       bigint references sup_template_item (id),
    photo         bytea not null,
    photo_type    text not null,
    created_at    timestamptz not null default now()
);
create index sup_inspection_photo_inspection on sup_inspection_photo (inspection_id);
create trigger sup_inspection_photo_append_only before update or delete on sup_inspection_photo
    for each row execute function append_only();
