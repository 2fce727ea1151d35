#!/usr/bin/env bash
# Measures the do-nothing peer (issue 12 section 4 calibration). Run it holding the machine's bench lock:
#   flock /work/scratch/bench.lock src/bench/peer/run.sh
# Starts MariaDB (mariadb.sh) and the peer (java -jar, full JIT, -Xmx1g) if they are not running, empties
# in_out_record, warms up (wrk 20 s, c=16), then runs ROUNDS x c=4/8/16, STEP seconds each, wrk 2 threads with
# post.lua. For each run: req/s, p50/p99, and CPU per request in µs read from /proc/<pid>/stat (utime+stime)
# of the java pid (split by thread as GateBenchmark does: http-nio = "server", GC, JIT, the rest) and of
# mariadbd, plus wrk's own CPU and everything else on the machine (/proc/stat busy minus those).
# Stops what it started at the end (KEEP=1 leaves them running).
# Environment: ROUNDS (3), STEP (30), WARMUP (20), CONCURRENCY ("4 8 16"), PEER_PORT (18090), PEER_DB (/work/peer-db),
# PEER_DB_PORT (13306), TRUNCATE (1: empty the table first), PEER_ARGS (extra arguments for the peer, e.g. the
# SQL log many public MyBatis-Plus demos keep on:
# PEER_ARGS=--mybatis-plus.configuration.log-impl=org.apache.ibatis.logging.stdout.StdOutImpl; it goes to peer.log).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
ROUNDS=${ROUNDS:-3}
STEP=${STEP:-30}
WARMUP=${WARMUP:-20}
CONCURRENCY=${CONCURRENCY:-"4 8 16"}
export PEER_PORT=${PEER_PORT:-18090}
export PEER_DB=${PEER_DB:-/work/peer-db}
export PEER_DB_PORT=${PEER_DB_PORT:-13306}
TRUNCATE=${TRUNCATE:-1}
URL=http://127.0.0.1:$PEER_PORT/api/checkpoint
HZ=$(getconf CLK_TCK)
LOG=$PEER_DB/run-$(date -u +%Y%m%dT%H%M%SZ).log
JAR=$HERE/target/peer.jar
started_db=0
started_peer=0
peer_pid=

mkdir -p "$PEER_DB"
exec > >(tee "$LOG") 2>&1

cleanup() {
    if [[ ${KEEP:-0} != 1 ]]; then
        if [[ $started_peer == 1 && -n $peer_pid ]]; then
            kill "$peer_pid" 2>/dev/null || true
            wait "$peer_pid" 2>/dev/null || true
            echo "peer stopped"
        fi
        if [[ $started_db == 1 ]]; then "$HERE/mariadb.sh" stop; fi
    fi
}
trap cleanup EXIT

sql() { mariadb --defaults-file="$PEER_DB/my.cnf" -uroot -N peer -e "$1"; }
# InnoDB's fsyncs so far (Innodb_data_fsyncs counts the redo log's too; MariaDB 10.11 has no Innodb_os_log_fsyncs):
# per request they show commits are durable (group commit shares one fsync among several commits).
fsyncs() { sql "SHOW GLOBAL STATUS LIKE 'Innodb_data_fsyncs'" | awk '{ print $2 }'; }

# --- start -------------------------------------------------------------------------------------------------
if [[ ! -f $JAR ]]; then
    "$ROOT/mvnw" -q -f "$HERE/pom.xml" -DskipTests package
fi
if ! "$HERE/mariadb.sh" status >/dev/null 2>&1; then
    "$HERE/mariadb.sh" start
    started_db=1
fi
db_pid=$("$HERE/mariadb.sh" pid)
if curl -s -o /dev/null "http://127.0.0.1:$PEER_PORT/"; then
    echo "a server already answers on port $PEER_PORT: stop it first (this script measures the peer it starts)" >&2
    exit 1
fi
# shellcheck disable=SC2086 # PEER_ARGS: words on purpose
java -Xmx1g -jar "$JAR" ${PEER_ARGS:-} >"$PEER_DB/peer.log" 2>&1 &
peer_pid=$!
started_peer=1
for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$PEER_PORT/" && break
    sleep 0.5
done
curl -s -o /dev/null "http://127.0.0.1:$PEER_PORT/" || { echo "peer did not start, see $PEER_DB/peer.log" >&2; exit 1; }
if [[ $TRUNCATE == 1 ]]; then sql "TRUNCATE TABLE in_out_record"; fi

