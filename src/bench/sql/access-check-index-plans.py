#!/usr/bin/env python3
"""The statements that read access_check, as the application builds them (CheckRepository, CheckQueries, CheckExport,
WhereaboutsQueries, AbsenceQueries, GatePassageQueries, CockpitCheckRollups, AccessRecordEvidence, RetentionTarget),
with literal values for the generated city, EXPLAINed with each candidate index present and dropped inside a
transaction that is rolled back (docs/PERFORMANCE.md, "Indexes on check records, measured on the city").

  src/bench/sql/access-check-index-plans.py NAME-REGEX CONFIGS OUT      (CONFIGS: with,tag,all4,decision,category,reason,entrance)
  psql -h 127.0.0.1 -p PORT -U postgres -d postgres -f OUT.sql > OUT.out 2>&1
  src/bench/sql/access-check-index-plans.py --parse OUT.out

A DROP INDEX holds the whole table until its ROLLBACK: each statement runs in its own short transaction
(statement_timeout 3 s, lock_timeout 2 s). Never on a database whose pages are being timed at the same moment.
The literal values (scopes R/14/..., estate 7, entrance 19, a person key) are those of the generated city of 2026-12-03.
Names ending "(rewritten)" are the statements as V202's code asks them (an entrance with its estate, a reason within the
verdicts that carry it); the same names without it are the statements as they were before.
"""
import json, re, sys

SELECT = """SELECT c.id, c.client_id, c.estate_id, e.name AS estate_name, c.entrance_id, n.name AS entrance_name,
       c.occurred_at, c.direction, c.category, c.person_name, c.id_masked, c.group_id, c.vehicle_plate,
       c.evidence::text AS evidence, c.decision, c.reason_codes, c.reasons::text AS reasons,
       c.policy_version_id, c.corrects_check_id, c.created_by, c.shift_id
  FROM access_check c JOIN org_estate e ON e.id = c.estate_id JOIN org_entrance n ON n.id = c.entrance_id"""
VIS = "SELECT id FROM org_estate WHERE region_path LIKE {s} || '%' OR company_path LIKE {s} || '%'"
def lit(v, t=None):
    if v is None: return "NULL"
    if isinstance(v, int): return str(v)
    return "'" + v + "'"
def filters(f):
    return f"""
 AND c.occurred_at >= {lit(f['from'])} AND c.occurred_at < {lit(f['to'])}
 AND (cast({lit(f.get('estate'))} AS bigint) IS NULL OR c.estate_id = {lit(f.get('estate'))})
 AND (cast({lit(f.get('entrance'))} AS bigint) IS NULL OR c.entrance_id = {lit(f.get('entrance'))})
 AND (cast({lit(f.get('category'))} AS text) IS NULL OR c.category = {lit(f.get('category'))})
 AND (cast({lit(f.get('decision'))} AS text) IS NULL OR c.decision = {lit(f.get('decision'))})
 AND (cast({lit(f.get('reason'))} AS text) IS NULL OR c.reason_codes @> ARRAY[cast({lit(f.get('reason'))} AS text)]{(" AND c.decision = ANY(cast(" + lit(f['rv']) + " AS text[]))") if f.get('rv') else ''})
 AND (cast(NULL AS text) IS NULL OR c.direction = NULL)
 AND (cast(NULL AS text) IS NULL OR c.person_name ILIKE NULL OR c.vehicle_plate ILIKE NULL)"""
def where(f, scope):
    return " WHERE c.estate_id IN (" + VIS.format(s=lit(scope)) + ")" + filters(f)
def page(f, scope, per_estate, cursor=None, size=25):
    seek = "" if cursor is None else f" AND (c.occurred_at, c.id) < ({lit(cursor[0])}, {cursor[1]})"
    order = " ORDER BY c.occurred_at DESC, c.id DESC"
    vis = VIS.format(s=lit(scope))
    if per_estate:
        cnt = ("SELECT count(*) FROM (SELECT 1 FROM (" + vis + ") s CROSS JOIN LATERAL (SELECT 1 FROM access_check c"
               " WHERE c.estate_id = s.id" + filters(f) + " LIMIT 1001) c LIMIT 1001) AS capped")
        sql = (SELECT.replace("FROM access_check c", "FROM (" + vis + ") s CROSS JOIN LATERAL (SELECT c.* FROM access_check c WHERE c.estate_id = s.id"
               + filters(f) + seek + order + f" LIMIT {size+1}) c") + order + f" LIMIT {size+1}")
    else:
        cnt = "SELECT count(*) FROM (SELECT 1 FROM access_check c" + where(f, scope) + " LIMIT 1001) AS capped"
        sql = SELECT + where(f, scope) + seek + order + f" LIMIT {size+1}"
    return cnt, sql

