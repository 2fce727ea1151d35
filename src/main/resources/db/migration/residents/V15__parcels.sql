-- Couriers (ACC-13): parcels left at a pickup point, disinfected or not, the resident's in-app
-- notice and the pickup. A resident login is linked to their entry in the register.
alter table res_person add column username text;
create index res_person_username on res_person (username);

create table res_parcel (
    id             bigserial primary key,
    estate_id      bigint not null references org_estate (id),
    household_id   bigint not null references res_household (id),
    recipient_name text not null,
    pickup_point   text not null,
    carrier        text not null default '',
    disinfected    boolean not null,
    picked_up_at   timestamptz,
    picked_up_by   text,
    created_at     timestamptz not null default now(),
    created_by     text not null
);
create index res_parcel_household on res_parcel (household_id, picked_up_at);
