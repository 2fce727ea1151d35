#!/bin/bash
# Instructions PostgreSQL spends on a script's statements, independent of the machine's load (docs/PERFORMANCE.md,
# "PostgreSQL's share of a first import"). DATA is a copy of a stopped server's data directory owned by the user
# postgres (PostgreSQL refuses to run as root); PG the embedded binaries (/tmp/embedded-pg/PG-*/bin/postgres).
#   cg.sh new.sql new   -> prints "Collected : <instructions>", keeps cg.new.out for callgrind_annotate --inclusive=yes
set -e
PG=${PG:-$(ls -d /tmp/embedded-pg/PG-*/bin | head -1)/postgres}; D=${DATA:?data directory}
OPTS="-c fsync=on -c synchronous_commit=on -c shared_buffers=128MB -c max_connections=100"
runuser -u postgres -- valgrind --tool=callgrind --toggle-collect=exec_simple_query --callgrind-out-file=cg.$2.out \
    $PG --single -D $D $OPTS postgres < $1 > out.$2.txt 2> vg.$2.txt
grep "Collected" vg.$2.txt | tail -1
printf 'VACUUM res_person;\nVACUUM res_household;\n' | runuser -u postgres -- $PG --single -D $D $OPTS postgres > /dev/null 2>&1
