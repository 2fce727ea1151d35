-- Supplies ledger (SUP-01..04): items with units, stock movements (append-only: a correction is a
-- new movement pointing at the one it corrects), flammable items with storage place and keeper,
-- and each company's prevention budget and spending.
create table sup_item (
    id            bigserial primary key,
    estate_id     bigint not null references org_estate (id),
    name          text not null,
    category      text not null,
    unit          text not null,
    flammable     boolean not null default false,
    storage_place text,
    keeper        text,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    updated_at    timestamptz,
    updated_by    text,
    unique (estate_id, name),
    check (not flammable or (storage_place is not null and keeper is not null))
);

create table sup_movement (
    id          bigserial primary key,
    item_id     bigint not null references sup_item (id),
    estate_id   bigint not null references org_estate (id),
    direction   text not null check (direction in ('IN', 'OUT')),
    quantity    numeric(12, 2) not null check (quantity > 0),
    occurred_at timestamptz not null,
    note        text,
    corrects_id bigint references sup_movement (id),
    created_at  timestamptz not null default now(),
    created_by  text not null
);
create index sup_movement_item_time on sup_movement (item_id, occurred_at);

create table sup_budget (
    id         bigserial primary key,
    company_id bigint not null references org_company (id),
    year       int not null,
    amount     numeric(14, 2) not null check (amount >= 0),
    created_at timestamptz not null default now(),
    created_by text not null
);

create table sup_spending (
    id         bigserial primary key,
    company_id bigint not null references org_company (id),
    estate_id  bigint references org_estate (id),
    spent_on   date not null,
    amount     numeric(14, 2) not null check (amount > 0),
    purpose    text not null,
    created_at timestamptz not null default now(),
    created_by text not null
);

create function sup_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'supply records are append-only: write a correction instead';
end $$;
create trigger sup_movement_append_only before update or delete on sup_movement
    for each row execute function sup_append_only();
create trigger sup_spending_append_only before update or delete on sup_spending
    for each row execute function sup_append_only();
