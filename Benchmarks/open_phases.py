#!/usr/bin/env python3
"""Used by Benchmarks/open_phases.sh.

    open_phases.py run NAME < perf script output    one JSON line: each phase's wall time, the main
                                                    thread's processor time and page faults
    open_phases.py report RUNS.jsonl                medians per side and phase, and each side ÷ the first
"""

import collections
import json
import re
import statistics
import sys

PHASES = ("app", "render", "after")
SAMPLE_MS = 0.1  # cpu-clock's period in open_phases.sh


def run(name):
    events = []
    for line in sys.stdin:
        match = re.match(r"\s*(\d+)\s+([\d.]+):\s+(\S+?):?\s*$", line)
        if match:
            events.append((int(match.group(1)), float(match.group(2)), match.group(3)))
    main = events[0][0]
    marks = {}
    for _, time, event in events:
        if event.startswith("vpphase_"):
            marks.setdefault(event.split(":")[1].split("_", 2)[2].replace("__return", ""), time)
    result = {"side": name}
    for phase in PHASES:
        start, end = marks[phase], marks[phase + "_end"]
        inside = [event for tid, time, event in events if tid == main and start <= time <= end]
        result[phase] = {
            "wall ms": (end - start) * 1000,
            "processor ms": sum(event.startswith("cpu-clock") for event in inside) * SAMPLE_MS,
            "page faults": sum(event.startswith("page-faults") for event in inside),
        }
    print(json.dumps(result))


def report(path):
    figures = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        for phase in PHASES:
            for figure, value in record[phase].items():
                figures[record["side"]][f"{phase}, {figure}"].append(value)
    sides = list(figures)
    print("| figure | " + " | ".join(sides) + " | " + " | ".join(f"{side} ÷ {sides[0]}" for side in sides[1:]) + " |")
    print("|---|" + "---:|" * (2 * len(sides) - 1))
    for figure in figures[sides[0]]:
        medians = [statistics.median(figures[side][figure]) for side in sides]
        ratios = [f"{value / medians[0]:.2f}" if medians[0] else "–" for value in medians[1:]]
        print(f"| {figure} | " + " | ".join(f"{value:.2f}" for value in medians) + " | " + " | ".join(ratios) + " |")


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(sys.argv[2])
    else:
        report(sys.argv[2])
