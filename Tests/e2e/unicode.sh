# Sourced by run.sh (its helpers, $BIN, $WORK, $T): emoji clusters at 80x24. A lesson title
# with a ZWJ family, two flags, a variation selector and a combining mark must keep every
# framed row exactly 80 columns as tmux counts them (wcwidth per scalar), so no border shifts
# and no stale cell is left behind.
EM="$WORK/emoji/Content/en"; mkdir -p "$EM"
sed -e 's/^id: .*/id: emoji-test/' -e 's/^topic: .*/topic: foundations/' -e 's/^order: .*/order: 1/' \
    -e 's/^title: .*/title: "Family 👨‍👩‍👧‍👦 flags 🇰🇷🇯🇵 heart ❤️ é done, and more words"/' \
    -e 's/^summary: .*/summary: "👨‍👩‍👧‍👦🇰🇷🇯🇵 x"/' "$ROOT/Content/en/blocking-async.md" > "$EM/emoji-test.md"
keys "clear; $BIN --content $WORK/emoji --lang en --data-dir $WORK/emoji-data; echo EXIT=\$?" Enter
expect_screen "emoji: home lists the lesson" "Family"
sleep 0.3
screen > "$WORK/emoji.txt"
out=$(python3 - "$WORK/emoji.txt" <<'PY'
import sys, unicodedata
def w(ch):
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"): return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
rows = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.startswith(("│", "┌", "└"))]
bad = [f"{sum(map(w, l))}: {l}" for l in rows if sum(map(w, l)) != 80]
print("\n".join(bad) if bad else f"{len(rows)} rows"); sys.exit(1 if bad or len(rows) < 10 else 0)
PY
)
if [ $? -eq 0 ]; then ok "emoji: ZWJ family, flags, VS16 and a combining mark keep the borders at 80 columns ($out)"; else fail "emoji: a framed row is not 80 columns" "$out"; fi
keys q
if wait_for "EXIT=0"; then ok "emoji: quits cleanly"; else fail "emoji: quit" "$(screen)"; fi
