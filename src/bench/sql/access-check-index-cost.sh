#!/usr/bin/env bash
# What each index of access_check costs a check's insert (docs/PERFORMANCE.md, "Coalesced commits (2026-12-03)").
#
# A scratch PostgreSQL (the embedded one's binaries, or PG_BIN) in DIR, one table with access_check's columns (one
# month, as one partition of the real table), N rows inserted in one statement per configuration: no index, the
# primary key only, the primary key and each index alone, all of them. EXPLAIN (ANALYZE, WAL) gives the time and the
# WAL bytes; each configuration runs ROUNDS times on a fresh table, the fastest counts. The difference to "primary key
# only" is what the index adds per row. Rows like the gate's: 1,000 estates, a mix of categories and verdicts, a
# person key on each, evidence as JSON text of about 500 bytes.
#
#   src/bench/sql/access-check-index-cost.sh [DIR] [N] [ROUNDS]      (defaults: /tmp/idx-cost-pg 100000 3)
#
# TOTALS=1 runs only the primary key, every index of V152/V190/V201 ("all-v201") and the set after V202 (without
# entrance_time, "all-v202"), in turns, so that the pair is measured under the same load.
set -euo pipefail
DIR=${1:-/tmp/idx-cost-pg}
N=${2:-100000}
ROUNDS=${3:-3}
PORT=${PORT:-55439}
PG_BIN=${PG_BIN:-$(ls -d /tmp/embedded-pg/PG-*/bin | head -1)}
AS=(); [[ $(id -u) == 0 ]] && AS=(runuser -u postgres --)   # PostgreSQL refuses to run as root
rm -rf "$DIR" "$DIR.log"
"${AS[@]}" "$PG_BIN/initdb" -D "$DIR" -U postgres -A trust >/dev/null
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR" -o "-p $PORT -c shared_buffers=256MB -c max_wal_size=4GB -c autovacuum=off -c fsync=on" \
    -l "$DIR.log" -w start >/dev/null
trap '"${AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null; rm -rf "$DIR"' EXIT
q() { psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

declare -A INDEX=(
  [pkey]="alter table t add primary key (id, estate_id, occurred_at)"
  [estate_time_id]="create index on t (estate_id, occurred_at desc, id desc)"
  [estate_decision_time]="create index on t (estate_id, decision, occurred_at desc, id desc)"
  [estate_category_time]="create index on t (estate_id, category, occurred_at desc, id desc)"
  [reason_codes_gin]="create index on t using gin (reason_codes)"
  [group_partial]="create index on t (group_id) where group_id is not null"
  [person_time_partial]="create index on t (person_key, occurred_at) where person_key is not null"
  [entrance_time]="create index on t (entrance_id, occurred_at)"
  [corrects_partial]="create index on t (corrects_check_id) where corrects_check_id is not null"
  [occurred_brin]="create index on t using brin (occurred_at)"
  [time_id]="create index on t (occurred_at desc, id desc)"
  [text_chars]="create index on t using gin (string_to_array(upper(coalesce(person_name, '') || ' ' || coalesce(vehicle_plate, '')), null))"
)
ORDER=(estate_time_id estate_decision_time estate_category_time reason_codes_gin group_partial person_time_partial
       entrance_time corrects_partial occurred_brin time_id text_chars)
DROPPED=(entrance_time)   # V202

INSERT="insert into t (id, client_id, estate_id, entrance_id, device_key_id, occurred_at, direction, category, person_name,
       person_key, id_masked, evidence, decision, reason_codes, reasons, policy_version_id, created_by)