# --- CPU readings ------------------------------------------------------------------------------------------
# utime+stime (ticks) of a /proc stat file; the command name may hold spaces, so fields are counted after ')'.
ticks() { local s; s=$(<"$1") || return 1; s=${s##*) }; read -r -a f <<<"$s"; echo $((f[11] + f[12])); }
# java: the whole process, and its threads grouped as GateBenchmark groups them.
java_snapshot() {
    local total server=0 gc=0 jit=0 t s comm
    total=$(ticks "/proc/$peer_pid/stat")
    for t in /proc/"$peer_pid"/task/*; do
        s=$(<"$t/stat") 2>/dev/null || continue
        comm=${s#*(}; comm=${comm%)*}
        s=${s##*) }; read -r -a f <<<"$s"
        case $comm in
            http-nio*) server=$((server + f[11] + f[12])) ;;
            "GC Thread"*|G1*) gc=$((gc + f[11] + f[12])) ;;
            *CompilerThre*) jit=$((jit + f[11] + f[12])) ;;
        esac
    done
    echo "$total $server $gc $jit"
}
# machine: busy and total ticks from the first line of /proc/stat (idle + iowait are not busy).
machine_snapshot() {
    local cpu u n s i w q sq st
    read -r cpu u n s i w q sq st _ </proc/stat
    echo "$((u + n + s + q + sq + st)) $((u + n + s + i + w + q + sq + st))"
}
# wrk's CPU: the shell's waited-for children's times (bash's `times`, second line), as ticks. `times` must run
# in this shell, not in a $(...) subshell (a fresh fork has no children's times), so it writes to a file.
TIMES=$PEER_DB/.times
children_ticks() {
    times >"$TIMES"
    awk -v hz="$HZ" 'END { split($1, a, /[ms]/); split($2, b, /[ms]/); printf "%d\n", ((a[1]*60 + a[2]) + (b[1]*60 + b[2])) * hz + 0.5 }' "$TIMES"
}
to_ms() { # wrk's 1.23ms / 456.00us / 1.02s -> ms
    awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
                           else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
                           else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.0f", v * 60000 }
                           else { sub(/s$/, "", v); printf "%.2f", v * 1000 } }'
}

# --- what is being measured --------------------------------------------------------------------------------
echo "== do-nothing peer, $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) CPUs, CLK_TCK=$HZ"
echo "   $(java -version 2>&1 | head -1); peer pid $peer_pid (java -Xmx1g -jar, full JIT${PEER_ARGS:+; $PEER_ARGS}); mariadbd pid $db_pid"
echo "   $("$HERE/mariadb.sh" settings)"
echo "   $(wrk -v 2>&1 | head -1); wrk -t2 -d${STEP}s --latency -s post.lua; warm-up ${WARMUP}s c=16; rounds $ROUNDS x c=$CONCURRENCY"
echo "   load before: $(uptime)"
echo "== warm-up"
wrk -t2 -c16 -d"${WARMUP}s" -s "$HERE/post.lua" "$URL" | grep -E "requests in|Requests/sec|Non-2xx" || true

rows=()
for round in $(seq 1 "$ROUNDS"); do
    for c in $CONCURRENCY; do
        load=$(uptime | sed 's/.*load average: //')
        f0=$(fsyncs)
        read -r j0 js0 jg0 jj0 < <(java_snapshot)
        d0=$(ticks "/proc/$db_pid/stat")
        read -r mb0 mt0 < <(machine_snapshot)
        children_ticks >"$TIMES.w0"; w0=$(<"$TIMES.w0")
        out=$(wrk -t2 -c"$c" -d"${STEP}s" --latency -s "$HERE/post.lua" "$URL")
        children_ticks >"$TIMES.w1"; w1=$(<"$TIMES.w1")
        read -r mb1 mt1 < <(machine_snapshot)
        d1=$(ticks "/proc/$db_pid/stat")
        read -r j1 js1 jg1 jj1 < <(java_snapshot)
        f1=$(fsyncs)
        reqs=$(awk '/requests in/ { print $1 }' <<<"$out")
        rate=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
        p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
        p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
        errors=$(awk '/Non-2xx/ { print $NF }' <<<"$out"); errors=${errors:-0}
        sockerr=$(awk '/Socket errors/' <<<"$out")
        row=$(awk -v r="$round" -v c="$c" -v n="$reqs" -v rate="$rate" -v p50="$p50" -v p99="$p99" -v err="$errors" \
              -v hz="$HZ" -v j="$((j1 - j0))" -v js="$((js1 - js0))" -v jg="$((jg1 - jg0))" -v jj="$((jj1 - jj0))" \
              -v d="$((d1 - d0))" -v w="$((w1 - w0))" -v mb="$((mb1 - mb0))" -v mt="$((mt1 - mt0))" -v ld="$load" -v fs="$((f1 - f0))" '
            BEGIN {
                us = 1e6 / hz / n                      # µs per request for one tick
                others = mb - j - d - w; if (others < 0) others = 0
                printf "%5d %3d %8.0f %7.2f %7.2f %6d %7.0f %7.0f %5.0f %5.0f %7.0f %7.0f %7.0f %7.0f %5.0f %6.0f%% %5.0f%% %6.2f  %s",
                    r, c, rate, p50, p99, err, j * us, js * us, jg * us, jj * us, (j - js - jg - jj) * us,
                    d * us, (j + d) * us, (js + d) * us, w * us, 100 * others / mt, 100 * mb / mt, fs / n, ld
            }')
        echo "$out" | grep -E "requests in|Requests/sec|Non-2xx|Socket errors" | sed "s/^/   [r$round c=$c] /"
        rows+=("$row")
        printf '%s\n' "$row"
    done
done

echo
echo "== results ($(date -u '+%Y-%m-%d %H:%M:%S UTC'); rows in in_out_record: $(sql 'select count(*) from in_out_record'))"
echo "CPU in µs per request. jvm = the whole java process = server (http-nio threads) + gc + jit + other threads;"
echo "db = mariadbd; jvm+db = the peer's total; srv+db = GateBenchmark's attribution (http-nio threads + database);"
echo "wrk = the load generator; others = the rest of the machine (% of all CPUs); busy = machine busy %;"
echo "fs/req = InnoDB fsyncs per request (Innodb_data_fsyncs; below 1 when group commit shares an fsync)."
printf "%5s %3s %8s %7s %7s %6s %7s %7s %5s %5s %7s %7s %7s %7s %5s %7s %6s %6s  %s\n" \
    round c "req/s" "p50ms" "p99ms" non2xx jvm server gc jit other db jvm+db srv+db wrk others busy fs/req "load (1/5/15 min)"
printf '%s\n' "${rows[@]}"
echo "log: $LOG"
