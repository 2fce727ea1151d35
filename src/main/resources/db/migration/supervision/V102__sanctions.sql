-- The sanctions register (SPV-09): a company's credit penalty, no awards and no new business for the policy's
-- years (seed 002), 通报批评, 约谈, blacklist (seed 004), and the downgrade and the year without awards of a
-- failed re-check (seed 001). Each names its ground (an inspection or an order), its date and its expiry
-- (none: until further notice). Append-only.
create table sup_sanction (
    id            bigserial primary key,
    company_id    bigint not null,
    company_name  text not null,
    estate_id     bigint,
    estate_name   text,
    kind          text not null check (kind in ('CREDIT_PENALTY', 'NO_AWARDS', 'NO_NEW_BUSINESS', 'CIRCULATED_CRITICISM',
                                                'INTERVIEW', 'BLACKLIST', 'DOWNGRADE', 'NO_AWARDS_THIS_YEAR')),
    inspection_id bigint references sup_inspection (id),
    order_id      bigint references sup_rectification_order (id),
    imposed_on    date not null,
    expires_on    date,
    reason        text not null,
    imposed_by    text not null,
    imposed_at    timestamptz not null,
    check (inspection_id is not null or order_id is not null),
    check (expires_on is null or expires_on >= imposed_on)
);
create index sup_sanction_company on sup_sanction (company_id, imposed_on desc);
create index sup_sanction_estate on sup_sanction (estate_id);
create trigger sup_sanction_append_only before update or delete on sup_sanction
    for each row execute function append_only();
