#!/bin/bash
# CPU per request of list pages (docs/PERFORMANCE.md, issue 12 §3): the application JVM's and PostgreSQL's processes'
# user+system time from /proc over N requests after 3 warm-ups, divided by N. On a shared machine the wall time is
# mostly waiting for a CPU; this is what a page costs. Background jobs count too: hold them back for a clean figure.
# Usage: page-cpu.sh BASE USER N JVM_PID POSTMASTER_PID PATH... (password: $PAGE_PASSWORD)
BASE=$1; USER=$2; N=$3; JVM=$4; PG=$5; shift 5
PASSWORD=${PAGE_PASSWORD:-city-pass-1234}
HZ=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pgticks() { local t=0; for p in $(pgrep -P "$PG") "$PG"; do t=$((t + $(ticks "$p"))); done; echo $t; }
JAR=$(mktemp)
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=$USER" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$TOKEN" "$BASE/login"
for P in "$@"; do
  for i in 1 2 3; do curl -s -o /dev/null -b "$JAR" "$BASE$P"; done
  J0=$(ticks "$JVM"); G0=$(pgticks)
  for i in $(seq 1 "$N"); do curl -s -o /dev/null -b "$JAR" "$BASE$P"; done
  J1=$(ticks "$JVM"); G1=$(pgticks)
  printf "%-14s %-60s CPU per request: JVM %s ms, PostgreSQL %s ms (load %s)\n" "$USER" "$P" \
    $(( (J1 - J0) * 1000 / HZ / N )) $(( (G1 - G0) * 1000 / HZ / N )) "$(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -f "$JAR"