T = ('2026-12-02 16:00+00', '2026-12-03 16:00+00')
M = ('2026-11-04 16:00+00', '2026-12-03 16:00+00')
CUR = ('2026-11-20 00:00+00', 9223372036854775807)
SC = {'E7': ('R/14/15/27/152/E7/', True), 'street': ('R/14/15/27/', True), 'district': ('R/14/15/', False), 'city': ('R/14/', False)}
stmts = []  # (name, tags, sql)
def lists(tag, label, extra, scopes=('E7', 'street', 'district', 'city'), periods=(('today', T), ('30d', M)), cont=True):
    for sname in scopes:
        scope, per = SC[sname]
        for pname, (a, b) in periods:
            f = dict(extra, **{'from': a, 'to': b})
            cnt, sql = page(f, scope, per)
            stmts.append((f"list {label} {sname} {pname} count", tag, cnt))
            stmts.append((f"list {label} {sname} {pname} page", tag, sql))
            if cont and pname == '30d':
                _, sql2 = page(f, scope, per, CUR)
                stmts.append((f"list {label} {sname} {pname} next", tag, sql2))
    # the city user picking one estate (estate filter: the walk with c.estate_id = 7)
    for pname, (a, b) in periods:
        f = dict(extra, **{'from': a, 'to': b, 'estate': 7})
        cnt, sql = page(f, 'R/14/', False)
        stmts.append((f"list {label} city+estate7 {pname} count", tag, cnt))
        stmts.append((f"list {label} city+estate7 {pname} page", tag, sql))

lists('base', 'all', {}, cont=True)
lists('decision', 'REFUSE', {'decision': 'REFUSE'})
lists('category', 'VISITOR', {'category': 'VISITOR'})
lists('reason', 'FEVER', {'reason': 'FEVER'})
lists('reason', 'REFUSE+CODE_NOT_GREEN', {'decision': 'REFUSE', 'reason': 'CODE_NOT_GREEN'})
lists('entrance', 'entrance19', {'entrance': 19}, scopes=('E7',))
lists('entrance', 'estate7+entrance19', {'estate': 7, 'entrance': 19}, scopes=())
# export: the same page with size 1000 (30 days, refusals, street)
_, exp = page(dict(decision='REFUSE', **{'from': M[0], 'to': M[1]}), 'R/14/15/27/', True, size=1000)
stmts.append(("export REFUSE street 30d page of 1000", 'decision', exp))
# home page: countByVerdict for an estate user's day
stmts.append(("home countByVerdict E7 today", 'decision',
    "SELECT c.decision, count(*) AS n FROM access_check c" + where({'from': T[0], 'to': T[1]}, 'R/14/15/27/152/E7/') + " GROUP BY c.decision"))
# gate page counts today (as is, and with the estate)
stmts.append(("gate countsSince entrance19 today", 'entrance',
    "SELECT decision, count(*) AS n FROM access_check WHERE entrance_id = 19 AND occurred_at >= '2026-12-02 16:00+00' AND direction = 'IN' GROUP BY decision"))
stmts.append(("gate countsSince estate7+entrance19 today (rewritten)", 'entrance',
    "SELECT decision, count(*) AS n FROM access_check WHERE estate_id = 7 AND entrance_id = 19 AND occurred_at >= '2026-12-02 16:00+00' AND direction = 'IN' GROUP BY decision"))
