#!/usr/bin/env bash
# Benchmarks of vp-tui (not tests: nothing here passes or fails a build). One command:
#
#     Benchmarks/run.sh            # RUNS=5 repeated runs; RUNS=3 Benchmarks/run.sh for a quicker look
#
# It builds in release mode, makes the large database once (vp-tui generate: 300 units,
# 5 years, seed 1; cached in .build-bench-data/, about 280 MB), runs the in-process benchmarks
# (vp-tui-bench) and the pseudo-terminal ones (pty_bench.py, against vim and less), and prints a
# table of medians and spreads (report.py). The raw figures stay in .build-bench-data/results-*.jsonl.
# Environment: RUNS, UNITS, YEARS, SEED, WIDTH, HEIGHT.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
UNITS=${UNITS:-300}
YEARS=${YEARS:-5}
SEED=${SEED:-1}
WIDTH=${WIDTH:-120}
HEIGHT=${HEIGHT:-40}
DATA=.build-bench-data
mkdir -p "$DATA"

# vim and less to compare with, python3 for the pty benchmark; installed only when missing.
missing=()
command -v vim >/dev/null 2>&1 || missing+=(vim)
command -v less >/dev/null 2>&1 || missing+=(less)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bench: installing ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "bench: building in release mode" >&2
# Static Swift libraries: a release binary loads in a few milliseconds less (no dynamic
# linking of the Swift runtime and Foundation), which is most of a cold start.
# The two products only: GRDB's dynamic library product does not link against the static
# Swift libraries, and neither binary needs it.
for product in vp-tui vp-tui-bench; do
    swift build -c release --static-swift-stdlib --product "$product" 2>&1 | tail -1 >&2
done
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
VPTUI="$BIN/vp-tui"
BENCH="$BIN/vp-tui-bench"

LARGE="$DATA/district-${UNITS}x${YEARS}-s${SEED}.sqlite"
if [ ! -f "$LARGE" ]; then
    echo "bench: generating $LARGE (once; a few minutes)" >&2
    rm -f "$LARGE.partial" "$LARGE.partial-wal" "$LARGE.partial-shm"
    "$VPTUI" generate --units "$UNITS" --years "$YEARS" --seed "$SEED" --db "$LARGE.partial"
    mv "$LARGE.partial" "$LARGE"
fi
SAMPLE="$DATA/sample.sqlite"
if [ ! -f "$SAMPLE" ]; then
    "$VPTUI" units --db "$SAMPLE" >/dev/null 2>&1
fi

# The largest plan of the last year: the worst case for browsing one unit.
read -r UNIT YEAR NAME < <("$BENCH" pick --db "$LARGE" | python3 -c \
    'import json, sys; p = json.load(sys.stdin); print(p["unit"], p["year"], p["name"])')
SAMPLE_UNIT=resursenheten
SAMPLE_YEAR=2021
SAMPLE_NAME=Resursenheten

RESULTS="$DATA/results-$(date +%Y%m%d-%H%M%S).jsonl"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
size=(--width "$WIDTH" --height "$HEIGHT")
echo "bench: $RUNS runs on $LARGE ($NAME, $YEAR) and $SAMPLE; results in $RESULTS" >&2
for run in $(seq "$RUNS"); do
    echo "bench: in-process run $run of $RUNS" >&2
    "$BENCH" open --db "$SAMPLE" --unit "$SAMPLE_UNIT" --year "$SAMPLE_YEAR" "${size[@]}" --label sample >>"$RESULTS"
    "$BENCH" open --db "$LARGE" --unit "$UNIT" --year "$YEAR" "${size[@]}" --label large >>"$RESULTS"
    # The first frame of a T2 with T1's values beside it, and of the same plan's T1 (nothing before it).
    "$BENCH" open --db "$LARGE" --unit "$UNIT" --year "$YEAR" --period t2 "${size[@]}" --label large-t2 >>"$RESULTS"
    "$BENCH" open --db "$LARGE" --unit "$UNIT" --year "$YEAR" --period t1 "${size[@]}" --label large-t1 >>"$RESULTS"
    "$BENCH" keys --db "$SAMPLE" --unit "$SAMPLE_UNIT" --year "$SAMPLE_YEAR" "${size[@]}" --label sample >>"$RESULTS"
    "$BENCH" keys --db "$LARGE" --unit "$UNIT" --year "$YEAR" "${size[@]}" --label large >>"$RESULTS"
    "$BENCH" store --db "$LARGE" --unit "$UNIT" --year "$YEAR" --label large >>"$RESULTS"
    "$BENCH" ratings --db "$LARGE" --unit "$UNIT" --year "$YEAR" --count 10 --pause 0.8 --label large >>"$RESULTS"
    "$BENCH" export --db "$LARGE" --unit "$UNIT" --year "$YEAR" --label large >>"$RESULTS"
    "$BENCH" export --db "$LARGE" --year "$YEAR" --label large >>"$RESULTS"
    "$BENCH" board --db "$LARGE" --year "$YEAR" --period t2 --runs 3 --label large >>"$RESULTS"
    "$BENCH" board-page --db "$LARGE" --year "$YEAR" --period t2 --runs 3 --keys 100 --label large >>"$RESULTS"
done

echo "bench: pseudo-terminal runs (vp-tui, vim, less)" >&2
python3 Benchmarks/pty_bench.py --vptui "$VPTUI" --db "$SAMPLE" --unit "$SAMPLE_UNIT" --unit-name "$SAMPLE_NAME" \
    --year "$SAMPLE_YEAR" --label sample --rows "$HEIGHT" --columns "$WIDTH" --runs $((RUNS * 4)) --byte-runs "$RUNS" >>"$RESULTS"
python3 Benchmarks/pty_bench.py --vptui "$VPTUI" --db "$LARGE" --unit "$UNIT" --unit-name "$NAME" \
    --year "$YEAR" --label large --compare --rows "$HEIGHT" --columns "$WIDTH" --runs $((RUNS * 4)) --byte-runs "$RUNS" >>"$RESULTS"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory=$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)
echo
echo "Machine: $cpu, $(nproc) cores, $memory RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), $(swift --version 2>/dev/null | head -1)"
echo "Load average before/after: $LOAD_BEFORE / $LOAD_AFTER"
echo "Database: $UNITS units × $YEARS years (seed $SEED), $(du -m "$LARGE" | cut -f1) MB; plan browsed: $NAME $YEAR VB; terminal ${WIDTH}×${HEIGHT}"
echo "Command: Benchmarks/run.sh (RUNS=$RUNS)"
echo
python3 Benchmarks/report.py "$RESULTS"
