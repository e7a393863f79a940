# Sourced by run.sh (it defines BIN, ROOT, WORK, keys, screen, wait_for, ok, fail): hostile
# input and faults (issue 15) on the real binary. Nothing crashes, nothing is lost.

answered() { "$BIN" progress --json --data-dir "$1" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["answered"])'; }
# Holds BEGIN EXCLUSIVE on a database until the file $3 appears ($2 appears once it holds it).
hold_lock() {
  python3 - "$1" "$2" "$3" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]): time.sleep(0.05)
c.execute("ROLLBACK")
PY
  LOCKPID=$!
  for _ in $(seq 1 100); do [ -f "$2" ] && return 0; sleep 0.1; done
  return 1
}

# An empty data folder, or the root, is a usage error (it would put the database at /).
for dir in "" "/" "//."; do
  err=$("$BIN" progress --data-dir "$dir" 2>&1); code=$?
  if [ $code -eq 64 ] && echo "$err" | grep -q -- "--data-dir must"; then ok "--data-dir '$dir' is a usage error (64)"; else fail "--data-dir '$dir' (exit $code)" "$err"; fi
done

# Impossible values through progress --import: the file is rejected naming record and field, nothing changes.
ID="$WORK/import-bad"
"$BIN" progress --import "$ROOT/Tests/Fuzz/corpus/progress/valid-export.json" --data-dir "$ID" >/dev/null 2>&1
for f in answered-at:answeredAt stability:stability new-per-day:'settings\["new_per_day"\]'; do
  file="$ROOT/Tests/Fuzz/corpus/progress/bad-${f%%:*}.json"
  err=$("$BIN" progress --import "$file" --data-dir "$WORK/import-fresh" 2>&1); code=$?
  if [ $code -eq 64 ] && echo "$err" | grep -qE "${f#*:}" && [ "$(answered "$WORK/import-fresh")" = 0 ]; then ok "progress --import bad-${f%%:*}.json is rejected naming the field; nothing imported"
  else fail "progress --import bad-${f%%:*}.json (exit $code)" "$err"; fi
done
out=$("$BIN" progress --data-dir "$ID" 2>&1); code1=$?
printf '\n\n\n' | "$BIN" quiz tcp-vs-udp --plain --lang en --data-dir "$ID" >/dev/null 2>&1; code2=$?
if [ $code1 -eq 0 ] && [ $code2 -eq 0 ]; then ok "after a valid import, progress and quiz work"; else fail "progress ($code1) / quiz ($code2) after import" "$out"; fi

# Impossible values already in the database (an older import): progress and the quiz still work.
BD="$WORK/bad-rows"
"$BIN" progress --json --data-dir "$BD" >/dev/null
python3 - "$BD/progress.sqlite" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO attempt (question_id, lesson, kind, answered_at, correct, score, rating, duration_ms, response, source) VALUES ('tcp-vs-udp/netflix', 'tcp-vs-udp', 'choice', 1e300, 1, 1, 3, 1, '1', 'quiz')")
c.execute("INSERT INTO card (question_id, state, step, stability, difficulty, due, last_review) SELECT question_id, 2, NULL, 1e308, 5, 1700000000, 1699000000 FROM (SELECT 'tcp-vs-udp/netflix' AS question_id UNION SELECT 'tcp-vs-udp/dns')")
c.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('new_per_day', '-5')")
c.commit()
PY
out=$("$BIN" progress --data-dir "$BD" 2>&1); c1=$?
out2=$(yes '' | head -100 | "$BIN" quiz --plain --lang en --data-dir "$BD" 2>&1); c2=$?
if [ $c1 -eq 0 ] && [ $c2 -eq 0 ] && echo "$out2" | grep -q "Done:"; then ok "impossible stored values (a date in 1e300, stability 1e308, new_per_day -5): progress and quiz still work"
else fail "stored impossible values: progress exit $c1, quiz exit $c2" "$(echo "$out $out2" | tail -5)"; fi

# Damage in later pages: three late 4 KB pages of a large store overwritten.
CD="$WORK/corrupt"
"$BIN" progress --json --data-dir "$CD" >/dev/null
python3 - "$CD/progress.sqlite" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executemany("INSERT INTO attempt (question_id, lesson, kind, answered_at, correct, score, rating, duration_ms, response, source) VALUES (?,?,?,?,?,?,?,?,?,?)",
              [(f"tcp-vs-udp/q{i}", "tcp-vs-udp", "choice", 1750000000.0 + i * 60, 1, 1.0, 3, 4000, "answer " * 8, "quiz") for i in range(20000)])