# daily report
for pname, (a, b) in (('today', T),):
    stmts.append((f"dailyreport countsFor E7 {pname}", 'decision', f"""
SELECT 'VERDICT.' || c.decision AS k, count(*) AS n FROM access_check c
 WHERE c.estate_id = 7 AND c.occurred_at >= '{a}' AND c.occurred_at < '{b}' AND c.direction = 'IN'
   AND NOT EXISTS (SELECT 1 FROM access_check x WHERE x.corrects_check_id = c.id) GROUP BY c.decision
UNION ALL
SELECT 'REASON.' || r.code, count(*) FROM access_check c, unnest(c.reason_codes) AS r(code)
 WHERE c.estate_id = 7 AND c.occurred_at >= '{a}' AND c.occurred_at < '{b}' AND c.direction = 'IN'
   AND c.decision = 'REFUSE'
   AND NOT EXISTS (SELECT 1 FROM access_check x WHERE x.corrects_check_id = c.id) GROUP BY r.code"""))
# supervision figure (checks complete), 30 days
stmts.append(("supervision checksComplete E7 30d", 'decision', f"""
SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM unnest(c.reason_codes) r
       WHERE r LIKE 'MISSING\\_%' OR r IN ('CODE_SHOWN_NOT_SCANNED', 'CODE_TYPED_NOT_SCANNED')))
  FROM access_check c WHERE c.estate_id = 7 AND c.direction = 'IN' AND c.occurred_at >= '{M[0]}' AND c.occurred_at <= '{M[1]}'
   AND NOT EXISTS (SELECT 1 FROM access_check k WHERE k.corrects_check_id = c.id)"""))
# whereabouts / contacts
PK = '51704ffff3863547234c8d2b098822ee'
W = ('2026-11-19 16:00+00', '2026-12-03 16:00+00')
stmts.append(("whereabouts of person E7 14d", 'entrance',
    f"SELECT c.id FROM access_check c WHERE c.person_key = '{PK}' AND c.estate_id = 7 AND c.occurred_at >= '{W[0]}' AND c.occurred_at < '{W[1]}' ORDER BY c.occurred_at, c.id"))
near = """WITH mine AS (SELECT id, entrance_id, occurred_at FROM access_check
     WHERE person_key = '{pk}' AND estate_id = 7 AND occurred_at >= '{a}' AND occurred_at < '{b}')
SELECT c.id, c.entrance_id, c.occurred_at, c.direction, c.category, c.person_name, c.person_key, c.vehicle_plate, m.id AS near_id, m.occurred_at AS near_at
  FROM mine m JOIN access_check c ON c.entrance_id = m.entrance_id {extra}
   AND c.occurred_at BETWEEN m.occurred_at - make_interval(secs => 1800) AND m.occurred_at + make_interval(secs => 1800)
 WHERE c.id <> m.id AND c.person_key IS DISTINCT FROM '{pk}' ORDER BY m.occurred_at, c.occurred_at, c.id"""
stmts.append(("contacts near() 14d 30min", 'entrance', near.format(pk=PK, a=W[0], b=W[1], extra="")))
stmts.append(("contacts near() 14d 30min + estate (rewritten)", 'entrance', near.format(pk=PK, a=W[0], b=W[1], extra="AND c.estate_id = 7")))
stmts.append(("absences away() E7", 'decision', f"""SELECT k.key FROM unnest(ARRAY['{PK}','5a68decc8064429798d8f20675a339cf']) AS k(key)
  CROSS JOIN LATERAL (SELECT c.direction FROM access_check c WHERE c.person_key = k.key AND c.occurred_at <= '{T[1]}' AND c.estate_id = 7
                       AND c.decision <> 'REFUSE' ORDER BY c.occurred_at DESC LIMIT 1) last WHERE last.direction = 'OUT'"""))
stmts.append(("lockdown firstAfter", 'decision', f"""SELECT occurred_at FROM access_check WHERE estate_id = 7 AND person_key = '{PK}' AND direction = 'IN'
   AND decision <> 'REFUSE' AND occurred_at > '{W[0]}' ORDER BY occurred_at LIMIT 1"""))
