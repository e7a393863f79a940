#!/usr/bin/env bash
# End-to-end test of the real binary in tmux at 80x24 with a UTF-8 locale: navigate, type
# Hangul, read a Korean table, switch language, resize, quit by q / Ctrl-C / SIGTERM, and check
# the shell's terminal settings are restored each time. Also the non-TTY commands.
# Usage: Tests/e2e/run.sh path/to/nettutor
set -u
BIN=$(realpath "${1:?usage: run.sh NETTUTOR_BINARY}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
# The content index of every run goes to this run's folder, never the user's cache.
export XDG_CACHE_HOME="$WORK/cache"
SOCK="nettutor-e2e-$$"
T="tmux -L $SOCK -f /dev/null"
passed=0; failed=0
trap '$T kill-server 2>/dev/null; sleep 0.2; rm -rf "$WORK" 2>/dev/null || true' EXIT

ok()   { passed=$((passed + 1)); echo "  ok   $1"; }
fail() { failed=$((failed + 1)); echo "  FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/       | /'; }
screen() { $T capture-pane -p -t e2e; }
keys() { $T send-keys -t e2e "$@"; }
# Waits (polling, up to 10 s) until the pane shows the text.
wait_for() {
  for _ in $(seq 1 100); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
  return 1
}
expect_screen() {  # expect_screen DESCRIPTION TEXT
  if wait_for "$2"; then ok "$1"; else fail "$1 (no '$2' on screen)" "$(screen)"; fi
}
expect_no_screen() {
  sleep 0.3
  if screen | grep -qF -- "$2"; then fail "$1 ('$2' still on screen)" "$(screen)"; else ok "$1"; fi
}
# Every line of the capture is at most WIDTH display columns, and all table rows put their
# column separators at the same display columns (Hangul counted as 2).
check_alignment() {
  screen > "$WORK/cap.txt"
  python3 - "$WORK/cap.txt" "$1" <<'PY'
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
width = int(sys.argv[2])
def w(ch):
    if unicodedata.combining(ch): return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1
def cols(line):
    out, c = [], 0
    for ch in line:
        if ch in "│┼┬┴├┤┌┐└┘": out.append(c)
        c += w(ch)
    return out, c
table = [l for l in lines if l.strip().startswith(("│", "├", "┌", "└")) and ("┼" in l or l.count("│") >= 3 or "┬" in l or "┴" in l)]
if len(table) < 4: print("no table on screen"); sys.exit(1)
seps = {tuple(cols(l)[0]) for l in table}
if len(seps) != 1: print("misaligned:", *table, sep="\n"); sys.exit(1)
if not any(any(0xAC00 <= ord(ch) <= 0xD7A3 for ch in l) for l in table): print("no Hangul in table"); sys.exit(1)
too_wide = [l for l in lines if cols(l)[1] > width]
if too_wide: print("wider than", width, *too_wide, sep="\n"); sys.exit(1)
PY
}
start_app() {  # start_app ARGS...: run nettutor in the pane's shell, then print its exit code
  keys "clear; stty -a > $WORK/stty-before.txt; $BIN --data-dir $WORK/data $* ; echo EXIT=\$?; stty -a > $WORK/stty-after.txt" Enter
}
check_restored() {  # check_restored DESCRIPTION EXPECTED_EXIT
  if wait_for "EXIT=$2"; then ok "$1 exits with $2"; else fail "$1 exits with $2" "$(screen)"; return; fi
  for _ in $(seq 1 50); do [ -s "$WORK/stty-after.txt" ] && break; sleep 0.1; done
  if diff -q "$WORK/stty-before.txt" "$WORK/stty-after.txt" >/dev/null; then ok "$1 restores the terminal (stty -a unchanged)"
  else fail "$1 restores the terminal" "$(diff "$WORK/stty-before.txt" "$WORK/stty-after.txt")"; fi
  if screen | grep -qF "레슨 ("; then fail "$1 leaves the alternate screen" "$(screen)"; else ok "$1 leaves the alternate screen"; fi
  rm -f "$WORK/stty-after.txt"
}

echo "e2e: $BIN"
cd "$ROOT"
N=$("$BIN" lessons --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$N" -gt 0 ] || { echo "e2e: no lessons found"; echo "e2e: 0 passed, 1 failed"; exit 1; }
$T new-session -d -s e2e -x 80 -y 24 "env -i PATH=$PATH HOME=$WORK TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile"
$T set -g default-terminal tmux-256color
$T set -g escape-time 0
keys "PS1='$ '" Enter

# 1. Home in Korean, found its content from the working directory.
start_app --lang ko
expect_screen "home shows the Korean title" "네트워크 면접 튜터"
expect_screen "home groups lessons by topic" "전송 계층"
expect_screen "home lists a lesson with its summary" "TCP와 UDP"

# 2. Filter by a Hangul title fragment and open the lesson.
keys "/"
keys -l "v4와"
expect_screen "Hangul typed into the filter" "제목 검색: v4와"
expect_screen "filter leaves one lesson" "레슨 (1)"
keys Enter Enter
expect_screen "the lesson opens in the reader" "IPv4와 IPv6"
expect_screen "the reader shows a position indicator" "1-21/"

# 3. Scroll to the Korean comparison table and check alignment.
for _ in 1 2 3 4 5 6; do
  screen | grep -q "┼" && break
  keys PageDown; sleep 0.2
done
keys Down; sleep 0.3
if check_alignment 80 > "$WORK/align.txt" 2>&1; then ok "Hangul table rows are aligned at 80 columns"
else fail "Hangul table rows are aligned at 80 columns" "$(cat "$WORK/align.txt")"; fi

# 4. Switch language in place.
keys L
expect_screen "L switches to English in place" "[English]"
expect_screen "the same lesson in English" "IPv4 vs IPv6"

# 5. Resize to 120x40 and to 30x10.
$T resize-window -t e2e -x 120 -y 40
sleep 0.3
if [ "$(screen | wc -l)" -ge 40 ] && screen | head -1 | grep -qF "IPv4 vs IPv6"; then ok "resized to 120x40 and repainted"; else fail "resized to 120x40" "$(screen)"; fi
last=$(screen | sed -n '40p')
if echo "$last" | grep -qE "[0-9]+-[0-9]+/[0-9]+"; then ok "the key bar moved to the new bottom row"; else fail "key bar at row 40" "$last"; fi
$T resize-window -t e2e -x 30 -y 10
expect_screen "below 80x24 an enlarge notice shows" "Please enlarge"
$T resize-window -t e2e -x 80 -y 24
expect_screen "back to 80x24 the reader returns" "IPv4 vs IPv6"

# 6. Help overlay, then read to the end (marks read), back, quit.
keys "?"
expect_screen "? opens the help overlay" "Help: keys"
keys x
expect_no_screen "any key closes help" "Help: keys"
keys End
expect_screen "End shows the end of the lesson" "100%"
keys q
expect_screen "q returns to the lesson list, filter kept" "Lessons (1)"
keys q
expect_screen "q on a filtered list clears the filter first" "Lessons ($N)"
keys q
check_restored "quitting with q" 0

# 7. The read mark persisted in the data folder.
start_app --lang en
expect_screen "the read lesson is counted after a restart" "read 1/$N"
keys C-c
check_restored "Ctrl-C" 0

# 8. SIGTERM from outside restores the terminal too.
start_app
expect_screen "started again" "Lessons ($N)"
pkill -TERM -f -- "--data-dir $WORK/data" || true
check_restored "SIGTERM" 143

# 9. A crash (SIGSEGV) also restores the terminal before the process dies.
start_app
expect_screen "started once more" "Lessons ($N)"
pkill -SEGV -f -- "--data-dir $WORK/data" || true
check_restored "a crash (SIGSEGV)" 139

# 10. The scene player: step, rewind, drop the SYN and see it retransmitted.
keys "clear; $BIN play tcp-3way --lang en --data-dir $WORK/data; echo EXIT=\$?" Enter
expect_screen "play opens the scene player" "Scene: TCP 3-way handshake"
keys Right Right
expect_screen "stepping shows the SYN with its ordinal" "#1 SYN seq=1000"
keys Left
expect_screen "rewinding steps back one event" "1/13"
keys d
expect_screen "d drops the next segment" "Dropped: #1 SYN seq=1000"
for _ in $(seq 1 14); do keys Right; done
expect_screen "the dropped SYN is retransmitted after the RTO" "#2 SYN seq=1000"
keys q
expect_screen "leaving the player ends play" "EXIT=0"

# 10a. Go-Back-N with pkt 2 (#3) lost, read from the 80x24 screen: the loss mark where #3
# dies, each label next to a line of its own (a Braille dot within a column of the label, on
# its row or the rows above and below), the retransmissions marked with the ring arrow, and
# the ladder view one key away.
labels_attached() {  # prints each label not touching any line, or nothing
  screen | python3 -c '
import re, sys
rows = sys.stdin.read().split("\n")
def braille(c): return "\u2800" <= c <= "\u28ff" or c in "→←✕•"
bad = []
for y, row in enumerate(rows):
    for m in re.finditer(r"↻?#\d+ (pkt|ACK) \d", row):
        x0, x1 = m.start(), m.end() + 1
        near = any(braille(rows[yy][xx]) for yy in (y - 1, y, y + 1) if 0 <= yy < len(rows)
                   for xx in range(max(0, x0 - 2), min(len(rows[yy]), x1 + 2)))
        if not near: bad.append(m.group(0))
print(" ".join(bad))'
}
keys "clear; $BIN play arq-go-back-n --drop 3 --lang en --data-dir $WORK/data; echo EXIT=\$?" Enter
expect_screen "play opens Go-Back-N" "Scene: Go-Back-N ARQ"
for _ in $(seq 1 12); do keys Right; done
expect_screen "the lost packet #3 is labelled on its line" "#3 pkt 2"
expect_screen "the loss is marked where #3 dies" "✕"
missing=$(labels_attached)
if [ -z "$missing" ]; then ok "every label on screen touches a line (after the loss)"; else fail "labels away from any line: $missing" "$(screen)"; fi
# Step until the timeout's resends show (each label appears once its line has left the lifeline).
step_until() { for _ in $(seq 1 40); do screen | grep -qF -- "$1" && return 0; keys Right; sleep 0.05; done; return 1; }
step_until "↻#12 pkt 2" || true
expect_screen "the timeout resends pkt 2 as a marked retransmission" "↻#12 pkt 2"
step_until "↻#15 pkt 5" || true
expect_screen "and the rest of the window after it (Go-Back-N)" "↻#15 pkt 5"
missing=$(labels_attached)
if [ -z "$missing" ]; then ok "every label on screen touches a line (retransmissions)"; else fail "labels away from any line: $missing" "$(screen)"; fi
keys v
expect_screen "v switches to the ladder view" "Ladder view: one row per message"
expect_screen "the ladder puts each label on its own horizontal arrow" "──↻#12 pkt 2──"
keys q
expect_screen "leaving Go-Back-N ends play" "EXIT=0"

# 10b. The congestion-window lab: step to round 10, inject a timeout, see the curve drop.
keys "clear; $BIN cwnd --lang en --data-dir $WORK/data; echo EXIT=\$?" Enter
expect_screen "cwnd opens the congestion window lab" "Congestion window lab: Reno (textbook)"
for _ in $(seq 1 9); do keys Right; done
expect_screen "stepping rounds with the arrow keys" "Round 10: cwnd 10, ssthresh 6"
mark_row() { screen | python3 -c 'import sys; rows=[i for i,l in enumerate(sys.stdin) if "●" in l and "cwnd (" not in l]; print(rows[0] if rows else -1)'; }
before=$(mark_row)
keys t
expect_screen "t injects a timeout in the selected round" "Timeout injected in Round 10"
keys Right
expect_screen "after the timeout the window restarts at 1" "Round 11: cwnd 1, ssthresh 5 (slow start)"
after=$(mark_row)
if [ "$before" -ge 0 ] && [ "$after" -gt "$before" ] && screen | grep -qF "✕TO"; then ok "the curve drops after the timeout (cursor mark row $before -> $after, ✕TO marked)"
else fail "the curve drops after the timeout (rows $before -> $after)" "$(screen)"; fi
keys c
expect_screen "c compares Tahoe, Reno and CUBIC" "Tahoe/Reno/CUBIC"
keys q
expect_screen "leaving the lab ends cwnd" "EXIT=0"

# 10c. The URL journey: step messages, open the TCP part as a sequence diagram, switch variant.
keys "clear; $BIN journey --lang en --data-dir $WORK/data; echo EXIT=\$?" Enter
expect_screen "journey opens the URL journey" "https://www.example.com/ • standard"
for _ in $(seq 1 5); do keys j; done
expect_screen "↓ steps to the ARP broadcast" "ff:ff:ff:ff:ff:ff"
for _ in $(seq 1 11); do keys j; done
expect_screen "the TCP handshake toward the edge" "SYN seq=1000"
keys v
expect_screen "v opens the handshake in the sequence player" "Scene: TCP 3-way handshake"
keys q
expect_screen "q returns to the journey" "On the wire: OS/NIC"
keys 5
expect_screen "5 switches to TLS 1.2" "variant: TLS 1.2"
keys q
expect_screen "leaving the journey ends it" "EXIT=0"

# 10c2. Pause, wait, resume: playback continues from where it paused (it once jumped to the end,
# because the first tick after a pause carried the whole pause).
# The title's position: the player's simulated time (t=…ms), else the step counter (N/M).
position() { screen | head -1 | python3 -c 'import re,sys; l=sys.stdin.read(); m=re.search(r"t=(\d+)ms", l) or re.search(r"(\d+)/\d+", l); print(m.group(1) if m else -1)'; }
pause_resume() {  # pause_resume NAME SLACK ARGS...: Space, play a moment, Space, wait 3 s, Space, look at once
  local name=$1 slack=$2; shift 2
  keys "clear; $BIN $* --lang en --data-dir $WORK/data; echo EXIT=\$?" Enter
  wait_for "Space" || true
  keys Space; sleep 0.4; keys Space; sleep 0.2
  local paused; paused=$(position)
  sleep 3
  keys Space; sleep 0.25
  local resumed; resumed=$(position)
  keys Space q
  if [ "$paused" -ge 0 ] && [ "$resumed" -ge "$paused" ] && [ "$resumed" -le $((paused + slack)) ]; then
    ok "$name: resuming after a 3 s pause goes on from $paused (now $resumed), no jump"
  else fail "$name: resume jumped from $paused to $resumed" "$(screen)"; fi
  wait_for "EXIT=0" || true
}
pause_resume "player (Go-Back-N, t in ms)" 150 play arq-go-back-n
pause_resume "cwnd lab (rounds)" 3 cwnd
pause_resume "URL journey (links)" 3 journey

# 10d. Quizzes: answer in the TUI, quit, restart, the dashboard shows the answer.
QD="$WORK/quizdata"
keys "clear; $BIN --lang en --data-dir $QD; echo EXIT=\$?" Enter
expect_screen "home before the quiz" "Lessons ($N)"
keys t
expect_screen "t starts the selected lesson's quiz" "Quiz: "
keys Enter
expect_screen "submitting shows the verdict and the explanation" "Why: "
keys Escape
expect_screen "Esc stops the quiz (answers saved)" "Lessons ($N)"
keys q
expect_screen "quit after the quiz" "EXIT=0"
keys "clear; $BIN --lang en --data-dir $QD; echo EXIT=\$?" Enter
expect_screen "restarted" "Lessons ($N)"
keys s
expect_screen "the dashboard after a restart shows the answer" "answered 1"
keys q q
expect_screen "quit from the dashboard" "EXIT=0"

# 10f, 10g. Quizzes that cannot be gamed by Enter; interview grading read at 80x24.
. "$ROOT/Tests/e2e/quiz.sh"

# 10e. Signals mid-animation and mid-quiz: the terminal is restored, answers given are kept.
SD="$WORK/signals"
keys "clear; stty -a > $WORK/stty-before.txt; $BIN --data-dir $SD play tcp-lost-final-ack; echo EXIT=\$?; stty -a > $WORK/stty-after.txt" Enter
expect_screen "a scene to interrupt" "Scene: "
keys Space
sleep 0.3
pkill -INT -f -- "--data-dir $SD play" || true
check_restored "SIGINT while a scene plays" 130
interrupt_quiz() {  # interrupt_quiz SIGNAL EXIT_STATUS ANSWERS_EXPECTED: answer one question, then the signal
  keys "clear; stty -a > $WORK/stty-before.txt; $BIN --data-dir $SD --lang en quiz tcp-vs-udp; echo EXIT=\$?; stty -a > $WORK/stty-after.txt" Enter
  expect_screen "a quiz to interrupt with SIG$1" "Does Netflix"
  keys 1
  expect_screen "an answer given before SIG$1" "Why: "
  pkill -"$1" -f -- "--data-dir $SD --lang en quiz" || true
  check_restored "SIG$1 in the middle of a quiz" "$2"
  if [ "$("$BIN" progress --json --data-dir "$SD" | python3 -c 'import json,sys; print(json.load(sys.stdin)["answered"])')" = "$3" ]; then ok "the answer given before SIG$1 is in the database"; else fail "answer kept after SIG$1"; fi
}
interrupt_quiz HUP 129 1
interrupt_quiz TERM 143 2
# (The program alone on the command line: a stopped job would let the shell run the rest of a list.)
keys "clear; stty -a > $WORK/stty-before.txt" Enter
keys "$BIN --data-dir $SD cwnd" Enter
expect_screen "a lab to suspend" "Congestion window lab"
keys Space
pkill -TSTP -f -- "--data-dir $SD cwnd" || true
expect_screen "SIGTSTP suspends it to the shell" "Stopped"
keys "clear; fg" Enter
expect_screen "fg continues it (SIGCONT), repainted" "Congestion window lab"
keys q
keys "echo EXIT=\$?; stty -a > $WORK/stty-after.txt" Enter
check_restored "SIGTSTP then SIGCONT (fg), then q" 0

# 10e2. TLS, QUIC, head-of-line, DNS, DHCP/ARP, CORS, WebSocket and Nagle scenes in Korean (Tests/e2e/scenes.sh).
source "$ROOT/Tests/e2e/scenes.sh"

# 10f. Reader, home, help and glossary at 80x24 in both languages (Tests/e2e/reader.sh).
source "$ROOT/Tests/e2e/reader.sh"

# 11. Non-terminal commands, hostile escapes, the fuzz replay (Tests/e2e/commands.sh).
source "$ROOT/Tests/e2e/commands.sh"

# Hostile content files and import into a folder with links (Tests/e2e/hostile-content.sh).
source "$ROOT/Tests/e2e/hostile-content.sh"

# The command line and the locale (Tests/e2e/cli.sh).
source "$ROOT/Tests/e2e/cli.sh"
# Emoji clusters keep borders in place (Tests/e2e/unicode.sh).
source "$ROOT/Tests/e2e/unicode.sh"

# Hostile input and faults (Tests/e2e/hostile.sh).
source "$ROOT/Tests/e2e/hostile.sh"

# Hostile input and faults: impossible imports, damaged pages, a locked database (Tests/e2e/faults.sh).
source "$ROOT/Tests/e2e/faults.sh"

# The content index: edits, additions, deletions, a damaged cache (Tests/e2e/index.sh).
source "$ROOT/Tests/e2e/index.sh"

# Real traffic: captures made here, read by `nettutor trace`, checked against tshark (Tests/e2e/trace.sh).
source "$ROOT/Tests/e2e/trace.sh"

# Key storm on every screen (random keys, Hangul, escape sequences, Ctrl keys, resizes).
out=$(python3 "$ROOT/Tests/e2e/storm.py" "$BIN" --keys "${STORM_KEYS:-1500}" 2>&1); code=$?
echo "$out" | grep -v "^storm:"
if [ $code -eq 0 ]; then ok "key storm: no crash, no hang, terminal restored"; else fail "key storm" "$(echo "$out" | tail -3)"; fi

echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
