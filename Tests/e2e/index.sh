# Sourced by run.sh. The content index (a cache of what every lesson and quiz file says, kept
# under $XDG_CACHE_HOME/nettutor): what a file now says shows on the next start, whether it was
# edited (even to the same size within the same second), added or deleted; a damaged index is
# rebuilt without a word; a cache folder that cannot be written only costs speed.
echo "content index"
IX="$WORK/ix"; IXC="$WORK/ix-cache"
mkdir -p "$IX/Content/en" "$IX/Content/ko" "$IX/Quizzes"
for l in en ko; do cp "$ROOT/Content/$l/tcp-handshake.md" "$ROOT/Content/$l/tcp-vs-udp.md" "$IX/Content/$l/"; done
cp "$ROOT/Quizzes/tcp-handshake.yaml" "$IX/Quizzes/"
# Files written in the last 2 s are not recorded (a second write in the same mtime tick could
# keep the size), so the copies are dated back.
age() { find "$IX" -type f -exec touch -d "@$(( $(date +%s) - 10 ))" {} +; }
age
ix() { XDG_CACHE_HOME="$IXC" "$BIN" --content "$IX" --content-only --data-dir "$WORK/ix-data" --lang en "$@" 2>&1; }
titles() { ix lessons --json | python3 -c 'import json,sys; print("\n".join(sorted(l["title"] for l in json.load(sys.stdin))))'; }
questions() { ix progress --json | python3 -c 'import json,sys; print(sum(t["questions"] for t in json.load(sys.stdin)["topics"]))'; }

before=$(titles); q0=$(questions)
if echo "$before" | grep -q "TCP 3-way handshake" && [ -n "$(find "$IXC/nettutor" -type f 2>/dev/null)" ]; then ok "index: the first start writes the cache"
else fail "index: first start (cache: $(find "$IXC" -type f 2>/dev/null | head -3))" "$before"; fi

# The same size, the same second: only the nanoseconds of the mtime differ.
f="$IX/Content/en/tcp-handshake.md"
python3 - "$f" <<'PY'
import os, sys
p = sys.argv[1]; st = os.stat(p)
t = open(p, encoding="utf-8").read().replace("title: TCP 3-way handshake", "title: TCP 3-WAY HANDSHAKE", 1)
open(p, "w", encoding="utf-8").write(t)
os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns - st.st_mtime_ns % 1_000_000_000 + (st.st_mtime_ns + 1) % 1_000_000_000))
PY
after=$(titles)
if echo "$after" | grep -q "TCP 3-WAY HANDSHAKE" && ! echo "$after" | grep -q "TCP 3-way handshake"; then ok "index: an edit of the same size in the same second shows on the next start"
else fail "index: same-size edit not seen" "$after"; fi

for l in en ko; do sed 's/^id: tcp-vs-udp$/id: index-added/' "$IX/Content/$l/tcp-vs-udp.md" | sed 's/^title: .*/title: Added lesson/' > "$IX/Content/$l/index-added.md"; done
age; t=$(titles)
if echo "$t" | grep -q "Added lesson"; then ok "index: an added lesson shows on the next start"; else fail "index: added lesson" "$t"; fi
rm "$IX/Content/en/index-added.md" "$IX/Content/ko/index-added.md"
t=$(titles)
if ! echo "$t" | grep -q "Added lesson"; then ok "index: a deleted lesson is gone on the next start"; else fail "index: deleted lesson still listed" "$t"; fi

python3 - "$IX/Quizzes/tcp-handshake.yaml" <<'PY'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read()
first = t.split("  - id: ")[1]
open(p, "a", encoding="utf-8").write("  - id: tcp-handshake/index-extra" + first[first.index("\n"):])
PY
q1=$(questions)
if [ "$q1" = $((q0 + 1)) ]; then ok "index: a question added to a quiz file counts on the next start ($q0 -> $q1)"; else fail "index: quiz edit ($q0 -> $q1)"; fi

# Damage every index file: garbage, then cut short; the answers stay right and nothing is said.
for damage in garbage truncate; do
  find "$IXC/nettutor" -type f | while read -r c; do
    if [ $damage = garbage ]; then head -c 4096 /dev/urandom > "$c"; else head -c 37 "$c" > "$c.t" 2>/dev/null; mv "$c.t" "$c"; fi
  done
  out=$(titles); err=$(ix lessons 2>&1 >/dev/null)
  if [ "$out" = "$after" ] && [ -z "$err" ]; then ok "index: a $damage index file is rebuilt silently"; else fail "index: $damage index (stderr: $err)" "$out"; fi
done

# A cache folder that cannot be written (a file where the folder should be): same answers.
: > "$WORK/ix-notdir"
out=$(XDG_CACHE_HOME="$WORK/ix-notdir" "$BIN" --content "$IX" --content-only --data-dir "$WORK/ix-data" --lang en lessons --json 2>&1 | python3 -c 'import json,sys; print("\n".join(sorted(l["title"] for l in json.load(sys.stdin))))' 2>&1)
if [ "$out" = "$after" ]; then ok "index: an unusable cache folder only costs speed"; else fail "index: unusable cache folder" "$out"; fi
