#!/bin/sh
# The file and path cases run against the built binary, each in a fresh temporary folder
# (never /dev or anything outside it: device-like targets are made inside it). Prints PASS or
# FAIL per case (SKIP when a tool it needs is missing); exits 1 if any failed.
# Usage: scripts/adversarial.sh [path/to/vp-tui]   (default: .build/debug/vp-tui)
# Needs python3; the case of a path typed in the app also tmux.
set -u
BIN=$(cd "$(dirname "${1:-.build/debug/vp-tui}")" && pwd)/$(basename "${1:-.build/debug/vp-tui}")
[ -x "$BIN" ] || { echo "no binary at $BIN (swift build --product vp-tui)"; exit 2; }
ROOT=$(mktemp -d "${TMPDIR:-/tmp}/vp-tui-adversarial.XXXXXX")
IMMUTABLE=""
cleanup() {
    TMUX_TMPDIR="$ROOT" tmux -L adv kill-server 2>/dev/null
    for p in $IMMUTABLE; do chattr -i "$p" 2>/dev/null; chmod u+w "$p" 2>/dev/null; done
    rm -rf "$ROOT"
}
trap cleanup EXIT
export HOME="$ROOT/home" USER=adversary LANG=C.UTF-8
mkdir -p "$HOME"
FAILED=0
N=0

vp() { "$BIN" "$@"; }
# A file of nothing to import: importing it makes a new database with the samples (the reading
# commands refuse a named file that does not exist).
printf '{"format": "vp-tui-plan", "version": 1, "organisations": []}' > "$ROOT/nothing.json"
# A fresh folder with a sample database in it: $D and $DB.
fresh() { N=$((N + 1)); D="$ROOT/case$N"; mkdir -p "$D"; DB="$D/plan.sqlite"; vp import "$ROOT/nothing.json" --db "$DB" >/dev/null 2>&1; }
report() { if [ "$1" = 0 ]; then echo "PASS  $2"; else echo "FAIL  $2"; FAILED=1; fi; }
skip() { echo "SKIP  $1"; }
export_md() { vp export --unit resursenheten --year 2021 --format markdown --db "$DB" "$@"; }
swedish_refusal() { # status, stderr file, words
    [ "$1" != 0 ] && grep -q "$3" "$2" && ! grep -qi "sqlite error\|The file\|no such" "$2"
}
# Unwritable for this process, root included (root ignores modes: the immutable attribute then).
lock() { if [ "$(id -u)" = 0 ]; then chattr +i "$1" || return 1; else chmod a-w "$1"; fi; IMMUTABLE="$1 $IMMUTABLE"; }
unlock() { chattr -i "$1" 2>/dev/null; chmod u+w "$1" 2>/dev/null; }
sum() { cksum < "$1"; }

fresh; echo old > "$D/target.md"; ln -s target.md "$D/link.md"
export_md -o "$D/link.md" 2>/dev/null
[ -L "$D/link.md" ] && grep -q "^# Verksamhetsberättelse" "$D/target.md"; report $? "export -o symlink: target written, link stays a link"

