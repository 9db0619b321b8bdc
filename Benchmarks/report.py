#!/usr/bin/env python3
"""Prints the benchmark table from a results file of JSON lines ({"figure", "value", "unit"}),
one line per figure and run, as vp-tui-bench and pty_bench.py write them.

Each figure: the median over its runs and the spread (lowest–highest run), with its target where
there is one. `--all` also lists every figure measured.
"""

import argparse
import json
import statistics
import sys
from collections import OrderedDict


def load(path):
    figures = OrderedDict()
    units = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line.startswith("{"):
            continue
        record = json.loads(line)
        figures.setdefault(record["figure"], []).append(float(record["value"]))
        units[record["figure"]] = record["unit"]
    return figures, units


def number(value, unit):
    if unit == "ms":
        return f"{value / 1000:.2f} s" if value >= 1000 else (f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms")
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "bytes":
        return f"{value:,.0f} B"
    if unit == "cells":
        return f"{value:,.0f} cells"
    return f"{value:g} {unit}"


# (label, figure, target text, check(median, figures) -> True/False/None)
def rows(f):
    def med(name):
        values = f.get(name)
        return statistics.median(values) if values else None

    def below(limit):
        return lambda value: value < limit

    def at_most_figure(other):
        return lambda value: (med(other) is not None and value <= med(other)) or (None if med(other) is None else False)

    return [
        ("Cold start to first complete frame, sample (pty)", "pty.coldstart.vptui.sample", "< 50 ms", below(50)),
        ("Cold start to first complete frame, large DB (pty)", "pty.coldstart.vptui.large", "< 150 ms", below(150)),
        ("  the same, against vim as installed (defaults.vim, Markdown syntax)", "pty.coldstart.vptui.large", "≤ vim",
         at_most_figure("pty.coldstart.viminstalled.large")),
        ("  the same, against bare vim -u NONE", "pty.coldstart.vptui.large", "≤ vim -u NONE",
         at_most_figure("pty.coldstart.vim.large")),
        ("  vim as installed, on the plan's exported Markdown", "pty.coldstart.viminstalled.large", "reference", None),
        ("  vim -u NONE on the plan's exported Markdown", "pty.coldstart.vim.large", "reference", None),
        ("  less on the plan's exported Markdown", "pty.coldstart.less.large", "reference", None),
        ("  compact view, large DB", "pty.coldstart.vptuicompact.large", "< 150 ms", below(150)),
        ("  in process: open store + app + first render, large", "open.inprocess.large", "", None),
        ("  in process: the work after the first frame, before the first key, large", "open.inprocess.afterFirstFrame.large", "", None),
        ("Per key, send + render, all keys: p50", "key.all.p50.large", "", None),
        ("Per key, send + render, all keys: p99", "key.all.p99.large", "< 2 ms", below(2)),
        ("Per key, send + render, all keys: max", "key.all.max.large", "", None),
        ("  keys on the plan in memory (move, fold, search, type, jump): p99", "key.memory.p99.large", "< 2 ms", below(2)),
        ("  keys that go to the database (save, undo, open period): p50", "key.database.p50.large", "", None),
        ("  keys that go to the database (save, undo, open period): p99", "key.database.p99.large", "< 2 ms", below(2)),
        ("  moving p99", "key.move.p99.large", "< 2 ms", below(2)),
        ("  folding p99", "key.fold.p99.large", "< 2 ms", below(2)),
        ("  searching p99", "key.search.p99.large", "< 2 ms", below(2)),
        ("  typing in the editor p99", "key.typing.p99.large", "< 2 ms", below(2)),
        ("  rating, status, outcome, save text (key to screen) p50", "key.save.p50.large", "", None),
        ("  undo key (key to screen) p50", "key.undo.p50.large", "", None),
        ("Render only: p50", "render.p50.large", "", None),
        ("Render only: p99", "render.p99.large", "", None),
        ("One saved change, PlanStore.set with log entry: p50", "store.set.p50.large", "< 2 ms", below(2)),
        ("One saved change: p99", "store.set.p99.large", "", None),
        ("A rating 0.8 s after the last change (as a person makes them), send: p50", "ratings.paced.send.p50.large", "< 2 ms", below(2)),
        ("  the same: max of 10", "ratings.paced.send.max.large", "", None),
        ("  the frame after it: p50", "ratings.paced.render.p50.large", "", None),
        ("Undo, PlanStore.undo: p50", "store.undo.p50.large", "< 2 ms", below(2)),
        ("Undo: p99", "store.undo.p99.large", "", None),
        ("Load one plan (PlanStore.loadPlan): p50", "store.loadPlan.p50.large", "", None),
        ("Bytes per cursor move (Down), vp-tui compact view (--compact)", "bytes.down.vptuicompact.large.median", "≤ vim",
         at_most_figure("bytes.down.viminstalled.large.median")),
        ("  the same, against bare vim -u NONE", "bytes.down.vptuicompact.large.median", "≤ vim -u NONE",
         at_most_figure("bytes.down.vim.large.median")),
        ("  mean over the moves, compact view", "bytes.down.vptuicompact.large.mean", "≤ vim (mean)",
         at_most_figure("bytes.down.viminstalled.large.mean")),
        ("  default view (detail pane shows the selected line's texts)", "bytes.down.vptui.large.median", "", None),
        ("  mean over the moves, default view", "bytes.down.vptui.large.mean", "", None),
        ("  vim -u NONE, same text", "bytes.down.vim.large.median", "reference", None),
        ("  vim as installed, same text", "bytes.down.viminstalled.large.median", "reference", None),
        ("  vim as installed, mean over the moves", "bytes.down.viminstalled.large.mean", "reference", None),
        ("  less, same text (scrolls a line)", "bytes.down.less.large.median", "reference", None),
        ("Bytes per Down of a held key (20 Downs in one write), vp-tui compact", "bytes.helddown.vptuicompact.large", "", None),
        ("  default view", "bytes.helddown.vptui.large", "", None),
        ("  vim -u NONE, same", "bytes.helddown.vim.large", "reference", None),
        ("  vim as installed, same", "bytes.helddown.viminstalled.large", "reference", None),
        ("  less", "bytes.helddown.less.large", "reference", None),
        ("Bytes per screenful (PgDn), vp-tui", "bytes.pagedown.vptui.large.median", "", None),
        ("  compact view (a taller outline)", "bytes.pagedown.vptuicompact.large.median", "", None),
        ("  vim -u NONE", "bytes.pagedown.vim.large.median", "reference", None),
        ("  vim as installed", "bytes.pagedown.viminstalled.large.median", "reference", None),
        ("  less", "bytes.pagedown.less.large.median", "reference", None),
        ("  full first frame, vp-tui", "bytes.firstframe.vptui.large", "reference", None),
        ("Cells changed per Down (of the screen's cells)", "cells.down.median.large", "", None),
        ("Export JSON, one unit", "export.one.json.large", "", None),
        ("Export Markdown (VB), one unit", "export.one.markdown.large", "", None),
        ("Completeness check (VB), one unit", "export.one.check.large", "", None),
        ("Export JSON, all units of the year", "export.all.json.large", "< 5 s", below(5000)),
        ("Export Markdown (VB), all units of the year", "export.all.markdown.large", "< 5 s", below(5000)),
        ("Completeness check (VB), all units of the year", "export.all.check.large", "", None),
        ("Peak RSS: app in pty, browsing the large DB", "rss.pty.vptui.large", "< 50 MB", below(50)),
        ("Peak RSS: app in pty, browsing the sample", "rss.pty.vptui.sample", "< 50 MB", below(50)),
        ("Peak RSS: key session in process, large", "rss.keys.large", "< 50 MB", below(50)),
        ("Peak RSS: open + first render, large", "rss.open.large", "< 50 MB", below(50)),
        ("Peak RSS: saved changes and undo", "rss.store.large", "", None),
        ("Peak RSS: export and check, one unit", "rss.export.one.large", "", None),
        ("Peak RSS: export and check, all units", "rss.export.all.large", "", None),
        ("  vim -u NONE in pty (reference)", "rss.pty.vim.large", "reference", None),
        ("  vim as installed", "rss.pty.viminstalled.large", "reference", None),
        ("  less", "rss.pty.less.large", "reference", None),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--all", action="store_true", help="also list every figure")
    args = parser.parse_args()
    figures, units = load(args.results)

    print("| Figure | Median | Spread (min–max) | Runs | Target | Met |")
    print("|---|---|---|---|---|---|")
    for label, name, target, check in rows(figures):
        values = figures.get(name)
        if not values:
            continue
        unit = units[name]
        median = statistics.median(values)
        spread = f"{number(min(values), unit)} – {number(max(values), unit)}" if len(values) > 1 else "–"
        verdict = ""
        if check is not None:
            result = check(median)
            verdict = "yes" if result else ("no" if result is not None else "")
        print(f"| {label} | {number(median, unit)} | {spread} | {len(values)} | {target} | {verdict} |")

    if args.all:
        print()
        print("| Every figure | Median | Min | Max | Runs |")
        print("|---|---|---|---|---|")
        for name, values in figures.items():
            unit = units[name]
            print(f"| {name} | {number(statistics.median(values), unit)} | {number(min(values), unit)} | "
                  f"{number(max(values), unit)} | {len(values)} |")


if __name__ == "__main__":
    sys.exit(main())
