# Sourced by the benchmark scripts: a PostgreSQL cluster of their own in a temporary folder
# (initdb and pg_ctl from Debian's postgresql package), on a Unix socket in that folder only,
# every local login trusted, with an empty database `plan` owned by `planowner`; stopped and
# removed when the script exits.
#
#     . Benchmarks/throwaway_cluster.sh
#     start_throwaway_cluster vp-load -c max_connections=400   # name of the folder, server settings
#     cluster_psql plan "VACUUM ANALYZE"
#
# Sets CLUSTER (the folder, also the socket's), HOST (CLUSTER as the host of a URL) and PG
# (postgresql://planowner@HOST/plan).

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# initdb refuses root: under root the server programs run as Debian's postgres user.
as_server() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_throwaway_cluster() {
    as_server "$PGBIN/pg_ctl" -D "$CLUSTER/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$CLUSTER"
}

# Runs SQL as the owner on a database of the cluster.
cluster_psql() { as_server "$PGBIN/psql" -h "$CLUSTER" -U planowner -d "$1" -q -c "$2"; }

start_throwaway_cluster() {
    local name=$1
    shift
    CLUSTER=$(mktemp -d "/tmp/$name.XXXXXX")
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$CLUSTER"; fi
    trap stop_throwaway_cluster EXIT
    as_server "$PGBIN/initdb" -D "$CLUSTER/data" -U planowner --auth-local=trust --auth-host=reject -E UTF8 --locale=C >/dev/null
    as_server "$PGBIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w \
        -o "-c listen_addresses='' -c unix_socket_directories='$CLUSTER' $*" start >/dev/null
    cluster_psql postgres "CREATE DATABASE plan"
    HOST=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$CLUSTER")
    PG="postgresql://planowner@$HOST/plan"
}
