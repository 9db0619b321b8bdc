#!/usr/bin/env bash
# Where `vp-tui-bench open`'s start goes, per phase, in figures that the machine's load does not
# move: the main thread's processor time and its page faults, beside the wall time.
#
#     Benchmarks/open_phases.sh ROUNDS NAME=BENCH_BINARY:DATABASE ...
#
# e.g. Benchmarks/open_phases.sh 9 old=.build-bench-data/compare/<commit>/vp-tui-bench:old.sqlite \
#                                     new=.build/release/vp-tui-bench:new.sqlite
# Each binary gets uprobes (perf probe) at the entry and return of startApp (the app before its
# first frame), View.render (the first frame) and AppController.finishStartup (the work after
# it); each run is recorded with perf (processor time sampled every 0.1 ms of the process's
# time, every page fault), the binaries taking turns. Prints the medians per phase.
# Needs root and perf (apt-get install linux-perf). Environment: UNIT (vuxenenheten-hagersten),
# YEAR (2025).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:?usage: Benchmarks/open_phases.sh ROUNDS NAME=BENCH:DB ...}
shift
UNIT=${UNIT:-vuxenenheten-hagersten}
YEAR=${YEAR:-2025}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vp-tui-phases.XXXXXX")
groups=()
cleanup() {
    for group in "${groups[@]}"; do perf probe -q -d "$group:*" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

address() { nm "$1" | grep -E "$2" | head -1 | cut -d' ' -f1 | sed 's/^0*/0x/'; }
for side in "$@"; do
    name=${side%%=*} spec=${side#*=}
    bin=$(realpath "${spec%%:*}")
    group="vpphase_$name"
    groups+=("$group")
    perf probe -q -d "$group:*" 2>/dev/null || true
    args=()
    for phase in app:'s12vp_tui_bench8startApp' render:'s5VPApp4ViewO6renderyAA6ScreenVAA8AppStateVFZ$' \
                 after:'AppControllerC13finishStartupyyF$'; do
        at=$(address "$bin" "${phase#*:}")
        args+=(-a "$group:${group}_${phase%%:*}=$at" -a "$group:${group}_${phase%%:*}_end=$at%return")
    done
    perf probe -q -x "$bin" "${args[@]}"
done

for round in $(seq "$ROUNDS"); do
    # The side that starts alternates, so that neither always runs on a warmer (or busier) machine.
    if [ $((round % 2)) -eq 1 ]; then order=("$@"); else order=(); for ((k = $#; k > 0; k--)); do order+=("${!k}"); done; fi
    for side in "${order[@]}"; do
        name=${side%%=*} spec=${side#*=}
        perf record -q -e "vpphase_$name:*" -e cpu-clock/period=100000/ -e page-faults/period=1/ -o "$WORK/perf.data" \
            "${spec%%:*}" open --db "${spec#*:}" --unit "$UNIT" --year "$YEAR" --width 120 --height 40 >/dev/null 2>&1
        perf script -i "$WORK/perf.data" -F tid,time,event 2>/dev/null | python3 Benchmarks/open_phases.py run "$name" >>"$WORK/runs.jsonl"
    done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds"
python3 Benchmarks/open_phases.py report "$WORK/runs.jsonl"
