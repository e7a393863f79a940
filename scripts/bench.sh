#!/usr/bin/env bash
# make bench: numbers, not assertions, measured side by side with the tools users know, and
# written to docs/BENCHMARKS.md with the date, machine and commit.
#  - `nettutor read` of every lesson (plain) vs `lowdown -Tterm` on the same Markdown body
#    (medians of hyperfine runs, ratios), and peak memory of both on the longest lesson;
#  - TUI start-up to first frame on a pseudo-terminal vs vimtutor's, idle CPU, the player's CPU,
#    wake-ups and bytes written while playing at 30 fps, peak memory touring every screen;
#  - frame render times of every screen at 80x24 and 200x60 (in process), and micro-benchmarks
#    of the hot paths with package-benchmark (Benchmarks/);
#  - start-up, reading and scale side by side with their peers (scripts/bench_startup.py): the
#    static "hello", lowdown, less, vimtutor; generated content of 1,386 lessons x 2 and 19,932
#    questions (scripts/gen-content.py) and a year of progress (100,000 answers);
#  - scheduling over that store and the dashboard computed on it.
set -euo pipefail
BIN=$(realpath "${1:?usage: bench.sh NETTUTOR_BINARY}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench-out"
rm -rf "$OUT"; mkdir -p "$OUT"
cd "$ROOT"
LOG="$OUT/results.txt"
# The benchmark commands are not in the product: nettutor-bench in the Benchmarks/ package.
(cd "$ROOT/Benchmarks" && swift build -c release --product nettutor-bench) > "$OUT/bench-tool.log" 2>&1 || { tail -20 "$OUT/bench-tool.log"; exit 1; }
export NETTUTOR_BENCH="$ROOT/Benchmarks/.build/release/nettutor-bench"
: > "$LOG"
say() { echo "$@" | tee -a "$LOG"; }

# Every lesson: nettutor read --plain vs lowdown -Tterm on the body (front matter removed).
say "## Reading lessons: nettutor read --plain vs lowdown -Tterm (median of 10 runs each)"
say ""
say "| lesson | bytes | nettutor ms | lowdown ms | ratio |"
say "|---|---|---|---|---|"
for f in Content/*/*.md; do
  id=$(basename "$f" .md); lang=$(basename "$(dirname "$f")")
  awk 'BEGIN{n=0} n>=2{print} /^---[[:space:]]*$/{n++}' "$f" > "$OUT/body-$lang-$id.md"
  hyperfine --style none --warmup 2 --runs 10 -N --export-json "$OUT/read-$lang-$id.json" \
    "$BIN read $id --lang $lang --plain --width 80" "lowdown -Tterm --term-width=80 $OUT/body-$lang-$id.md" > /dev/null
  python3 - "$OUT/read-$lang-$id.json" "$lang/$id" "$(wc -c < "$f")" >> "$LOG" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"]
a, b = (statistics.median(x["times"]) * 1000 for x in r)
print(f"| {sys.argv[2]} | {sys.argv[3]} | {a:.2f} | {b:.2f} | {a / b:.1f}x |")
PY
done
python3 - "$OUT" >> "$LOG" <<'PY'
import glob, json, statistics, sys
ratios = []
for p in glob.glob(sys.argv[1] + "/read-*.json"):
    r = json.load(open(p))["results"]
    a, b = (statistics.median(x["times"]) for x in r)
    ratios.append(a / b)
print(f"\nAll {len(ratios)} lessons: median ratio {statistics.median(ratios):.1f}x (min {min(ratios):.1f}x, max {max(ratios):.1f}x).")
print("nettutor's time: process start of a large static binary, the command line and the content root (about 1 ms), the lesson's front matter (Yams) and body (cmark-gfm), about 1.5 ms, and its layout by display columns, about 2 ms; lowdown is a small C program.\n")
PY
tail -3 "$LOG"
longest=$(ls -S Content/*/*.md | head -1)
id=$(basename "$longest" .md); lang=$(basename "$(dirname "$longest")")
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
say "Peak memory (max RSS) reading the longest lesson ($lang/$id): nettutor $(( $(peak "$BIN" read "$id" --lang "$lang" --plain --width 80) / 1024 )) MiB, lowdown $(( $(peak lowdown -Tterm --term-width=80 "$OUT/body-$lang-$id.md") / 1024 )) MiB"
say ""

say "## The terminal UI (pseudo-terminal, 80x24 unless said)"
say ""
python3 scripts/bench_tui.py "$BIN" | sed 's/^/- /' | tee -a "$LOG"
say ""

say "## Frame render times (in process, no terminal)"
say ""
for size in "80 24" "200 60"; do
  set -- $size
  "$NETTUTOR_BENCH" render --width "$1" --height "$2" --content "$ROOT" | sed 's/^/- /' | tee -a "$LOG"
done
say ""

# Generated inputs (not committed): big content, and a store with a year of answers.
python3 scripts/gen-content.py "$OUT/big" > "$OUT/gen.log"
mkdir -p "$OUT/year"
"$NETTUTOR_BENCH" store --rows 100000 --keep --data-dir "$OUT/year" --content "$ROOT" > "$OUT/year.txt"

say "## Start-up, reading and scale, side by side (A and B in turn; medians, ratio of pairs)"
say ""
python3 scripts/bench_startup.py "$BIN" "$OUT" "$OUT/big" "$OUT/year" | tee -a "$LOG"
say ""

say "## Quizzes and progress"
say ""
sed 's/^/- /' "$OUT/year.txt" | tee -a "$LOG"
say ""

# In-process micro-benchmarks (package-benchmark, its own package in Benchmarks/).
say "## Micro-benchmarks (package-benchmark; wall clock per run, p50 and p99)"
say ""
(cd "$ROOT/Benchmarks" && swift package --disable-sandbox benchmark --format markdown --no-progress) > "$OUT/micro.md" 2>&1 || { tail -20 "$OUT/micro.md"; exit 1; }
python3 - "$OUT/micro.md" <<'PY' | tee -a "$LOG"
import re, sys
name, rows = None, []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("### "):
        name = line[4:].strip()
    elif name and line.startswith("| Time (wall clock)"):
        unit = re.search(r"\((\S+)\)", line.split("|")[1]).group(1)
        cells = [c.strip() for c in line.split("|")[2:-1]]
        rows.append((name, cells[2], cells[5], unit))
        name = None
print("| benchmark | p50 | p99 | unit |")
print("|---|---|---|---|")
for n, p50, p99, unit in rows:
    print(f"| {n} | {p50} | {p99} | {unit} |")
PY
say ""

# docs/BENCHMARKS.md: the results with where and when they were measured.
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` on $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown);"
  echo "machine: $(uname -sm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB."
  echo "Medians of repeated runs; ratios are measured side by side in the same run."
  echo
  cat "$LOG"
} > "$ROOT/docs/BENCHMARKS.md"
echo "wrote docs/BENCHMARKS.md"
