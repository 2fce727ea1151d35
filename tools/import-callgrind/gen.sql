-- Writes the statements a first import of N register rows into estate 3 (empty) sends, as a single-user script:
-- mode=old: the upserts of main before 2026-12-03 session 3; mode=new: the plain inserts of ResidentWriter.EmptyRegister.
-- psql -At -v N=10000 -v mode=new -f gen.sql > new.sql   (needs stage.sql's table; the script rolls back)
\set QUIET on
create temp table s as select *, case when i < 1000 then 0 when i < 6000 then 1 else 2 end as ch from stage where i < :N;
create temp table addr as select b, u, r, min(i) first_i from s group by b, u, r;
create temp table addr_id as select b, u, r, first_i, 1000000 + row_number() over (order by first_i) - 1 as hid from addr;
create or replace function pg_temp.arr(vals text[]) returns text language sql as $$
  select '''{' || string_agg('"' || replace(replace(replace(v, '\', '\\'), '"', '\"'), '''', '''''') || '"', ',') || '}'''
  from unnest(vals) v $$;
\set QUIET off
select 'BEGIN;';
select 'ALTER SEQUENCE res_household_id_seq RESTART WITH 1000000;';
select q from (
  select ch, 1 as step,
    case when :'mode' = 'old' then
      'INSERT INTO res_household (estate_id, building, unit, room, created_by) SELECT 3, b, u, r, ''x'' FROM unnest('
      || pg_temp.arr(array_agg(a.b order by a.fi)) || '::text[], ' || pg_temp.arr(array_agg(a.u order by a.fi)) || '::text[], '
      || pg_temp.arr(array_agg(a.r order by a.fi)) || '::text[]) AS t(b, u, r) ON CONFLICT (estate_id, building, unit, room) DO NOTHING;'
    else
      'INSERT INTO res_household (estate_id, building, unit, room, created_by) SELECT 3, b, u, r, ''x'' FROM unnest('
      || pg_temp.arr(array_agg(a.b order by a.fi) filter (where a.new)) || '::text[], ' || pg_temp.arr(array_agg(a.u order by a.fi) filter (where a.new)) || '::text[], '
      || pg_temp.arr(array_agg(a.r order by a.fi) filter (where a.new)) || '::text[]) AS t(b, u, r) RETURNING id, building, unit, room;'
    end as q
  from (select s.ch, s.b, s.u, s.r, min(s.i) fi, bool_or(ad.first_i = s.i) as new
          from s join addr ad using (b, u, r) group by s.ch, s.b, s.u, s.r) a
  group by ch
  union all
  select ch, 2,
    case when :'mode' = 'old' then
      'WITH written AS (INSERT INTO res_person AS p (estate_id, household_id, name, kind, phone, person_key, id_cipher, id_masked, no_smartphone, access_control, created_by) '
      || 'SELECT h.estate_id, h.id, t.n, t.k, t.ph, t.pk, t.c, t.m, t.ns, t.ac, ''x'' FROM unnest('
      || pg_temp.arr(array_agg(b order by i)) || '::text[], ' || pg_temp.arr(array_agg(u order by i)) || '::text[], ' || pg_temp.arr(array_agg(r order by i)) || '::text[], '
      || pg_temp.arr(array_agg(n order by i)) || '::text[], ' || pg_temp.arr(array_agg(k order by i)) || '::text[], ' || pg_temp.arr(array_agg(ph order by i)) || '::text[], '
      || pg_temp.arr(array_agg(pk order by i)) || '::text[], ' || pg_temp.arr(array_agg(c order by i)) || '::text[], ' || pg_temp.arr(array_agg(m order by i)) || '::text[], '
      || pg_temp.arr(array_agg(ns::text order by i)) || '::boolean[], ' || pg_temp.arr(array_agg(ac::text order by i)) || '::boolean[]) AS t(b, u, r, n, k, ph, pk, c, m, ns, ac) '
      || 'JOIN res_household h ON h.estate_id = 3 AND h.building = t.b AND h.unit = t.u AND h.room = t.r '
      || 'ON CONFLICT (estate_id, person_key) DO UPDATE SET household_id = excluded.household_id, name = excluded.name, kind = excluded.kind, phone = excluded.phone, no_smartphone = excluded.no_smartphone, access_control = excluded.access_control, updated_at = now(), updated_by = excluded.created_by '
      || 'WHERE (p.household_id, p.name, p.kind, p.phone, p.no_smartphone, p.access_control) IS DISTINCT FROM (excluded.household_id, excluded.name, excluded.kind, excluded.phone, excluded.no_smartphone, excluded.access_control) '
      || 'RETURNING (xmax = 0) AS inserted) SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written;'
    else
      'INSERT INTO res_person (estate_id, household_id, name, kind, phone, person_key, id_cipher, id_masked, no_smartphone, access_control, created_by) '
      || 'SELECT 3, t.h, t.n, t.k, t.ph, t.pk, t.c, t.m, t.ns, t.ac, ''x'' FROM unnest('
      || pg_temp.arr(array_agg(hid::text order by i)) || '::bigint[], '
      || pg_temp.arr(array_agg(n order by i)) || '::text[], ' || pg_temp.arr(array_agg(k order by i)) || '::text[], ' || pg_temp.arr(array_agg(ph order by i)) || '::text[], '
      || pg_temp.arr(array_agg(pk order by i)) || '::text[], ' || pg_temp.arr(array_agg(c order by i)) || '::text[], ' || pg_temp.arr(array_agg(m order by i)) || '::text[], '
      || pg_temp.arr(array_agg(ns::text order by i)) || '::boolean[], ' || pg_temp.arr(array_agg(ac::text order by i)) || '::boolean[]) AS t(h, n, k, ph, pk, c, m, ns, ac);'
    end
  from s join addr_id using (b, u, r)
  group by ch
) x order by ch, step;
select 'SELECT count(*), count(DISTINCT household_id) FROM res_person WHERE estate_id = 3;';
select 'ROLLBACK;';
