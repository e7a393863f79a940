#!/usr/bin/env bash
# make bench: numbers, not assertions. Prints
#  - `nettutor read <longest lesson> --plain` vs `lowdown -Tterm` on the same Markdown body
#    (median wall time of hyperfine runs, and the ratio),
#  - peak memory (max RSS) of both,
#  - TUI start-up to first frame and idle CPU, measured on a pseudo-terminal.
set -euo pipefail
BIN=$(realpath "${1:?usage: bench.sh NETTUTOR_BINARY}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench-out"
mkdir -p "$OUT"
cd "$ROOT"

longest=$(ls -S Content/*/*.md | head -1)
id=$(basename "$longest" .md)
lang=$(basename "$(dirname "$longest")")
# lowdown gets the same Markdown body (front matter removed: it is YAML, not Markdown).
awk 'BEGIN{n=0} n>=2{print} /^---[[:space:]]*$/{n++}' "$longest" > "$OUT/body.md"
echo "longest lesson: $longest ($(wc -c < "$longest") bytes, $(wc -l < "$longest") lines)"

hyperfine --style basic --warmup 3 --runs 30 -N \
  --export-json "$OUT/read.json" \
  -n nettutor "$BIN read $id --lang $lang --plain --width 80" \
  -n lowdown "lowdown -Tterm --term-width=80 $OUT/body.md" > "$OUT/hyperfine.txt"

peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
mem_ours=$(peak "$BIN" read "$id" --lang "$lang" --plain --width 80)
mem_lowdown=$(peak lowdown -Tterm --term-width=80 "$OUT/body.md")

python3 - "$OUT/read.json" "$mem_ours" "$mem_lowdown" <<'PY'
import json, sys, statistics
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ours = statistics.median(runs["nettutor"]["times"]) * 1000
low = statistics.median(runs["lowdown"]["times"]) * 1000
print(f"read --plain (median of {len(runs['nettutor']['times'])}): nettutor {ours:.2f} ms, lowdown -Tterm {low:.2f} ms, ratio {ours/low:.2f}x")
print(f"peak memory (max RSS): nettutor {int(sys.argv[2])/1024:.1f} MiB, lowdown {int(sys.argv[3])/1024:.1f} MiB")
PY

python3 scripts/bench_tui.py "$BIN"
"$BIN" bench-render --width 200 --height 60