c.commit(); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()
pages = os.path.getsize(sys.argv[1]) // 4096
with open(sys.argv[1], "r+b") as f:
    for p in (pages - 3, pages - 50, pages - 120):
        f.seek(p * 4096); f.write(bytes((i * 131 + 7) % 256 for i in range(4096)))
PY
err=$("$BIN" progress --json --data-dir "$CD" 2>&1 >/dev/null); code=$?
aside=$(ls "$CD" | grep -c 'progress.sqlite.corrupt-')
n=$(answered "$CD")
if [ $code -eq 0 ] && [ "$aside" -ge 1 ] && echo "$err" | grep -q "damaged" && [ "${n:-0}" -gt 10000 ]; then ok "a store damaged in later pages is moved aside and $n of 20000 answers salvaged"
else fail "damaged store (exit $code, aside $aside, answered ${n:-?})" "$err"; fi
err2=$("$BIN" progress --export "$WORK/after.json" --data-dir "$CD" 2>&1); c2=$?
err3=$("$BIN" reset --yes --data-dir "$CD" 2>&1); c3=$?
if [ $c2 -eq 0 ] && [ $c3 -eq 0 ] && ! echo "$err2$err3" | grep -q damaged; then ok "after salvage, --export and reset --yes work and the damage is said once"; else fail "export ($c2) / reset ($c3) after salvage" "$err2 $err3"; fi

# A database locked by another process through a 20-answer quiz: quiz --plain neither waits
# 5 s an answer nor loses one; the journal is replayed when the lock goes.
LD="$WORK/locked-plain"
"$BIN" progress --json --data-dir "$LD" >/dev/null
hold_lock "$LD/progress.sqlite" "$LD/held" "$LD/release" || fail "python could not lock the database"
start=$(date +%s)
out=$(yes '' | head -400 | timeout 90 "$BIN" quiz --plain --new-per-day 20 --lang en --data-dir "$LD" 2>&1); code=$?
took=$(( $(date +%s) - start ))
before=$(wc -l 2>/dev/null < "$LD/pending-answers.jsonl" || echo 0)
touch "$LD/release"; wait $LOCKPID
n=$(answered "$LD")
if [ $code -eq 0 ] && [ "$took" -lt 20 ] && echo "$out" | grep -q "Saving later" && [ "$before" = 20 ] && [ "$n" = 20 ] && [ ! -s "$LD/pending-answers.jsonl" ]; then
  ok "quiz --plain under an exclusive lock: 20 answers in ${took}s, journaled, all 20 in the store after the lock"
else fail "quiz --plain under a lock (exit $code, ${took}s, journal $before, answered ${n:-?})" "$(echo "$out" | tail -5)"; fi

# The same in the TUI: never frozen, the footer says saving later, every answer kept.
TD="$WORK/locked-tui"
"$BIN" progress --json --data-dir "$TD" >/dev/null
hold_lock "$TD/progress.sqlite" "$TD/held" "$TD/release" || fail "python could not lock the database"
keys "clear; $BIN --lang en --data-dir $TD quiz --new-per-day 20; echo EXIT=\$?" Enter
saw_later=0
for i in $(seq 1 20); do
  wait_for "$i/20" || { fail "TUI question $i under a lock" "$(screen)"; break; }
  for _ in $(seq 1 12); do
    s=$(screen)
    echo "$s" | grep -qF "saving later" && saw_later=1
    if echo "$s" | grep -qF "Next review: in"; then break; fi
    if echo "$s" | grep -qF "Choose an answer first"; then keys Down Enter
    elif echo "$s" | grep -qF "Choose first: mark options"; then keys Space Enter
    elif echo "$s" | grep -qF "Choose first: t for true"; then keys Down Enter
    else keys Enter
    fi
    sleep 0.3
  done
  screen | grep -qF "saving later" && saw_later=1
  keys Enter
