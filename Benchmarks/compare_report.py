#!/usr/bin/env python3
"""Prints old / new / new÷old for the figures two results files (JSON lines, as vp-tui-bench,
pty_bench.py and compare.sh write them) both hold: the median of each figure's runs.

Instruction counts first, then wall times; key figures are shown at p50 and p99 only, and a
ratio above 1.10 is marked. Used by Benchmarks/compare.sh.
"""

import json
import statistics
import sys


def load(path):
    figures, units = {}, {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("{"):
            record = json.loads(line)
            figures.setdefault(record["figure"], []).append(float(record["value"]))
            units[record["figure"]] = record["unit"]
    return figures, units


def shown(figure, unit):
    if unit not in ("ms", "Ir"):
        return False
    if figure.startswith("key.") or figure.startswith("render."):
        return figure.endswith((".p50", ".p99"))
    return True


def number(value, unit):
    if unit == "Ir":
        return f"{value / 1e6:,.1f} M"
    return f"{value:,.2f} ms" if value < 100 else f"{value:,.0f} ms"


def main():
    old, units = load(sys.argv[1])
    new, _ = load(sys.argv[2])
    names = [name for name in old if name in new and shown(name, units[name])]
    names.sort(key=lambda name: (units[name] != "Ir", name))
    print("| figure | old | new | new ÷ old |")
    print("|---|---:|---:|---:|")
    for name in names:
        before, after = statistics.median(old[name]), statistics.median(new[name])
        ratio = after / before if before else float("nan")
        mark = " **slower**" if ratio > 1.10 else ""
        print(f"| {name} | {number(before, units[name])} | {number(after, units[name])} | {ratio:.3f}{mark} |")


if __name__ == "__main__":
    main()
