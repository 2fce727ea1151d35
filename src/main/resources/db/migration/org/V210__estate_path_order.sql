-- The daily reports list reads a region's estates a page at a time in (region path, name, id) order by keyset
-- (issue 12 §3): bytewise ("C"), the order Java's String comparison gives and the list had when it sorted a city's
-- estates in memory. A region scope is a range of this index (EstateScope.placesInPathOrder), so a page of a city or
-- of a street reads its 51 rows from the cursor on.
create index org_estate_path_order on org_estate (region_path collate "C", name collate "C", id);
