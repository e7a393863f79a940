#!/usr/bin/env bash
# make link-order: writes scripts/link-order.txt, the functions the common commands run, for
# lld's --symbol-ordering-file. The release build puts them first in .text (it compiles with
# -function-sections, and the static Swift libraries have one section per function), so
# start-up faults in a few hundred KiB of packed code instead of pages scattered over 21 MiB:
# fewer page faults and a smaller resident set (docs/DECISIONS.md). Each command runs under
# callgrind, which records every function executed; the TUI ones in a detached tmux.
# A stale list only costs speed: symbols no longer in the binary are ignored by the linker.
set -euo pipefail
BIN=$(realpath "${1:?usage: gen-link-order.sh NETTUTOR_BINARY [DATA_DIR_WITH_PROGRESS]}")
# A data folder with a year of answers (nettutor-bench store --keep) adds the dashboard's paths
# over real history to home; a copy is used, so it is not changed.
YEAR=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d); trap 'tmux -L nt-order kill-server > /dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
# valgrind cannot read the binary's DWARF (lld's debug_names); the symbol table is enough.
strip --strip-debug -o "$WORK/nettutor" "$BIN"
N="$WORK/nettutor"; D="$WORK/data"; mkdir -p "$D"
export NETTUTOR_CONTENT="$ROOT" LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
cg() { valgrind -q --tool=callgrind --demangle=no --callgrind-out-file="$WORK/cg.%p" "$@"; }
cg "$N" --version > /dev/null
for lang in en ko; do
  cg "$N" read tcp-handshake --plain --lang $lang --data-dir "$D" > /dev/null
  cg "$N" lessons --lang $lang --data-dir "$D" > /dev/null
done
cg "$N" lessons --json --data-dir "$D" > /dev/null
cg "$N" progress --json --data-dir "$D" > /dev/null
cg "$N" progress --data-dir "$D" > /dev/null
cg "$N" play tcp-3way --plain --data-dir "$D" > /dev/null
cg "$N" cwnd --plain --data-dir "$D" > /dev/null
cg "$N" glossary --data-dir "$D" > /dev/null
echo 1 | cg "$N" quiz tcp-handshake --plain --data-dir "$D" > /dev/null 2>&1 || true
# On a terminal: the styled lesson, the TUI's home and a lesson in it, a scene stepped.
tui() {  # tui NAME KEYS... : sends each key 6 s apart (valgrind is slow), then waits for the exit
  local name=$1; shift
  for k in "$@"; do sleep 6; tmux -L nt-order send-keys -t "$name" "$k" 2>/dev/null; done
  for _ in $(seq 60); do tmux -L nt-order has-session -t "$name" 2>/dev/null || return 0; sleep 1; done
}
V="valgrind -q --tool=callgrind --demangle=no --callgrind-out-file=$WORK/cg.%p"
tmux -L nt-order new-session -d -s read -x 80 -y 24 "$V $N read tcp-handshake --lang en --data-dir $D; sleep 2"
tmux -L nt-order new-session -d -s home -x 80 -y 24 "$V $N --lang ko --data-dir $D"
tmux -L nt-order new-session -d -s play -x 80 -y 24 "$V $N play tcp-3way --lang en --data-dir $D"
tui home Enter j q q q & tui play l l q & tui read; wait
if [ -n "$YEAR" ]; then
  cp -r "$YEAR" "$WORK/year"
  cg "$N" progress --json --data-dir "$WORK/year" > /dev/null
  tmux -L nt-order new-session -d -s year -x 80 -y 24 "$V $N --lang en --data-dir $WORK/year"
  tui year q
fi
# Only names defined once: a local name (a value witness, a merged function) is defined in many
# objects, and listing it would drag every one of them to the front.
nm --defined-only "$N" | awk '{print $NF}' | sort | uniq -u > "$WORK/unique.txt"
python3 - "$WORK" "$ROOT/scripts/link-order.txt" <<'PY'
import glob, re, sys
unique = set(open(sys.argv[1] + "/unique.txt").read().split())
names = set()
for f in glob.glob(sys.argv[1] + "/cg.*"):
    for line in open(f, errors="replace"):
        m = re.match(r"^c?fn=\(\d+\) (.*)$", line)
        if m:
            names.add(re.sub(r"'\d+$", "", m.group(1).strip()))
names &= unique
open(sys.argv[2], "w").write("".join(n + "\n" for n in sorted(names)))
print(f"{len(names)} functions -> {sys.argv[2]}")
PY
