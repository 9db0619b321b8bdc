#!/usr/bin/env python3
"""Benchmarks of vp-tui in a real pseudo-terminal (not tests), against vim and less.

For one plan (database, unit, year, period) this measures, over repeated runs:

  * cold start to the first complete frame: from starting the process until its output holds
    the header (the unit's name) and the key-hint line of the plan; the same for
    `vim -u NONE` (bare), `vim` as installed (defaults.vim: syntax, filetype) and `less` on
    the plan's exported Markdown (first line of the file and the status line shown);
  * bytes written to the terminal per cursor move (Down) and per screenful (PgDn), counted
    from the pty after the screen has settled, for vp-tui, vim and less;
  * bytes per Down when a held key sends many at once (`--burst` Downs in one write), as key
    repeat over a slow link does;
  * peak memory (VmHWM) of each program after that browsing.

Output: one JSON line per figure and run, {"figure", "value", "unit"}, for report.py.
Only the standard library is used (pty, os, select, termios).
"""

import argparse
import fcntl
import json
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

DOWN = b"\x1bOB"  # what xterm sends for Down in keypad-transmit mode (all three programs turn it on)
PAGE_DOWN = b"\x1b[6~"
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][0-9A-Za-z]|\x1b[=>78DEHMNOZc]")


def emit(figure, value, unit):
    print(json.dumps({"figure": figure, "value": value, "unit": unit}, sort_keys=True), flush=True)


def visible_text(data):
    """The output without escape sequences, as text (for finding words the program drew)."""
    return ESCAPES.sub(b"", data).decode("utf-8", "replace")


