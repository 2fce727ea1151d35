-- Where a property company's office is based (SPV-08): the city (a CITY region) of a head office or
-- branch. The responsibility letter goes to a local company's head office and its branches, and to
-- the local branch of a company based in another city. Null: not recorded, taken as local.
alter table org_company add column city_id bigint references org_region (id);

-- Existing offices: the city of the estates they (or their branches) manage, where that is one city.
update org_company c set city_id = (
    select min(split_part(e.region_path, '/', 2))::bigint from org_estate e
     where e.company_path like c.path || '%'
    having count(distinct split_part(e.region_path, '/', 2)) = 1);