# The reader opens the FIFO before the export starts (as `cat rör` already waiting would), then
# reads until the export has ended; a write end of its own, closed then, keeps it from seeing
# the end of the file before the export has opened the FIFO.
fresh; mkfifo "$D/fifo"
python3 -c '
import os, subprocess, sys, threading
reader = os.open(sys.argv[1], os.O_RDONLY | os.O_NONBLOCK)
own_end = os.open(sys.argv[1], os.O_WRONLY)
os.set_blocking(reader, True)
writer = subprocess.Popen(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
threading.Thread(target=lambda: (writer.wait(), os.close(own_end))).start()
with open(sys.argv[2], "wb") as received:
    while True:
        chunk = os.read(reader, 65536)
        if not chunk: break
        received.write(chunk)
sys.exit(writer.wait())
' "$D/fifo" "$D/received" "$BIN" export --unit resursenheten --year 2021 --format markdown --db "$DB" -o "$D/fifo"
[ $? = 0 ] && [ -p "$D/fifo" ] && grep -q "^# Verksamhetsberättelse" "$D/received"; report $? "export -o FIFO: written through, reader gets it, FIFO stays"

fresh; mkfifo "$D/lonely"; timeout 20 "$BIN" export --unit resursenheten --year 2021 --format markdown --db "$DB" -o "$D/lonely" 2>"$D/err"; S=$?
[ $S != 124 ] && swedish_refusal $S "$D/err" "ingen läser" && [ -p "$D/lonely" ]; report $? "export -o FIFO nobody reads: refused at once in Swedish, no hang, FIFO stays"

fresh; python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$D/socket"
export_md -o "$D/socket" 2>"$D/err"; swedish_refusal $? "$D/err" "ingen läser" && [ -S "$D/socket" ]
report $? "export -o a socket (a special file made in the temp folder): refused in Swedish, stays a socket"

if [ "$(id -u)" = 0 ]; then
    fresh; mknod "$D/null" c 1 3 && export_md -o "$D/null" 2>/dev/null
    [ -c "$D/null" ]; report $? "export -o character device (a null device made in the temp folder): stays a device"
else
    skip "export -o character device (only root may make one in the temp folder; the FIFO and socket cases cover the class)"
fi

fresh; export_md -o "$D/new/deeper/r.md" 2>"$D/err"
[ -f "$D/new/deeper/r.md" ]; report $? "export into a missing folder: folder made"

fresh; export_md -o "$D" 2>"$D/err"; swedish_refusal $? "$D/err" "är en katalog"; report $? "export -o a folder: Swedish refusal"

fresh; (cd "$D" && vp units --db file:x.sqlite >/dev/null 2>&1; vp import "$ROOT/none.json" --db file:x.sqlite >/dev/null 2>&1)
[ -f "$D/file:x.sqlite" ] && [ ! -e "$D/x.sqlite" ]; report $? "--db file:x.sqlite (reads like a URI): that file, no other"

fresh; BEFORE=$(sum "$DB"); export_md -o "$DB" 2>"$D/err"; S=$?
swedish_refusal $S "$D/err" "själva databasen" && [ "$(sum "$DB")" = "$BEFORE" ]; report $? "export -o the database itself: refused, database unchanged"

fresh; (umask 027; export_md -o "$D/u.md" 2>/dev/null); [ "$(stat -c %a "$D/u.md")" = 640 ]; report $? "report file mode follows the umask (027 -> 640)"

fresh; [ "$(stat -c %a "$DB")" = 600 ]; report $? "new database created 0600"

fresh; ln -s "$D/unmounted/share/plan.sqlite" "$D/share.sqlite"
vp units --db "$D/share.sqlite" 2>"$D/err"; S=$?; vp units --db "$D/share.sqlite" 2>>"$D/err"
swedish_refusal $S "$D/err" "som inte finns" && [ -L "$D/share.sqlite" ] && [ ! -e "$D/unmounted" ]
report $? "dangling symlink as --db: refused, link kept, nothing created"

fresh; ln -s "$D/unmounted/share/big.sqlite" "$D/big.sqlite"; vp generate --units 1 --years 1 --db "$D/big.sqlite" 2>"$D/err"
swedish_refusal $? "$D/err" "skriver aldrig över" && [ -L "$D/big.sqlite" ] && [ ! -e "$D/unmounted" ]
report $? "generate onto a dangling symlink: refused, link kept, nothing created"

fresh; ln -s loop.sqlite "$D/loop.sqlite"; vp units --db "$D/loop.sqlite" 2>"$D/err"
swedish_refusal $? "$D/err" "slinga" && [ -L "$D/loop.sqlite" ]; report $? "symlink loop as --db: Swedish, link kept"

fresh; vp units --db "$D" 2>"$D/err"; swedish_refusal $? "$D/err" "är en katalog"; report $? "folder as --db: Swedish, not SQLite error 14"

fresh; LONG=$(printf 'x%.0s' $(seq 1 300)); vp units --db "$D/$LONG" 2>"$D/err"
swedish_refusal $? "$D/err" "för lång"; report $? "too long name as --db: Swedish"

fresh; printf '{"format": "vp-tui-plan", "version": 1, "organisations": [{"id": "ny-stad", "kind": "city", "name": "Ny stad"}]}' > "$D/in.json"
ok=0
for round in 1 2 3 4 5; do
    R="$D/race$round.sqlite"
    vp import "$D/in.json" --db "$R" >/dev/null 2>&1 & A=$!
    vp import "$ROOT/nothing.json" --db "$R" >/dev/null 2>&1 & B=$!
    wait $A || ok=1; wait $B || ok=1
    vp units --db "$R" 2>/dev/null | grep -q "Ny stad" || ok=1
done
[ $ok = 0 ] && ! ls -A "$D" | grep -q '^\.'; report $? "two imports creating one new database together (5 rounds): both succeed, data there"
fresh; vp units --db "$D/plna.sqlite" 2>"$D/err"; S=$?
[ $S = 2 ] && grep -q "finns inte" "$D/err" && [ ! -e "$D/plna.sqlite" ]; report $? "a reading command on a misspelt --db: exit 2 in Swedish, nothing made"

fresh; python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table notes(x)'); c.execute(\"insert into notes values('hej')\"); c.commit()" "$D/other.db"
BEFORE=$(sum "$D/other.db"); vp units --db "$D/other.db" 2>"$D/err"; S=$?
swedish_refusal $S "$D/err" "annat program" && [ "$(sum "$D/other.db")" = "$BEFORE" ] && [ ! -e "$D/other.db-wal" ]
report $? "another program's SQLite file: refused, byte for byte unchanged"

fresh; : > "$D/empty.sqlite"; vp units --db "$D/empty.sqlite" >"$D/out" 2>"$D/err"
grep -q "var en tom fil" "$D/err" && grep -q Resursenheten "$D/out"; report $? "0-byte file: made a database with the samples, and said so"

for mode in 644 444; do
    fresh; mkdir "$D/ro"; cp "$DB" "$D/ro/plan.sqlite"; chmod $mode "$D/ro/plan.sqlite"; lock "$D/ro"
    vp export --unit resursenheten --year 2021 --format markdown --db "$D/ro/plan.sqlite" >"$D/out" 2>"$D/err"; S=$?
    printf '{"format": "vp-tui-plan", "version": 1, "organisations": [{"id": "ny", "kind": "city", "name": "Ny"}]}' > "$D/in.json"
    vp import "$D/in.json" --db "$D/ro/plan.sqlite" >/dev/null 2>"$D/err2"
    [ $S = 0 ] && grep -q "^# Verksamhetsberättelse" "$D/out" && grep -q "skrivskyddad" "$D/err2" && ! grep -q "attempt to write" "$D/err" "$D/err2"
    report $? "file mode $mode in a read-only folder: opens read-only and exports"
    unlock "$D/ro"
done

fresh; python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('drop table section'); c.commit()" "$DB"
export_md 2>"$D/err" >/dev/null; swedish_refusal $? "$D/err" "saknar tabellen section"; report $? "vp-tui database missing a table: Swedish"

fresh; cp "$DB" "$D/damaged.sqlite"; SIZE=$(stat -c %s "$D/damaged.sqlite")
python3 -c "import random,sys; random.seed(13); f=open(sys.argv[1],'r+b'); f.seek(int(sys.argv[2])); f.write(bytes(random.getrandbits(8) for _ in range(4096)))" "$D/damaged.sqlite" $(( SIZE / 8192 * 4096 ))
vp check --unit resursenheten --year 2021 --period vb --db "$D/damaged.sqlite" >"$D/out" 2>"$D/err"; S=$?
[ $S = 2 ] && grep -q "är skadad" "$D/err" && grep -q "säkerhetskopia" "$D/err"; report $? "a page of random bytes: check says damaged, with the way back"

fresh; vp check --unit resursenheten --year -5 --period vb --db "$DB" 2>"$D/err"
swedish_refusal $? "$D/err" "Året -5"; report $? "--year -5: said to be no year"

fresh; BAD=$(printf "$D/pl\377n.sqlite"); vp import "$ROOT/nothing.json" --db "$BAD" >/dev/null 2>&1
! ls "$D" | grep -q "$(printf '\357\277\275')"; report $? "non-UTF-8 --db path: no file of another name (with U+FFFD) is made"
[ -f "$BAD" ]; report $? "non-UTF-8 --db path: exactly that file is made"

fresh; BAD=$(printf "$D/pl\377n.sqlite"); echo "inte en databas" > "$BAD"; vp units --db "$BAD" >/dev/null 2>"$D/err"
[ $? != 0 ] && grep -qF 'pl\xFFn.sqlite' "$D/err" && ! grep -q "vp-tui-path" "$D/err"
report $? "non-UTF-8 --db path: a store error names the path as given (\\xFF), not the private link"

fresh; ENVDB=$(printf "$D/milj\366.sqlite"); VP_TUI_DB="$ENVDB" vp import "$ROOT/nothing.json" >/dev/null 2>&1
[ -f "$ENVDB" ] && ! ls "$D" | grep -q "$(printf '\357\277\275')"; report $? "non-UTF-8 \$VP_TUI_DB: exactly that file is made"

fresh; (cd "$D" && VP_TUI_DB="$DB" XDG_DATA_HOME="$D/data" vp units --db "" >/dev/null 2>"$D/err"); S=$?
[ $S = 2 ] && grep -q "tomt värde" "$D/err" && [ ! -e "$D/data" ]; report $? "--db \"\": refused (exit 2), no default database used"

fresh; mkdir -p "$D/tmp"; (exit 0) & DEAD=$!; wait $DEAD
mkdir "$D/tmp/vp-tui-path-$DEAD-abcDEF"; ln -s "$DB" "$D/tmp/vp-tui-path-$DEAD-abcDEF/database"
mkdir "$D/tmp/vp-tui-path-$DEAD-keepme"; ln -s "$DB" "$D/tmp/vp-tui-path-$DEAD-keepme/database"; echo x > "$D/tmp/vp-tui-path-$DEAD-keepme/other"
TMPDIR="$D/tmp" vp units --db "$DB" >/dev/null 2>&1
TMPDIR="$D/tmp" vp import "$ROOT/nothing.json" --db "$(printf "$D/pl\377n.sqlite")" >/dev/null 2>&1
[ ! -e "$D/tmp/vp-tui-path-$DEAD-abcDEF" ] && [ -d "$D/tmp/vp-tui-path-$DEAD-keepme" ] && [ -s "$DB" ]
report $? "private link folder of a killed process: removed by the next command that makes one, a folder holding more is not"

# A path typed in the app (X): "~/" is $HOME, as a shell reads it; no folder named "~" is made.
if command -v tmux >/dev/null 2>&1; then
    # A server of its own, its socket and (empty) configuration inside the temp folder.
    fresh; : > "$ROOT/tmux.conf"
    tm() { TMUX_TMPDIR="$ROOT" tmux -L adv -f "$ROOT/tmux.conf" "$@"; }
    tm new-session -d -x 100 -y 30 >"$ROOT/tmux.log" 2>&1 \
        "cd '$D' && env HOME='$HOME' TERM=xterm-256color LANG=C.UTF-8 '$BIN' --db '$DB' --unit resursenheten --year 2021 --period vb"
    waited=0
    until tm capture-pane -p 2>/dev/null | grep -q "Verksamhetsberättelse" || [ $waited -ge 200 ]; do sleep 0.1; waited=$((waited + 1)); done
    tm send-keys X C-u; tm send-keys -l "~/tilde-$N.md"; tm send-keys Enter
    waited=0
    until [ -f "$HOME/tilde-$N.md" ] || [ $waited -ge 200 ]; do sleep 0.1; waited=$((waited + 1)); done
    tm kill-server 2>/dev/null
    grep -q "^# Verksamhetsberättelse" "$HOME/tilde-$N.md" 2>/dev/null && [ ! -e "$D/~" ]; report $? "~/ in a path typed in the app (X): \$HOME, no folder named ~"
else
    skip "~/ in a path typed in the app (tmux is needed)"
fi

[ $FAILED = 0 ] && echo "every case held" || echo "some cases failed"
exit $FAILED
