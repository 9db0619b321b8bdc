#!/usr/bin/env bash
# Two revisions of vp-tui measured against each other in one run, on one machine:
#
#     Benchmarks/compare.sh OLD_REV NEW_REV        # e.g. Benchmarks/compare.sh ea18b6a HEAD
#
# Each revision is built in release mode (static Swift libraries, as run.sh builds) in a
# temporary git worktree, which is removed once its two binaries are copied out (kept in
# .build-bench-data/compare/<commit>/, so a second comparison does not build them again).
# Both then run the same benchmarks on the same database:
#
#   * instruction counts (valgrind --tool=callgrind; the main thread, and all threads): start-up to the first
#     frame and the work before the first key (vp-tui-bench open), the scripted key session
#     (vp-tui-bench keys), and vp-tui export of the plan as JSON and as Markdown. Counts barely
#     move with the machine's load, so they compare fairly while other work runs;
#   * wall-time medians over ROUNDS rounds, the two revisions taking turns within each round
#     and starting in turn: the same vp-tui-bench commands, the export as a whole process, and
#     the cold start of the real binary in a pseudo-terminal (pty_bench.py).
#
# The database is made by the OLD revision's generator (UNITS units, YEARS years, SEED) and
# migrated once by the new revision before anything is measured. The plan measured is the
# largest of the last year (vp-tui-bench pick). Prints a table old / new / new÷old.
# Environment: UNITS (300), YEARS (5), SEED (1), ROUNDS (5), CALLGRIND (1; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

OLD=$(git rev-parse --verify "${1:?usage: Benchmarks/compare.sh OLD_REV NEW_REV}^{commit}")
NEW=$(git rev-parse --verify "${2:?usage: Benchmarks/compare.sh OLD_REV NEW_REV}^{commit}")
UNITS=${UNITS:-300}
YEARS=${YEARS:-5}
SEED=${SEED:-1}
ROUNDS=${ROUNDS:-5}
CALLGRIND=${CALLGRIND:-1}
DATA="$REPO/.build-bench-data"
CACHE="$DATA/compare"
mkdir -p "$CACHE"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vp-tui-compare.XXXXXX")
cleanup() {
    for tree in "$WORK"/tree-*; do
        [ -d "$tree" ] && git -C "$REPO" worktree remove --force "$tree"
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
# Both revisions read the sample plans from this tree when they make a database.
export VP_TUI_SAMPLES="$REPO/samples"

# Builds a revision once; its binaries are kept under $CACHE/<commit>/.
build() {
    local commit=$1 tree="$WORK/tree-$1"
    if [ -x "$CACHE/$commit/vp-tui" ] && [ -x "$CACHE/$commit/vp-tui-bench" ]; then return; fi
    echo "compare: building $(git log -1 --format='%h %s' "$commit" | cut -c1-70)" >&2
    git worktree add --detach --quiet "$tree" "$commit"
    for product in vp-tui vp-tui-bench; do
        (cd "$tree" && swift build -c release --static-swift-stdlib --product "$product" 2>&1 | tail -1 >&2)
    done
    local bin
    bin=$(cd "$tree" && swift build -c release --static-swift-stdlib --show-bin-path)
    mkdir -p "$CACHE/$commit.partial"
    cp "$bin/vp-tui" "$bin/vp-tui-bench" "$CACHE/$commit.partial/"
    rm -rf "$CACHE/$commit" && mv "$CACHE/$commit.partial" "$CACHE/$commit"
    git worktree remove --force "$tree"
}
build "$OLD"
build "$NEW"
# Without debug information: valgrind's reader gives up on some of the Swift compiler's DWARF,
# and the instructions run are the same.
for commit in "$OLD" "$NEW"; do
    strip --strip-debug "$CACHE/$commit/vp-tui" "$CACHE/$commit/vp-tui-bench"
done

# The database as the old revision makes it, once per old revision and size.
SOURCE="$DATA/compare-${OLD:0:10}-${UNITS}x${YEARS}-s${SEED}.sqlite"
if [ ! -f "$SOURCE" ]; then
    echo "compare: generating $SOURCE (once)" >&2
    rm -f "$SOURCE.partial"*
    "$CACHE/$OLD/vp-tui" generate --units "$UNITS" --years "$YEARS" --seed "$SEED" --db "$SOURCE.partial" >/dev/null
    mv "$SOURCE.partial" "$SOURCE"
fi
for side in old new; do
    cp "$SOURCE" "$WORK/$side.sqlite"
done
# Opening migrates a database to the revision's schema: done here, before any measurement.
read -r UNIT YEAR NAME < <("$CACHE/$NEW/vp-tui-bench" pick --db "$WORK/new.sqlite" | python3 -c \
    'import json, sys; p = json.load(sys.stdin); print(p["unit"], p["year"], p["name"])')
"$CACHE/$OLD/vp-tui-bench" pick --db "$WORK/old.sqlite" >/dev/null
# A migration may leave free pages behind (a table rebuilt): both files are packed, so that
# the two sides read files laid out alike.
for side in old new; do
    python3 -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("PRAGMA wal_checkpoint(TRUNCATE)"); db.execute("VACUUM")' "$WORK/$side.sqlite"
done

RESULTS="$DATA/compare-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
plan=(--db DB --unit "$UNIT" --year "$YEAR")

# The commands measured, with DB standing for the side's database; one per line: NAME ARGS...
commands() {
    local side=$1 bin=$CACHE/$2 db=$WORK/$1.sqlite
    echo "start $bin/vp-tui-bench open ${plan[*]//DB/$db} --width 120 --height 40"
    echo "keys $bin/vp-tui-bench keys ${plan[*]//DB/$db} --width 120 --height 40"
    echo "export.json $bin/vp-tui export ${plan[*]//DB/$db} --format json --output $WORK/$side.json"
    echo "export.markdown $bin/vp-tui export ${plan[*]//DB/$db} --format markdown --output $WORK/$side.md"
}
revision() { if [ "$1" = old ]; then echo "$OLD"; else echo "$NEW"; fi; }

if [ "$CALLGRIND" != 0 ]; then
    for side in old new; do
        while read -r name command; do
            echo "compare: callgrind $side $name" >&2
            out="$WORK/callgrind.$side.$name"
            # shellcheck disable=SC2086
            valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$out" $command >/dev/null 2>"$out.log"
            # The main thread (what a person waits for) apart from all threads (with the work in
            # the background: the check of the file for damage, the chooser's period states).
            main=0 all=0
            for file in "$out"-*; do
                count=$(sed -n 's/^\(summary\|totals\): *\([0-9]*\).*/\2/p' "$file" | head -1)
                all=$((all + count))
                case $file in *-01) main=$count ;; esac
                cp "$file" "$RESULTS/"
            done
            printf '{"figure": "instructions.%s.main", "unit": "Ir", "value": %s}\n' "$name" "$main" >>"$RESULTS/$side.jsonl"
            printf '{"figure": "instructions.%s.all", "unit": "Ir", "value": %s}\n' "$name" "$all" >>"$RESULTS/$side.jsonl"
        done < <(commands "$side" "$(revision "$side")")
    done
