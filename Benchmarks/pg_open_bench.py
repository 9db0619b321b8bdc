#!/usr/bin/env python3
"""Opening one unit's plan in the app on PostgreSQL, in a real pseudo-terminal (not a test).

For each login given (`--login NAME`), over `--runs` runs, each its own process:

  * open.<name>.firstframe: from starting `vp-tui-postgres --db URL --unit U --year Y --period P`
    until its output holds the unit's name and the last key hint;
  * rss.<name>.open: peak memory (VmHWM) once the app has been quiet for a second after that;
  * chooser.<name>.shown: from `t` until the chooser's title is drawn;
  * chooser.<name>.settled: from `t` until the app has drawn nothing for `--quiet` seconds (the
    period states of the lines on the screen came in);
  * rss.<name>.chooser: peak memory after that.

Output: one JSON line per figure and run, for report.py. The login is the URL's user (the
throwaway cluster of open_postgres.sh trusts every local login).
"""

import argparse
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_bench import PtyProgram, emit, environment  # noqa: E402

CHOOSER_TITLE = "Välj enhet, år och period"


def with_login(url, login):
    parts = urllib.parse.urlsplit(url)
    host = parts.netloc.split("@", 1)[-1]
    return urllib.parse.urlunsplit((parts.scheme, f"{login}@{host}", parts.path, parts.query, parts.fragment))


def run_once(name, args, env):
    argv = [args.binary, "--db", with_login(args.url, name), "--unit", args.unit, "--year", str(args.year),
            "--period", args.period]
    words = [word for word in args.unit_name.split() if word]
    program = PtyProgram(argv, 40, 120, env)
    try:
        elapsed = program.read_until(lambda text: all(word in text for word in words) and "Avsluta" in text,
                                     timeout=args.timeout)
        if elapsed is None:
            tail = bytes(program.output[-400:]).decode("utf-8", "replace")
            print(f"{name}: no first frame within {args.timeout} s: {tail!r}", file=sys.stderr)
            return
        emit(f"open.{name}.firstframe", round(elapsed * 1000, 1), "ms")
        program.settle(quiet=1.0, limit=args.timeout)
        emit(f"rss.{name}.open", round(program.peak_rss_mb(), 1), "MB")
        program.output.clear()
        pressed = time.perf_counter()
        program.send(b"t")
        program.started = pressed
        shown = program.read_until(lambda text: CHOOSER_TITLE in text, timeout=args.timeout)
        if shown is None:
            print(f"{name}: no chooser within {args.timeout} s", file=sys.stderr)
            return
        emit(f"chooser.{name}.shown", round(shown * 1000, 1), "ms")
        # The last output, not the quiet after it: settle returns once nothing came for `quiet`.
        last = time.perf_counter()
        deadline = last + args.timeout
        while time.perf_counter() < deadline:
            if program.settle(quiet=args.quiet, limit=args.quiet + 0.5) == 0:
                break
            last = time.perf_counter() - args.quiet
        emit(f"chooser.{name}.settled", round(max(shown, last - pressed) * 1000, 1), "ms")
        emit(f"rss.{name}.chooser", round(program.peak_rss_mb(), 1), "MB")
    finally:
        program.close(b"\x1bq")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="vp-tui-postgres")
    parser.add_argument("--url", required=True, help="postgresql:// address of the database")
    parser.add_argument("--login", action="append", required=True, help="a login to open the plan as (repeatable)")
    parser.add_argument("--unit", required=True)
    parser.add_argument("--unit-name", required=True)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--period", default="T1")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quiet", type=float, default=1.5, help="seconds without output that end the chooser's settling")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    env = environment()
    for _ in range(args.runs):
        for name in args.login:
            run_once(name, args, env)


if __name__ == "__main__":
    main()