class PtyProgram:
    """A program started on a fresh pty of a given size, with the pty as its controlling terminal."""

    def __init__(self, argv, rows, columns, env):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

        def become_terminal_owner():
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.started = time.perf_counter()
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        preexec_fn=become_terminal_owner, close_fds=True)
        os.close(slave)
        self.fd = master
        self.output = bytearray()

    def read_until(self, predicate, timeout=10.0):
        """Reads output until predicate(text so far) holds; returns the seconds since start, or None."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], max(0.0, deadline - time.perf_counter()))
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return None
            if not chunk:
                return None
            self.output += chunk
            if predicate(visible_text(bytes(self.output))):
                return time.perf_counter() - self.started
        return None

    def settle(self, quiet=0.08, limit=5.0):
        """Reads until the program has written nothing for `quiet` seconds; returns the bytes read."""
        count = 0
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                return count
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return count
            if not chunk:
                return count
            count += len(chunk)
            self.output += chunk
        return count

    def send(self, data):
        os.write(self.fd, data)

    def peak_rss_mb(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return -1

    def close(self, quit_keys):
        try:
            self.send(quit_keys)
            self.settle(quiet=0.05, limit=2.0)
            self.process.wait(timeout=3)
        except (OSError, subprocess.TimeoutExpired):
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        finally:
            os.close(self.fd)


def environment():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LESS", "VIM", "MYVIMRC"))}
    env.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LESSHISTFILE": "-",
                "HOME": tempfile.gettempdir()})
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    env.pop("NO_COLOR", None)
    return env


def first_words(path, count=3):
    with open(path, encoding="utf-8") as file:
        for line in file:
            words = [word for word in re.split(r"\s+", line.strip().lstrip("#").strip()) if word]
            if words:
                return words[:count]
    return []


def programs(args, markdown):
    """(name, argv, first-frame predicate, quit keys) for vp-tui, vim and less."""
    unit_words = [word for word in args.unit_name.split() if word]
    vptui = ([args.vptui, "--db", args.db, "--unit", args.unit, "--year", str(args.year), "--period", args.period],
             lambda text: all(word in text for word in unit_words) and args.hint in text, b"q")
    file_name = os.path.basename(markdown)
    words = first_words(markdown)
    vim = (["vim", "-u", "NONE", "-i", "NONE", "-n", markdown],
           lambda text: all(word in text for word in words) and file_name in text, b"\x1b:qa!\r")
    # vim as a person gets it: no vimrc of their own (HOME is empty), so Vim's defaults.vim with
    # syntax highlighting and the Markdown filetype.
    vim_as_installed = (["vim", "-i", "NONE", "-n", markdown],
                        lambda text: all(word in text for word in words) and file_name in text, b"\x1b:qa!\r")
    less = (["less", markdown],
            lambda text: all(word in text for word in words) and file_name in text, b"q")
    # The compact view (--compact): no detail pane, the selection marked by an arrow.
    compact = (vptui[0] + ["--compact"], vptui[1], vptui[2])
    result = [("vptui",) + vptui, ("vptuicompact",) + compact]
    if args.compare:
        result += [("vim",) + vim, ("viminstalled",) + vim_as_installed, ("less",) + less]
    return result


def measure_cold_start(name, argv, predicate, quit_keys, args, env):
    for _ in range(args.runs):
        program = PtyProgram(argv, args.rows, args.columns, env)
        elapsed = program.read_until(predicate)
        program.close(quit_keys)
        if elapsed is None:
            sys.exit(f"pty_bench: {name} never showed its first complete frame; output was:\n"
                     + visible_text(bytes(program.output))[-2000:])
        emit(f"pty.coldstart.{name}.{args.label}", elapsed * 1000, "ms")


def browse(name, argv, predicate, quit_keys, args, env, key, count, burst=1):
    """Starts the program, lets the first frame settle, presses `key` `count` times (each time
    `burst` of them in one write). Returns (bytes of the first frame, bytes after each press,
    peak memory in MB)."""
    program = PtyProgram(argv, args.rows, args.columns, env)
    if program.read_until(predicate) is None:
        sys.exit(f"pty_bench: {name} did not start")
    program.settle(quiet=0.3)
    first_frame = len(program.output)
    counts = []
    for _ in range(count):
        program.send(key * burst)
        counts.append(program.settle(quiet=args.quiet))
    rss = program.peak_rss_mb()
    program.close(quit_keys)
    return first_frame, counts, rss


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def measure_bytes(name, argv, predicate, quit_keys, args, env):
    for _ in range(args.byte_runs):
        # Moving down line by line from the top, then paging down from the top in a fresh start,
        # so that no page press meets the end of the document.
        first_frame, downs, rss = browse(name, argv, predicate, quit_keys, args, env, DOWN, args.moves)
        _, pages, rss_pages = browse(name, argv, predicate, quit_keys, args, env, PAGE_DOWN, args.pages)
        _, bursts, _ = browse(name, argv, predicate, quit_keys, args, env, DOWN, 3, burst=args.burst)
        emit(f"bytes.firstframe.{name}.{args.label}", first_frame, "bytes")
        emit(f"bytes.down.{name}.{args.label}.median", median(downs), "bytes")
        emit(f"bytes.down.{name}.{args.label}.mean", sum(downs) / len(downs), "bytes")
        emit(f"bytes.pagedown.{name}.{args.label}.median", median(pages), "bytes")
        emit(f"bytes.helddown.{name}.{args.label}", sum(bursts) / (len(bursts) * args.burst), "bytes")
        emit(f"bytes.pagedown.{name}.{args.label}.min", min(pages), "bytes")
        emit(f"rss.pty.{name}.{args.label}", max(rss, rss_pages), "MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vptui", required=True, help="the vp-tui binary (release build)")
    parser.add_argument("--db", required=True)
    parser.add_argument("--unit", required=True, help="unit id")
    parser.add_argument("--unit-name", required=True, help="the unit's name, as the header shows it")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--period", default="vb")
    parser.add_argument("--label", required=True, help="names the database in the figures: sample, large")
    parser.add_argument("--compare", action="store_true", help="also measure vim and less on the exported Markdown")
    parser.add_argument("--only", nargs="*", help="measure only these programs (vptui, vptuicompact, vim, viminstalled, less)")
    parser.add_argument("--runs", type=int, default=20, help="cold starts per program")
    parser.add_argument("--byte-runs", type=int, default=3, help="browsing sessions per program")
    parser.add_argument("--moves", type=int, default=60, help="Down keys per browsing session")
    parser.add_argument("--burst", type=int, default=20, help="Downs sent in one write, as a held key sends them")
    parser.add_argument("--pages", type=int, default=3, help="PgDn keys per browsing session (from the top)")
    parser.add_argument("--quiet", type=float, default=0.05, help="seconds without output that end a key's redraw")
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--columns", type=int, default=120)
    parser.add_argument("--hint", default="Avsluta", help="a word of the last key hint, drawn last")
    args = parser.parse_args()

    env = environment()
    with tempfile.TemporaryDirectory(prefix="vp-tui-pty-") as directory:
        # vp-tui writes to its database (open sessions, a migration): work on a copy.
        database = os.path.join(directory, "plan.sqlite")
        for suffix in ("", "-wal"):
            if os.path.exists(args.db + suffix):
                shutil.copyfile(args.db + suffix, database + suffix)
        args.db = database
        markdown = os.path.join(directory, f"{args.unit}-{args.year}-{args.period}.md")
        subprocess.run([args.vptui, "export", "--db", args.db, "--unit", args.unit, "--year", str(args.year),
                        "--period", args.period, "--format", "markdown", "--output", markdown],
                       check=True, stderr=subprocess.DEVNULL)
        emit(f"markdown.lines.{args.label}", sum(1 for _ in open(markdown, encoding="utf-8")), "lines")
        for name, argv, predicate, quit_keys in programs(args, markdown):
            if args.only and name not in args.only:
                continue
            # One start first, not measured: the binary and its libraries in the page cache, as
            # for every later start (the database file is already there from the copy).
            program = PtyProgram(argv, args.rows, args.columns, env)
            program.read_until(predicate)
            program.close(quit_keys)
            measure_cold_start(name, argv, predicate, quit_keys, args, env)
            measure_bytes(name, argv, predicate, quit_keys, args, env)


if __name__ == "__main__":
    main()
