#!/bin/bash
# Wall time of list pages as one signed-in user sees them (docs/PERFORMANCE.md, issue 12 §3): a login, 3 warm-up
# requests per page, then N timed requests one at a time; prints the status, the page's size and p50/p95 in ms with
# the load average. Usage: page-times.sh BASE USER N PATH... (password: $PAGE_PASSWORD, default the generated city's)
BASE=$1; USER=$2; N=$3; shift 3
PASSWORD=${PAGE_PASSWORD:-city-pass-1234}
JAR=$(mktemp)
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=$USER" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$TOKEN" "$BASE/login"
for P in "$@"; do
  for i in 1 2 3; do curl -s -o /dev/null -b "$JAR" "$BASE$P"; done
  CODE=$(curl -s -o /dev/null -w '%{http_code} %{size_download}B' -b "$JAR" "$BASE$P")
  TIMES=$(for i in $(seq 1 "$N"); do curl -s -o /dev/null -w '%{time_total}\n' -b "$JAR" "$BASE$P"; done | sort -n)
  P50=$(echo "$TIMES" | awk -v n="$N" 'NR==int((n+1)/2){printf "%.0f", $1*1000}')
  P95=$(echo "$TIMES" | awk -v n="$N" 'NR==int(n*0.95+0.999){printf "%.0f", $1*1000}')
  printf "%-14s %-60s %s p50=%s ms p95=%s ms (load %s)\n" "$USER" "$P" "$CODE" "$P50" "$P95" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -f "$JAR"