done
wait_for "of 20 correct." || fail "TUI quiz under a lock ends with its summary" "$(screen)"
keys Enter
wait_for "EXIT=0" || fail "TUI quiz under a lock exits cleanly" "$(screen)"
touch "$TD/release"; wait $LOCKPID
n=$(answered "$TD")
if [ "$saw_later" = 1 ] && [ "$n" = 20 ]; then ok "TUI quiz under an exclusive lock: the footer said saving later, all 20 answers in the store after the lock"
else fail "TUI quiz under a lock (saw 'saving later': $saw_later, answered ${n:-?})" "$(screen)"; fi

# kill -9 while answers wait in the journal: those given are replayed at the next start.
KD="$WORK/locked-kill"
"$BIN" progress --json --data-dir "$KD" >/dev/null
hold_lock "$KD/progress.sqlite" "$KD/held" "$KD/release" || fail "python could not lock the database"
mkfifo "$KD/answers"
"$BIN" quiz --plain --new-per-day 20 --lang en --data-dir "$KD" < "$KD/answers" >/dev/null 2>&1 &
qpid=$!
exec 7> "$KD/answers"; printf '\n\n\n' >&7
for _ in $(seq 1 100); do [ "$(wc -l 2>/dev/null < "$KD/pending-answers.jsonl" || echo 0)" -ge 3 ] && break; sleep 0.1; done
kill -9 $qpid 2>/dev/null; wait $qpid 2>/dev/null; exec 7>&-
touch "$KD/release"; wait $LOCKPID
n=$(answered "$KD")
if [ "$n" = 3 ]; then ok "kill -9 with 3 answers in the journal: all 3 are in the store at the next start"; else fail "kill -9 mid-journal (answered ${n:-?})"; fi

# --- issue 15b: the journal never follows a link; JSON never carries raw C1 or DEL ---
# A link planted as the journal: answers under a lock are not appended where it points.
SD="$WORK/journal-link"
"$BIN" progress --json --data-dir "$SD" >/dev/null
: > "$WORK/outside.txt"; ln -s "$WORK/outside.txt" "$SD/pending-answers.jsonl"
hold_lock "$SD/progress.sqlite" "$SD/held" "$SD/release" || fail "python could not lock the database"
out=$(printf '2\n\n' | "$BIN" quiz cors --plain --lang en --data-dir "$SD" 2>&1)
touch "$SD/release"; wait $LOCKPID
if [ ! -s "$WORK/outside.txt" ] && echo "$out" | grep -q "Not saved"; then ok "a symlinked journal is never appended to (the answer is not saved)"
else fail "symlinked journal: $(wc -c < "$WORK/outside.txt") bytes written outside" "$out"; fi
# ... nor truncated, by progress or by reset --yes.
# (The target holds as many bytes as the link's own text: the old check sized the link.)
rm "$SD/pending-answers.jsonl"; v="$WORK/victim.txt"; precious=$(printf '%*s' $((${#v} - 1)) '' | tr ' ' p)
printf '%s\n' "$precious" > "$v"; ln -s "$v" "$SD/pending-answers.jsonl"
"$BIN" progress --data-dir "$SD" >/dev/null 2>&1; "$BIN" reset --yes --data-dir "$SD" >/dev/null 2>&1
if [ "$(cat "$v")" = "$precious" ]; then ok "a symlinked journal is never truncated (progress, reset --yes)"; else fail "symlinked journal truncated its target"; fi
# An imported response with C1 and DEL comes out of --export - escaped, and imports again.
python3 - "$ROOT/Tests/Fuzz/corpus/progress/valid-export.json" "$WORK/c1.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1])); e["attempts"][0]["response"] = "\u009b2J\u009d0;PWN\u009c\u007f"
json.dump(e, open(sys.argv[2], "w"), ensure_ascii=False)
PY
CD1="$WORK/c1-import"
"$BIN" progress --import "$WORK/c1.json" --data-dir "$CD1" >/dev/null 2>&1
"$BIN" progress --export - --data-dir "$CD1" > "$WORK/c1-out.json" 2>/dev/null
if ! LC_ALL=C grep -qP '\x7f|\xc2[\x80-\x9f]' "$WORK/c1-out.json" && grep -q 'u009b2J' "$WORK/c1-out.json" \
   && "$BIN" progress --import "$WORK/c1-out.json" --data-dir "$WORK/c1-again" >/dev/null 2>&1; then ok "progress --export - escapes C1 and DEL; the export imports again"
else fail "progress --export - carries raw C1/DEL" "$(cat -v "$WORK/c1-out.json" | grep response)"; fi
