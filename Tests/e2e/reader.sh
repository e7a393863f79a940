# Sourced by run.sh (its helpers, $BIN, $WORK, $T and $N): the reader and home at 80x24, read
# from the screen, then the glossary command.
# 10f. Reader and home at 80x24 in both languages, read from the screen: the help scrolls to its
# last key, the glossary finds terms (English and Hangul), a lesson's search steps through its
# hits, the contents jump, home offers the lesson to resume, keys behind the enlarge notice do
# nothing and q quits there.
# The search's "hit/hits" from the bottom row (e.g. 3/27), empty when not shown.
hit_count() { screen | tail -1 | grep -oE '[0-9]+/[0-9]+( |$)' | head -1 | tr -d ' '; }
expect_hits() {  # expect_hits DESCRIPTION INDEX|any: the bottom row counts hits, at INDEX when given
  local c=""; for _ in $(seq 1 50); do c=$(hit_count); [ -n "$c" ] && [ "${c#*/}" -gt 0 ] && { [ "$2" = any ] || [ "${c%/*}" = "$2" ]; } && break; sleep 0.1; done
  if [ -n "$c" ] && [ "${c#*/}" -gt 0 ] && { [ "$2" = any ] || [ "${c%/*}" = "$2" ]; }; then ok "$1 ($c)"; else fail "$1 (counted '$c', wanted $2)" "$(screen)"; fi
}
esc() { keys Escape; sleep 0.2; }  # alone, so the next key is not read as Alt-key
# The shipped glossary's size, counted from the file (a "- term:" line per entry).
NG=$(grep -c '^- term:' "$ROOT/Content/glossary.yaml")
for L in ko en; do
  if [ $L = ko ]; then GL="용어집 ($NG)"; GP="용어 검색: "; SP="찾기: "; TOC="목차"; RES="c 이어 읽기: TCP 3-way"; HH="도움말: 키"; Q="퀴즈: 지금"; SQ="연결"; LIST="레슨 ($N)"
  else GL="Glossary ($NG)"; GP="Search terms: "; SP="Search: "; TOC="Contents"; RES="c continue: TCP 3-way"; HH="Help: keys"; Q="Quiz: now"; SQ="connection"; LIST="Lessons ($N)"; fi
  RD="$WORK/reader-$L"
  keys "clear; $BIN --lang $L --data-dir $RD; echo EXIT=\$?" Enter
  expect_screen "$L: home" "nettutor - "
  # Help over a quiz is taller than 24 rows: it scrolls to its last key and says how.
  keys t
  sleep 0.5
  keys "?"
  expect_screen "$L: ? opens the quiz help" "$HH"
  expect_screen "$L: it starts with the quiz's keys of now" "$Q"
  expect_screen "$L: help says it scrolls" "PgUp PgDn"
  expect_no_screen "$L: the global keys are below the edge at first" "Ctrl-Z"
  keys PageDown PageDown PageDown
  expect_screen "$L: PgDn scrolls the help to the global keys" "Ctrl-Z"
  expect_screen "$L: and to the last one" "Ctrl-C"
  keys Up
  expect_screen "$L: ↑ scrolls back, help still open" "$HH"
  keys x
  expect_no_screen "$L: another key closes the help" "$HH"
  esc
  expect_screen "$L: back home from the quiz" "nettutor - "
  # The glossary from home: all $NG terms, search by an English prefix and by Hangul.
  keys w
  expect_screen "$L: w opens the glossary" "$GL"
  keys "/"
  keys -l "slow st"
  expect_screen "$L: typing searches the terms" "${GP}slow st"
  expect_screen "$L: the best match's definitions in both languages" "─ Slow start ─"
  expect_screen "$L: the Korean definition is on screen" "[한국어]"
  expect_screen "$L: and the English one" "[English]"
  keys Enter; esc; keys "/"
  keys -l "혼잡"
  expect_screen "$L: Hangul finds a term by its Korean definition" "─ cwnd ─"
  keys Enter q q
  expect_screen "$L: q clears the search, then leaves the glossary" "nettutor - "
  # Search inside a lesson: Hangul or English, n/N through the hits, the count shown.
  keys "/"
  keys -l "3-way"
  keys Enter Enter
  if [ $L = ko ]; then HS="TCP 3-way 핸드셰이크"; else HS="TCP 3-way handshake"; fi
  expect_screen "$L: the handshake lesson opens" "$HS"
  keys "/"
  keys -l "TIME-WAIT"
  expect_screen "$L: / types the search on the bottom line" "${SP}TIME-WAIT"
  expect_hits "$L: the first hit is counted" 1
  keys Enter n n
  expect_hits "$L: n steps to the third hit" 3
  keys N
  expect_hits "$L: N steps back" 2
  if screen | sed -n '3,23p' | grep -q "TIME-WAIT"; then ok "$L: the hit is on screen"; else fail "$L: the hit is on screen" "$(screen)"; fi
  esc; keys "/"
  keys -l "$SQ"
  keys Enter
  expect_hits "$L: a second search ($SQ), Hangul in Korean, counted from the screen's top" any
  esc; keys o
  expect_screen "$L: o opens the contents" "─ $TOC ─"
  keys Down Down Enter
  expect_no_screen "$L: Enter jumps and closes the contents" "─ $TOC ─"
  keys q q q
  expect_screen "$L: q back home, q clears the filter, q quits" "EXIT=0"
  # Restarted: home offers the lesson read last.
  keys "clear; $BIN --lang $L --data-dir $RD; echo EXIT=\$?" Enter
  expect_screen "$L: home offers to continue the last lesson" "$RES"
  keys c
  expect_screen "$L: c reopens it where reading stopped" "━━━"
  keys q
  # Behind the enlarge notice keys do nothing; q quits there.
  $T resize-window -t e2e -x 30 -y 10
  expect_screen "$L: the enlarge notice" "q, Ctrl-C"
  keys Down Down Enter
  $T resize-window -t e2e -x 80 -y 24
  expect_screen "$L: back at 80x24, still home" "nettutor - "
  expect_screen "$L: the keys pressed behind the notice opened nothing" "$LIST"
  $T resize-window -t e2e -x 30 -y 10
  keys q
  expect_screen "$L: q quits behind the notice" "EXIT=0"
  $T resize-window -t e2e -x 80 -y 24
