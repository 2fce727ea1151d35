#!/usr/bin/env bash
# Starts (or stops) the peer's MariaDB: data dir under $PEER_DB (default /work/peer-db, outside the repo),
# TCP port $PEER_DB_PORT (default 13306) on 127.0.0.1, socket in the data dir. Durable commits:
# innodb_flush_log_at_trx_commit=1 (MariaDB's default, set explicitly); binary log off (the default).
#   mariadb.sh start | stop | status | settings
set -euo pipefail
PEER_DB=${PEER_DB:-/work/peer-db}
PEER_DB_PORT=${PEER_DB_PORT:-13306}
CNF=$PEER_DB/my.cnf
SOCK=$PEER_DB/mysqld.sock
PIDFILE=$PEER_DB/mariadbd.pid

cli() { mariadb --defaults-file="$CNF" -uroot "$@"; }

running() { [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

write_cnf() {
    mkdir -p "$PEER_DB"
    cat > "$CNF" <<CNF
[client]
socket=$SOCK
port=$PEER_DB_PORT

[mariadbd]
user=root
datadir=$PEER_DB/data
socket=$SOCK
port=$PEER_DB_PORT
bind-address=127.0.0.1
pid-file=$PIDFILE
log-error=$PEER_DB/mariadbd.err
skip-name-resolve
# Durable: every commit is flushed and fsynced to the redo log (the default, written out to be sure).
innodb_flush_log_at_trx_commit=1
# Everything else is MariaDB 10.11's default: no binary log, 128 MB buffer pool, 96 MB redo log.
CNF
}

start() {
    if running; then echo "mariadb already running (pid $(cat "$PIDFILE"))"; return; fi
    write_cnf
    if [[ ! -d $PEER_DB/data/mysql ]]; then
        mariadb-install-db --defaults-file="$CNF" --auth-root-authentication-method=socket >/dev/null
        fresh=1
    fi
    mariadbd --defaults-file="$CNF" >/dev/null 2>&1 &
    for _ in $(seq 1 60); do
        if cli -e 'select 1' >/dev/null 2>&1; then break; fi
        sleep 0.5
    done
    cli -e 'select 1' >/dev/null
    if [[ ${fresh:-0} == 1 ]]; then
        cli -e "CREATE DATABASE IF NOT EXISTS peer;
                CREATE USER IF NOT EXISTS 'peer'@'127.0.0.1' IDENTIFIED BY 'peer';
                CREATE USER IF NOT EXISTS 'peer'@'localhost' IDENTIFIED BY 'peer';
                GRANT ALL ON peer.* TO 'peer'@'127.0.0.1';
                GRANT ALL ON peer.* TO 'peer'@'localhost';"
    fi
    echo "mariadb started (pid $(cat "$PIDFILE"), port $PEER_DB_PORT)"
}

stop() {
    if running; then
        pid=$(cat "$PIDFILE")
        kill "$pid"
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
        echo "mariadb stopped"
    else
        echo "mariadb not running"
    fi
}

settings() {
    cli -N -e "SELECT @@version, @@innodb_flush_log_at_trx_commit, @@log_bin, @@sync_binlog,
                      @@innodb_buffer_pool_size DIV 1048576, @@innodb_log_file_size DIV 1048576,
                      @@innodb_flush_method, @@innodb_doublewrite" |
        awk -F'\t' '{printf "MariaDB %s: innodb_flush_log_at_trx_commit=%s log_bin=%s sync_binlog=%s buffer_pool=%sMB redo_log=%sMB flush_method=%s doublewrite=%s\n",$1,$2,$3,$4,$5,$6,$7,$8}'
}

case ${1:-start} in
    start) start ;;
    stop) stop ;;
    status) if running; then echo "running pid $(cat "$PIDFILE")"; else echo "not running"; exit 1; fi ;;
    settings) settings ;;
    pid) cat "$PIDFILE" ;;
    *) echo "usage: $0 start|stop|status|settings|pid" >&2; exit 2 ;;
esac
