-- Rectification orders (SPV-02, SPV-07): an unqualified inspection orders the estate to rectify its failed
-- items within the policy's working days (by the calendar of V100); the estate answers each item with what it
-- did and evidence; an authority user other than the one who answered re-checks (回头看) the failed items.
-- The estate's and company's names are kept as they were when the order was issued, so lists need no other
-- module's table.
create table sup_rectification_order (
    id                    bigserial primary key,
    inspection_id         bigint not null unique references sup_inspection (id),
    estate_id             bigint not null,
    estate_name           text not null,
    company_id            bigint not null,
    company_name          text not null,
    score                 numeric(6, 1) not null,
    pass_mark             numeric(6, 1),
    status                text not null check (status in ('ISSUED', 'ANSWERED', 'VERIFIED', 'RECHECK_FAILED')),
    issued_at             timestamptz not null,
    working_days          int not null check (working_days > 0),
    due_on                date not null,
    -- the end of due_on in the application's zone: overdue once passed while ISSUED
    due_at                timestamptz not null,
    policy_version_id     bigint,
    answered_at           timestamptz,
    answered_by           text,
    answered_by_id        bigint,
    recheck_inspection_id bigint references sup_inspection (id),
    verified_at           timestamptz,
    verified_by           text,
    verified_by_id        bigint,
    updated_at            timestamptz,
    updated_by            text,
    version               int not null default 0
);
create index sup_rectification_order_due on sup_rectification_order (status, due_at);
create index sup_rectification_order_estate on sup_rectification_order (estate_id, issued_at desc);
create index sup_rectification_order_company on sup_rectification_order (company_id);

-- The failed items the order lists, as the inspection scored them.
create table sup_order_item (
    id         bigserial primary key,
    order_id   bigint not null references sup_rectification_order (id),
    item_id    bigint not null references sup_template_item (id),
    position   int not null,
    text       text not null,
    score      numeric(6, 1),
    max_points numeric(6, 1),
    unique (order_id, item_id)
);
create trigger sup_order_item_append_only before update or delete on sup_order_item
    for each row execute function append_only();

-- The estate's answer to each item: what it did. Evidence, never changed.
create table sup_order_answer (
    id            bigserial primary key,
    order_item_id bigint not null unique references sup_order_item (id),
    action        text not null,
    answered_by   text not null,
    answered_at   timestamptz not null
);
create trigger sup_order_answer_append_only before update or delete on sup_order_answer
    for each row execute function append_only();

-- Photos and documents with an answer (accepted by common.Uploads: type from the bytes).
create table sup_order_evidence (
    id          bigserial primary key,
    answer_id   bigint not null references sup_order_answer (id),
    file        bytea not null,
    file_type   text not null,
    uploaded_by text not null,
    uploaded_at timestamptz not null
);
create index sup_order_evidence_answer on sup_order_evidence (answer_id);
create trigger sup_order_evidence_append_only before update or delete on sup_order_evidence
    for each row execute function append_only();

-- The interview (约谈) of an unqualified estate's company: who held it, when, with whom, what was said.
create table sup_interview (
    id          bigserial primary key,
    order_id    bigint not null references sup_rectification_order (id),
    held_at     timestamptz not null,
    held_by     text not null,
    with_whom   text not null,
    notes       text not null,
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index sup_interview_order on sup_interview (order_id);
create trigger sup_interview_append_only before update or delete on sup_interview
    for each row execute function append_only();
