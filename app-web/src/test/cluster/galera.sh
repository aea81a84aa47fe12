#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on loopback for the cluster test: Debian's mariadb-server and galera-4, one data
# directory and port set per node under $1, SST by rsync.
#   galera.sh <dir> start          bootstrap node 1, join nodes 2 and 3, create Wharf's user; prints the JDBC host list
#   galera.sh <dir> kill <n>       SIGKILL node n (a database server going away)
#   galera.sh <dir> stop           stop every node
# Ports: client 1340n, Galera 1450n, IST 1460n, SST 1470n (n = 1, 2, 3).
set -euo pipefail
DIR=$1
ACTION=$2
PROVIDER=$(ls /usr/lib/galera/libgalera_smm.so /usr/lib/libgalera_smm.so 2>/dev/null | head -1)
ADDRESS="gcomm://127.0.0.1:14501,127.0.0.1:14502,127.0.0.1:14503"

config() {
  local n=$1 node="${DIR}/node$1"
  mkdir -p "${node}/data"
  cat > "${node}/my.cnf" <<CNF
[mysqld]
user=mysql
datadir=${node}/data
socket=${node}/mysqld.sock
pid-file=${node}/mysqld.pid
log-error=${node}/error.log
port=1340${n}
bind-address=127.0.0.1
skip-name-resolve
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=2
character-set-server=utf8mb4
collation-server=utf8mb4_bin
max_connections=300
wsrep_on=ON
wsrep_provider=${PROVIDER}
wsrep_cluster_name=wharf-test
wsrep_cluster_address=${ADDRESS}
wsrep_node_name=node${n}
wsrep_node_address=127.0.0.1:1450${n}
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:1450${n};ist.recv_addr=127.0.0.1:1460${n};gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:1470${n}
CNF
  chown -R mysql:mysql "${node}"
}

synced() {
  mariadb --socket="${DIR}/node$1/mysqld.sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null \
    | grep -q Synced
}

launch() {
  local n=$1
  shift
  # Detached, and holding none of this script's descriptors (a caller reading its output waits for them to close).
  setsid /usr/sbin/mariadbd --defaults-file="${DIR}/node${n}/my.cnf" "$@" \
    > "${DIR}/node${n}/stdout.log" 2>&1 < /dev/null &
  for _ in $(seq 1 240); do
    synced "${n}" && return 0
    sleep 0.5
  done
  echo "node ${n} did not join the cluster:" >&2
  tail -30 "${DIR}/node${n}/error.log" >&2
  return 1
}

case "${ACTION}" in
  start)
    mkdir -p "${DIR}"
    chmod 755 "${DIR}"
    for n in 1 2 3; do config "${n}"; done
    mariadb-install-db --defaults-file="${DIR}/node1/my.cnf" --auth-root-authentication-method=socket \
      > "${DIR}/install.log" 2>&1
    chown -R mysql:mysql "${DIR}/node1"
    launch 1 --wsrep-new-cluster
    mariadb --socket="${DIR}/node1/mysqld.sock" -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'wharf'@'%' IDENTIFIED BY 'wharf';
CREATE DATABASE IF NOT EXISTS wharf_cluster CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
GRANT ALL PRIVILEGES ON wharf_cluster.* TO 'wharf'@'%';
SQL
    launch 2
    launch 3
    echo "127.0.0.1:13401,127.0.0.1:13402,127.0.0.1:13403"
    ;;
  kill)
    kill -9 "$(cat "${DIR}/node$3/mysqld.pid")"
    ;;
  stop)
    for n in 1 2 3; do
      [ -f "${DIR}/node${n}/mysqld.pid" ] && kill "$(cat "${DIR}/node${n}/mysqld.pid")" 2>/dev/null || true
    done
    sleep 2
    pkill -9 -f "defaults-file=${DIR}/node" 2>/dev/null || true
    ;;
esac
