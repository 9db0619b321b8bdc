#!/usr/bin/env bash
# The load benchmark: MANAGERS managers saving at once for SECONDS seconds, on PostgreSQL and on
# one SQLite file (vp-tui-load-bench; see Benchmarks/README.md).
#
#     Benchmarks/load.sh                          # 300 managers, 60 s, a throwaway cluster
#     PG=postgresql://owner@host/db Benchmarks/load.sh   # an empty database of a server of one's own
#
# Without PG it starts a PostgreSQL cluster of its own in a temporary folder (initdb and pg_ctl
# from Debian's postgresql package, on a Unix socket only, max_connections 400, fsync on) and
# removes it afterwards. The district (vp-tui generate --units 300 --years 1 --seed 1) is made
# once and kept in .build-bench-data/. Environment: MANAGERS (300), DURATION (60 seconds), THINK_MS (1000),
# BACKENDS (sqlite,postgresql), SYNCHRONOUS_COMMIT (on; off: the cluster's commits do not wait for
# the WAL's fsync), LISTEN (1: every connection also listens for its unit's changes, as the app's
# does; 0: it does not, which leaves out what PostgreSQL spends waking the listeners), LISTENERS
# (all: how many of the connections listen), WATCHERS (0: how many more connections listen to every
# manager's unit, as a controller's app does with the board's table on the screen), HISTORY (500:
# earlier edits per unit added to the district's log, as in the middle of a year), DISK_SECONDS (20:
# how long the disk's commit is measured first).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=.build-bench-data
mkdir -p "$DATA"
swift build -c release --product vp-tui 2>&1 | tail -1 >&2
swift build -c release --product vp-tui-load-bench 2>&1 | tail -1 >&2
BIN=$(swift build -c release --show-bin-path)
DISTRICT="$DATA/load-300x1.sqlite"
if [ ! -f "$DISTRICT" ]; then
    "$BIN/vp-tui" generate --units 300 --years 1 --seed 1 --db "$DISTRICT.partial" >&2
    mv "$DISTRICT.partial" "$DISTRICT"
fi

if [ -z "${PG:-}" ]; then
    . Benchmarks/throwaway_cluster.sh
    start_throwaway_cluster vp-load -c max_connections=400 -c "synchronous_commit=${SYNCHRONOUS_COMMIT:-on}"
fi

# The disk's own commit (write and fdatasync) at 60 a second, before the load: the part of a
# save's time that no statement can lower. In the throwaway cluster's folder, else beside the district.
"$BIN/vp-tui-load-bench" disk --dir "${CLUSTER:-$DATA}" --seconds "${DISK_SECONDS:-20}"

listen=""
if [ "${LISTEN:-1}" = 1 ]; then listen="--listen --listeners ${LISTENERS:-${MANAGERS:-300}} --watchers ${WATCHERS:-0}"; fi
echo "load: $(uptime)" >&2
"$BIN/vp-tui-load-bench" --db "$DISTRICT" --pg "$PG" --managers "${MANAGERS:-300}" --seconds "${DURATION:-60}" \
    --think-ms "${THINK_MS:-1000}" --history "${HISTORY:-500}" --backends "${BACKENDS:-sqlite,postgresql}" $listen
echo "load: $(uptime)" >&2