fi

for round in $(seq "$ROUNDS"); do
    # The side that starts alternates, so that neither always runs on a warmer (or busier) machine.
    if [ $((round % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
    for side in $order; do
        echo "compare: round $round of $ROUNDS, $side" >&2
        while read -r name command; do
            start=$(date +%s%N)
            # shellcheck disable=SC2086
            $command >>"$RESULTS/$side.jsonl" 2>/dev/null
            end=$(date +%s%N)
            case $name in export.*)
                printf '{"figure": "wall.%s", "unit": "ms", "value": %s}\n' "$name" "$(((end - start) / 1000))e-3" >>"$RESULTS/$side.jsonl" ;;
            esac
        done < <(commands "$side" "$(revision "$side")")
        python3 Benchmarks/pty_bench.py --vptui "$CACHE/$(revision "$side")/vp-tui" --db "$WORK/$side.sqlite" --unit "$UNIT" \
            --unit-name "$NAME" --year "$YEAR" --label large --only vptui --runs 4 --byte-runs 0 \
            --rows 40 --columns 120 >>"$RESULTS/$side.jsonl"
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "Old: $(git log -1 --format='%h %s' "$OLD" | cut -c1-90)"
echo "New: $(git log -1 --format='%h %s' "$NEW" | cut -c1-90)"
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo "Database: $UNITS units × $YEARS years (seed $SEED) made by the old revision; plan: $NAME $YEAR VB; 120×40; $ROUNDS rounds"
echo "Command: Benchmarks/compare.sh ${1} ${2} (UNITS=$UNITS YEARS=$YEARS ROUNDS=$ROUNDS); raw figures in ${RESULTS#"$REPO"/}"
echo
python3 Benchmarks/compare_report.py "$RESULTS/old.jsonl" "$RESULTS/new.jsonl"
