#!/usr/bin/env bash
# Opening one unit's plan in the app on a city-sized PostgreSQL database, for a unit's manager
# (`grant --unit`) and a board's reader (`grant --namnd --read`): what the app reads before its
# first screen, in process (`vp-tui-load-bench open`), as it reads it now (`shown`) and every row
# the login may read (`everything`); then the app itself in a pseudo-terminal
# (pg_open_bench.py): time to the first frame and peak memory, then the chooser (`t`).
#
#     Benchmarks/open_postgres.sh              # 2000 units, 2 years, 3 runs, a throwaway cluster
#     UNITS=3000 RUNS=5 Benchmarks/open_postgres.sh
#     CONFIG=debug Benchmarks/open_postgres.sh
#
# The district (vp-tui generate --units UNITS --years YEARS --seed 1) is made once and kept in
# .build-bench-data/. A PostgreSQL cluster is started in a temporary folder (initdb and pg_ctl
# from Debian's postgresql package, on a Unix socket only, trust authentication), the district
# copied into it with `vp-tui copy`, the two logins granted, and the cluster removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${UNITS:-2000}
YEARS=${YEARS:-2}
DATA=.build-bench-data
mkdir -p "$DATA"
# CONFIG=debug measures the debug build (slower in Swift's own code) where a release build of the
# PostgreSQL client is not at hand.
CONFIG=${CONFIG:-release}
swift build -c "$CONFIG" --product vp-tui-postgres 2>&1 | tail -1 >&2
swift build -c "$CONFIG" --product vp-tui-load-bench 2>&1 | tail -1 >&2
BIN=$(swift build -c "$CONFIG" --show-bin-path)
VPTUI="$BIN/vp-tui-postgres"
DISTRICT="$DATA/city-${UNITS}x${YEARS}.sqlite"
if [ ! -f "$DISTRICT" ]; then
    "$VPTUI" generate --units "$UNITS" --years "$YEARS" --seed 1 --db "$DISTRICT.partial" >&2
    mv "$DISTRICT.partial" "$DISTRICT"
fi
# The unit opened: the one with the most items in the last year; its board and the year.
read -r UNIT YEAR BOARD UNIT_NAME < <(python3 - "$DISTRICT" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
unit, year, board = db.execute("""SELECT unit_id, year, board_id FROM item WHERE unit_id IS NOT NULL
    GROUP BY unit_id, year ORDER BY year DESC, count(*) DESC, unit_id LIMIT 1""").fetchone()
name = db.execute("SELECT name FROM organisation WHERE id = ?", (unit,)).fetchone()[0]
print(unit, year, board, name)
EOF
)

. Benchmarks/throwaway_cluster.sh
start_throwaway_cluster vp-open
start=$(date +%s)
"$VPTUI" copy --from "$DISTRICT" --to "$PG" 2>/dev/null
echo "copy of $DISTRICT: $(( $(date +%s) - start )) s" >&2
"$VPTUI" grant manager --unit "$UNIT" --db "$PG" >&2
"$VPTUI" grant reader --namnd "$BOARD" --read --db "$PG" >&2
cluster_psql plan "VACUUM ANALYZE" >&2

echo "district: $UNITS units, $YEARS years; plan: $UNIT ($UNIT_NAME) $YEAR; board $BOARD" >&2
echo "load: $(uptime)" >&2
for _ in $(seq "${RUNS:-3}"); do
    for login in manager reader; do
        for read in everything shown; do
            "$BIN/vp-tui-load-bench" open --pg "postgresql://$login@$HOST/plan" --name "$login" --unit "$UNIT" --year "$YEAR" --read "$read"
        done
    done
done
python3 Benchmarks/pg_open_bench.py --binary "$VPTUI" --url "$PG" --login manager --login reader \
    --unit "$UNIT" --unit-name "$UNIT_NAME" --year "$YEAR" --runs "${RUNS:-3}"
echo "load: $(uptime)" >&2
