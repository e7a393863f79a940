# Sourced by run.sh (it defines keys, screen, wait_for, ok, fail, BIN, WORK): the quiz as
# the user meets it at 80x24.

# 10f. Ten new questions of one lesson (blocking-async: 5 choice, 2 true/false, 3 typed),
# answered by pressing Enter without choosing: Enter alone submits nothing and asks to choose;
# taking the first option shown then (what Enter used to do: it scored 5 of 10 here) scores no
# better than chance, because the options are shuffled.
ED="$WORK/enterdata"
keys "clear; $BIN --lang en --data-dir $ED quiz blocking-async --due; echo EXIT=\$?" Enter
expect_screen "a lesson's review has ten new questions" "1/10"
asked=0; first_choice=""
for i in $(seq 1 10); do
  wait_for "$i/10" || { fail "question $i of the review" "$(screen)"; break; }
  for _ in $(seq 1 12); do
    s=$(screen)
    if echo "$s" | grep -qF "Next review: in"; then break; fi
    if echo "$s" | grep -qF "Choose an answer first"; then
      asked=$((asked + 1)); [ -z "$first_choice" ] && first_choice="$s"; keys Down Enter
    elif echo "$s" | grep -qF "Choose first: mark options"; then asked=$((asked + 1)); keys Space Enter
    elif echo "$s" | grep -qF "Choose first: t for true"; then asked=$((asked + 1)); keys Down Enter
    else keys Enter
    fi
    sleep 0.4
  done
  keys Enter
done
expect_screen "the review ends with its summary" "of 10 correct."
score=$(screen | grep -oE '[0-9]+ of 10 correct' | grep -oE '^[0-9]+')
if [ "$asked" -ge 3 ] && echo "$first_choice" | grep -qE '\( \) 1\.' && ! echo "$first_choice" | grep -qF '(•)'; then
  ok "Enter with nothing chosen asks to choose ($asked times) instead of submitting; no option starts chosen"
else fail "Enter without choosing (asked $asked times)" "$first_choice"; fi
# Chance on these ten is about 1.25 (1/4 for each choice; both true/false answers are false and
# the first shown is True); 3 allows for luck.
if [ -n "$score" ] && [ "$score" -le 3 ]; then ok "Enter-mashing scores $score of 10, no better than chance"; else fail "Enter-mashing scored ${score:-?} of 10" "$(screen)"; fi
keys Enter
expect_screen "quit after the review" "EXIT="

# 10g. An interview answer at 80x24, in English and Korean: after the answer, ↓ brings every
# rubric point on screen, while the rating line and the intervals stay; the footer says Enter
# finishes. The rubric of today's interview question is read from the plain quiz (same seed).
interview_80x24() {  # interview_80x24 LANG RATING_LABEL
  local IV="$WORK/interview-$1"
  printf 'x\n' | "$BIN" quiz --interview --count 1 --plain --lang "$1" --data-dir "$IV-plain" > "$WORK/rubric-$1.txt" 2>&1
  python3 - "$WORK/rubric-$1.txt" "$1" > "$WORK/points-$1.txt" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
start = next(i for i, l in enumerate(lines) if "Model answer:" in l or "모범 답안:" in l)  # after the prompt
n = 12 if sys.argv[2] == "ko" else 28  # a prefix that fits on a point's first row
for l in lines[start + 1:]:
    m = re.match(r"  (\d+)\) (.*)", l)
    if not m: break
    print(m.group(2)[:n])
PY
  local points; points=$(wc -l < "$WORK/points-$1.txt")
  keys "clear; $BIN --lang $1 --data-dir $IV quiz --interview --count 1; echo EXIT=\$?" Enter
  wait_for "1/1" || fail "interview ($1) starts" "$(screen)"
  keys -l "TIME-WAIT"
  keys Enter
  : > "$WORK/seen-$1.txt"; local rating_always=1
  for _ in $(seq 1 40); do
    sleep 0.15
    screen > "$WORK/cap-$1.txt"
    grep -qF "$2" "$WORK/cap-$1.txt" || rating_always=0
    cat "$WORK/cap-$1.txt" >> "$WORK/seen-$1.txt"
    keys Down
  done
  local missing=0
  while IFS= read -r p; do grep -qF -- "$p" "$WORK/seen-$1.txt" || { missing=$((missing + 1)); echo "missing: $p"; }; done < "$WORK/points-$1.txt" > "$WORK/missing-$1.txt"
  if [ "$points" -ge 3 ] && [ "$missing" -eq 0 ]; then ok "interview ($1): all $points rubric points read from the 80x24 screen"; else fail "interview ($1): rubric points on screen" "$(cat "$WORK/missing-$1.txt"; cat "$WORK/cap-$1.txt")"; fi
  if [ "$rating_always" -eq 1 ] && grep -qE "1 (Again|다시) [0-9]+ ?(min|분)" "$WORK/cap-$1.txt"; then ok "interview ($1): the rating line and each key's interval stay on screen"; else fail "interview ($1): rating line" "$(cat "$WORK/cap-$1.txt")"; fi
  if grep -qE "Enter (finish with this rating|이 평가로 마치기)" "$WORK/cap-$1.txt"; then ok "interview ($1): the footer says Enter finishes"; else fail "interview ($1): footer" "$(tail -1 "$WORK/cap-$1.txt")"; fi
  keys Enter
  expect_screen "interview ($1): graded and scheduled" "$3"
  keys Escape
  wait_for "EXIT=0" || fail "interview ($1) quits" "$(screen)"
}
interview_80x24 en "Rating: " "Next review: in"
interview_80x24 ko "평가: " "다음 복습:"