select g, gen_random_uuid(), 1 + (g * 7919) % 1000, 2 * (1 + (g * 7919) % 1000) + g % 2, 1 + (g * 7919) % 1000,
       timestamptz '2026-12-01 00:00:00+00' + g * interval '25 ms', case when g % 10 = 0 then 'OUT' else 'IN' end,
       (array['RESIDENT','TENANT','VISITOR','COURIER','WORKER','STAFF'])[1 + g % 6], '测试' || (g % 5000),
       md5(g::text) || md5((g + 1)::text), '110***********' || lpad((g % 10000)::text, 4, '0'),
       cast('{\"temperature\":{\"celsius\":36.' || (g % 9) || ',\"method\":\"INFRARED_TERMINAL\"},\"healthCode\":{\"status\":\"GREEN\",'
         || '\"acquisition\":\"SCANNED\",\"source\":\"REGISTER\",\"demo\":false,\"input\":null,\"vouchedBy\":null},\"credential\":'
         || '{\"type\":\"ACCESS_CARD\",\"reference\":\"card-' || g || '\",\"verified\":true,\"accessControl\":true},\"nat\":'
         || '{\"sampledAt\":\"2026-11-30T08:00:00Z\",\"result\":\"NEGATIVE\",\"source\":\"REGISTER\",\"demo\":false},'
         || '\"answers\":{\"destination\":\"5号楼\",\"symptoms\":false},\"mask\":true,\"threeChecks\":null}' as jsonb),
       case when g % 100 < 35 then 'REFUSE' else 'ALLOW' end,
       case when g % 100 < 35 then array['NAT_EXPIRED'] else array[]::text[] end,
       cast(case when g % 100 < 35 then '[{\"code\":\"NAT_EXPIRED\",\"detail\":\"80 h > 72 h\"}]' else '[]' end as jsonb),
       1, 'device:' || (1 + (g * 7919) % 1000)
  from generate_series(1, $N) g"

run() {   # run NAME INDEX-STATEMENTS... : prints "ms wal_bytes" of the fastest round
  local name=$1; shift
  local best_ms="" best_wal=""
  for r in $(seq "$ROUNDS"); do
    q -c "drop table if exists t" -c "create table t (id bigint not null, client_id uuid not null, estate_id bigint not null,
          entrance_id bigint not null, shift_id bigint, device_key_id bigint, occurred_at timestamptz not null,
          direction text not null, category text not null, person_name text, person_key text, id_masked text, group_id uuid,
          vehicle_plate text, evidence jsonb not null, decision text not null, reason_codes text[] not null,
          reasons jsonb not null, policy_version_id bigint not null, corrects_check_id bigint,
          created_at timestamptz not null default now(), created_by text not null, corrects_occurred_at timestamptz)"
    for stmt in "$@"; do q -c "$stmt"; done
    q -c "checkpoint"
    local plan
    plan=$(q -At -c "explain (analyze, wal, costs off, timing off) $INSERT")
    local ms wal
    ms=$(echo "$plan" | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p')
    wal=$(echo "$plan" | sed -n 's/.*WAL: .*bytes=\([0-9]*\).*/\1/p' | head -1)
    if [[ -z "$best_ms" ]] || (( $(echo "$ms < $best_ms" | bc) )); then best_ms=$ms; best_wal=$wal; fi
  done
  printf '%-24s %10.1f ms %8.2f us/row %12d WAL bytes %8.1f WAL bytes/row\n' "$name" "$best_ms" \
      "$(echo "$best_ms * 1000 / $N" | bc -l)" "$best_wal" "$(echo "$best_wal / $N" | bc -l)"
}

echo "access_check index cost: $N rows per insert, fastest of $ROUNDS, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
all=("${INDEX[pkey]}"); for i in "${ORDER[@]}"; do all+=("${INDEX[$i]}"); done
kept=("${INDEX[pkey]}"); for i in "${ORDER[@]}"; do [[ " ${DROPPED[*]} " == *" $i "* ]] || kept+=("${INDEX[$i]}"); done
if [[ "${TOTALS:-}" == 1 ]]; then
  for turn in 1 2; do
    run pkey "${INDEX[pkey]}"
    run all-v201 "${all[@]}"
    run all-v202 "${kept[@]}"
  done
  echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
run heap-only
run pkey "${INDEX[pkey]}"
for i in "${ORDER[@]}"; do run "pkey+$i" "${INDEX[pkey]}" "${INDEX[$i]}"; done
run all-v201 "${all[@]}"
run all-v202 "${kept[@]}"
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
