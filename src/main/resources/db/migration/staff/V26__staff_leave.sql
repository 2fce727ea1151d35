-- Leaving town (STF-05): approval before, a report on return. A request moves
-- REQUESTED -> APPROVED | REJECTED, and APPROVED -> RETURNED with the return report.
create table stf_leave (
    id            bigserial primary key,
    estate_id     bigint not null references org_estate (id),
    user_id       bigint not null references iam_user (id),
    destination   text not null,
    leave_on      date not null,
    back_on       date not null,
    reason        text not null,
    status        text not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'RETURNED')),
    decided_at    timestamptz,
    decided_by    text,
    returned_on   date,
    return_report text,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    updated_at    timestamptz,
    updated_by    text,
    check (back_on >= leave_on)
);
create index stf_leave_estate on stf_leave (estate_id, leave_on desc);