done
keys "clear; $BIN --no-mouse --lang en --data-dir $RD; echo EXIT=\$?" Enter
expect_screen "--no-mouse starts the TUI" "nettutor - "
keys q
expect_screen "and it quits" "EXIT=0"


# nettutor glossary: prefix match in English or Hangul, both languages, JSON, exit 1 on no match (as grep).
out=$("$BIN" glossary ACK --lang ko); code=$?
if [ $code -eq 0 ] && [ "$(printf '%s\n' "$out" | head -1)" = "ACK" ] && printf '%s' "$out" | grep -q "확인 응답" && printf '%s' "$out" | grep -q "Acknowledgment"; then ok "glossary ACK: the term with both definitions"; else fail "glossary ACK (exit $code)" "$out"; fi
out=$("$BIN" glossary 혼잡 --lang ko); code=$?
if [ $code -eq 0 ] && printf '%s\n' "$out" | grep -qx "cwnd"; then ok "glossary with a Hangul prefix finds cwnd by its Korean definition"; else fail "glossary 혼잡 (exit $code)" "$out"; fi
out=$("$BIN" glossary --json | python3 -c 'import json,sys; e=json.load(sys.stdin); assert all(set(x)=={"term","ko","en"} for x in e); print(len(e))'); code=$?
if [ $code -eq 0 ] && [ "$out" = "$NG" ] && [ "$NG" -ge 220 ]; then ok "glossary --json: all $NG terms with ko and en"; else fail "glossary --json ($NG in the file)" "$out"; fi
err=$("$BIN" glossary zzzz 2>&1); code=$?
if [ $code -eq 1 ] && echo "$err" | grep -q "zzzz"; then ok "glossary with no match: exit 1 and why"; else fail "glossary no match (exit $code)" "$err"; fi
