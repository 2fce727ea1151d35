-- Lists of estates (/estates, /staff-health, /supplies) are read a page at a time in (name, id) order by keyset
-- (issue 12 §3): this index gives that order, so a page reads its rows from the cursor on instead of sorting a
-- city's estates.
create index org_estate_name_order on org_estate (name, id);