# cockpit recount of one day (all estates)
stmts.append(("cockpit recount one day", 'decision', f"""WITH standing AS (
    SELECT c.estate_id, date_trunc('hour', c.occurred_at AT TIME ZONE 'Asia/Shanghai') AS hour, c.decision, c.reason_codes
      FROM access_check c WHERE c.occurred_at >= '2026-12-01 16:00+00' AND c.occurred_at < '2026-12-02 16:00+00' AND c.direction = 'IN' AND c.id <= 9223372036854775807
       AND c.id NOT IN (SELECT x.corrects_check_id FROM access_check x WHERE x.corrects_check_id IS NOT NULL AND x.id <= 9223372036854775807))
SELECT estate_id, hour, 'ENTRY.' || decision AS figure, count(*) AS n FROM standing GROUP BY 1, 2, 3
UNION ALL
SELECT estate_id, hour, 'REFUSAL.' || r.code, count(*) FROM standing, unnest(reason_codes) AS r(code) WHERE decision = 'REFUSE' GROUP BY 1, 2, 3"""))
stmts.append(("retention doomed E7 (select part)", 'base', """SELECT t.id, t.estate_id, t.occurred_at FROM access_check t
 WHERE t.estate_id = 7 AND (t.occurred_at AT TIME ZONE 'Asia/Shanghai')::date < '2026-11-10'
   AND t.occurred_at < (cast('2026-11-10' AS date)::timestamp AT TIME ZONE 'Asia/Shanghai')
   AND NOT EXISTS (SELECT 1 FROM access_check k WHERE k.corrects_check_id = t.id AND (k.occurred_at AT TIME ZONE 'Asia/Shanghai')::date >= '2026-11-10')"""))


def write(sel, configs, out):
    CAND = {'decision': 'access_check_estate_decision_time', 'category': 'access_check_estate_category_time',
            'reason': 'access_check_reason_codes', 'entrance': 'access_check_entrance_time'}
    ALL4 = list(CAND.values())
    lines = ["\\set ON_ERROR_STOP off", "SET statement_timeout='20s';", "SET lock_timeout='2s';"]
    for name, tag, sql in stmts:
        if not re.search(sel, name):
            continue
        for cfg in configs:
            if cfg == 'tag':
                if tag not in CAND: continue
                drops = [CAND[tag]]; label = 'no ' + tag
            elif cfg == 'with':
                drops = []; label = 'with'
            elif cfg == 'all4':
                drops = ALL4; label = 'no all4'
            else:
                drops = [CAND[cfg]]; label = 'no ' + cfg
            lines.append(f"\\echo '### {name} | {label}'")
            ex = "EXPLAIN (ANALYZE, BUFFERS) " + sql + ";"
            if drops:
                lines.append("BEGIN;")
                lines.append("SET LOCAL statement_timeout='3s';")
                lines += [f"DROP INDEX {d};" for d in drops]
                lines += [ex, "\\echo '--- measured'", ex, "ROLLBACK;"]
            else:
                lines += [ex, "\\echo '--- measured'", ex]
    open(out + '.sql', 'w').write("\n".join(lines) + "\n")

def parse(path):
    txt = open(path).read()
    for block in txt.split('### ')[1:]:
        head = block.split('\n', 1)[0]
        part = block.split('--- measured', 1)
        m = part[1] if len(part) > 1 else block
        ex = re.findall(r'Execution Time: ([\d.]+)', m); pl = re.findall(r'Planning Time: ([\d.]+)', m)
        bufs = re.search(r'\n\s*Buffers: ([^\n]*)', m)   # first = top node
        err = re.search(r'ERROR:\s*([^\n]*)', m)
        node = re.search(r'\n\s*(?:->\s*)?([A-Z][A-Za-z ]+?)(?:  |\s+on |\s+using |\s*\()', m)
        idx = sorted(set(re.findall(r'(?:Index|Index Only|Bitmap Index) Scan (?:Backward )?(?:using|on) (access_check_\d{4}_\d\d_\w+|access_check_\w+)', m)))
        idx = sorted(set(re.sub(r'access_check_\d{4}_\d\d_', '', i) for i in idx))
        seq = 'Seq' if 'Seq Scan on access_check' in m else ''
        print(f"{head} | exec {ex[0] if ex else '-'} | plan {pl[0] if pl else '-'} | {bufs.group(1) if bufs else ''} | {' '.join(idx)} {seq} | {err.group(1) if err else ''}")

if __name__ == '__main__':
    if sys.argv[1] == '--parse':
        parse(sys.argv[2])
    else:
        write(sys.argv[1], sys.argv[2].split(','), sys.argv[3])
