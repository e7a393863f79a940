# Sourced by run.sh (uses its BIN, WORK, T, keys, screen, ok, fail, expect_screen, wait_for):
# hostile input and faults (issue 15): signals, stdout failures, exports, escape sequences.

# Every signal that can reach the TUI ends it with the terminal restored (alternate screen off)
# and no crash report painted over the screen; the status is 128+N.
for sig in QUIT USR1 USR2 ALRM VTALRM PROF XCPU XFSZ PIPE; do
  num=$(kill -l "$sig")
  keys "clear; $BIN --data-dir $WORK/sig play tcp-3way; echo EXIT=\$?" Enter
  wait_for "Scene: " || true
  pkill -"$sig" -f -- "--data-dir $WORK/sig play" || true
  if wait_for "EXIT=$((128 + num))"; then ok "SIG$sig ends the TUI with status $((128 + num))"; else fail "SIG$sig ends the TUI" "$(screen)"; fi
  alt=$($T display -p -t e2e '#{alternate_on}')
  if [ "$alt" = 0 ] && ! screen | grep -qiE "crash|backtrace|fatal"; then ok "SIG$sig restores the terminal, no crash report"
  else fail "SIG$sig leaves alternate_on=$alt or a crash report" "$(screen)"; fi
done

# Scene and command options are range-checked (exit 64, naming the option); loss 1 ends.
for args in "play flow-control --packets 92233720368547758" "play flow-control --packets 0" "play flow-control --packets=-1" \
            "play arq-go-back-n --window 0" "play arq-go-back-n --window 8" "play arq-go-back-n --packets 17" "play tcp-3way --rtt 0" "play tcp-3way --loss 2" \
            "journey --client 5000" "quiz --count 99999" "cwnd --rounds 100000"; do
  opt=$(echo "$args" | grep -oE -- '--[a-z-]+' | head -1)
  err=$(timeout 10 "$BIN" $args --plain --data-dir "$WORK/usage" 2>&1 </dev/null >/dev/null); code=$?
  if [ $code -eq 64 ] && echo "$err" | grep -qF -- "$opt" && echo "$err" | grep -qE "between|at least|at most"; then ok "out of range exits 64 naming $opt: $args"
  else fail "out of range: $args (exit $code)" "$err"; fi
done
for scene in arq-go-back-n arq-selective-repeat arq-stop-and-wait tcp-3way flow-control udp-vs-tcp; do
  out=$(timeout 20 "$BIN" play $scene --loss 1 --plain --lang en 2>&1 | tail -c 2000000); code=$?
  if [ $code -eq 0 ] && echo "$out" | grep -qiE "gave up|given up"; then ok "play $scene --loss 1 ends, saying it gave up"; else fail "play $scene --loss 1 (exit $code)" "$(echo "$out" | tail -3)"; fi
done

# Output that cannot be written is an error (exit 1, one message), never lost or a crash.
for args in "read tcp-vs-udp --plain" "lessons --json" "lessons" "play tcp-3way --plain" "glossary --json"; do
  err=$("$BIN" $args 2>&1 >/dev/full); code=$?
  if [ $code -eq 1 ] && [ "$err" = "nettutor: cannot write to standard output: no space left on device" ]; then ok "$args > /dev/full exits 1 with one message"
  else fail "$args > /dev/full (exit $code)" "$err"; fi
done
# A reader that leaves early (| head -1) ends it quietly: 0 or 141, nothing on stderr.
for args in "read tcp-vs-udp --plain" "play arq-go-back-n --loss 0.3 --trace json" "lessons"; do
  err=$( { "$BIN" $args | head -1 >/dev/null; echo "code=${PIPESTATUS[0]}" >&2; } 2>&1 ); code=${err##*code=}; rest=${err%code=*}
  if { [ "$code" = 0 ] || [ "$code" = 141 ]; } && [ -z "$rest" ]; then ok "$args | head -1 ends quietly ($code)"; else fail "$args | head -1 (exit $code)" "$rest"; fi
done

# Global options before a nested subcommand, and between it and its parent.
for args in "--lang en export anki" "export --lang en anki" "--data-dir $WORK/g --lang en export anki --out -"; do
  out=$("$BIN" $args 2>&1 >/dev/null); code=$?
  if [ $code -eq 0 ]; then ok "global options around a nested subcommand: $args"; else fail "nettutor $args (exit $code)" "$out"; fi
done

# Control characters in arguments and file names are never echoed raw (errors and listings).
err=$("$BIN" read $'\e]0;PWNED\a' 2>&1); code=$?
if [ $code -eq 64 ] && ! printf '%s' "$err" | grep -q $'\e' && printf '%s' "$err" | grep -qF '^[]0;PWNED^G'; then ok "an unknown id with escapes is echoed escaped"; else fail "unknown id echo (exit $code)" "$(printf '%s' "$err" | cat -v)"; fi
err=$("$BIN" $'--x\e]52;c;Zm9v\a' 2>&1); code=$?
if [ $code -eq 64 ] && ! printf '%s' "$err" | grep -q $'\e' && ! printf '%s' "$err" | grep -q '^Error:'; then ok "the parser's echo of a bad option is escaped, no 'Error:' prefix"; else fail "bad option echo (exit $code)" "$(printf '%s' "$err" | cat -v)"; fi
EV2="$WORK/evilnames"; mkdir -p "$EV2/Content/en" "$EV2/Quizzes"
EVIL=$'x\e]0;PWNED\a\e]52;c;Zm9v\a'
printf -- '---\ntitle: T\ntopic: transport\norder: 1\nsummary: s\n---\nbody\n' > "$EV2/Content/en/$EVIL.md"
for args in "check $EV2" "--content $EV2 lessons" "--content $EV2 lessons --json" "--content $EV2 quiz --plain"; do
  # script(1) gives the command a terminal, as a user would have.
  out=$(cd "$WORK" && script -qec "$BIN $(printf '%q ' $args) --lang en --data-dir $WORK/evd </dev/null" /dev/null 2>&1)
  if ! printf '%s' "$out" | grep -q $'\e\]'; then ok "a file name with OSC sequences is escaped in: $args"; else fail "raw OSC reached the terminal in: $args" "$(printf '%s' "$out" | cat -v | head -5)"; fi
done

# Exports never overwrite silently, never write through a link, never replace what is not a
# regular file (even with --force), and `--out -` is standard output.
SF="$WORK/safe"; mkdir -p "$SF"
echo KEEP > "$SF/f"
err=$("$BIN" export anki --out "$SF/f" 2>&1); code=$?
if [ $code -eq 64 ] && [ "$(cat "$SF/f")" = KEEP ] && echo "$err" | grep -q -- "--force"; then ok "export anki refuses to overwrite without --force (64)"; else fail "export anki overwrote (exit $code)" "$err"; fi
err=$("$BIN" export anki --out "$SF/f" --force 2>&1); code=$?
if [ $code -eq 0 ] && head -1 "$SF/f" | grep -q "#separator:tab" && ! ls -A "$SF" | grep -q '\.tmp$'; then ok "export anki --force replaces a regular file (no temp file left)"; else fail "export anki --force (exit $code)" "$err"; fi
echo KEEP > "$SF/target"; ln -s "$SF/target" "$SF/link"; mkfifo "$SF/fifo"; echo KEEP > "$SF/ro"; chmod 444 "$SF/ro"
for t in link fifo ro; do
  err=$(timeout 10 "$BIN" export anki --out "$SF/$t" --force 2>&1); code=$?
  kind=$(stat -c %F "$SF/$t")
  if [ $code -ne 0 ] && [ "$(cat "$SF/target")" = KEEP ] && [ "$kind" != "regular file" -o "$t" = ro ] && echo "$err" | grep -q "^nettutor: .*$t"; then ok "export anki --force refuses $t ($kind kept): $err"
  else fail "export anki --force over $t (exit $code, now $kind)" "$err"; fi
done
[ "$(cat "$SF/ro")" = KEEP ] && ok "the read-only file is untouched" || fail "the read-only file was replaced"
err=$("$BIN" export anki --out /dev/null --force 2>&1); code=$?
if [ $code -eq 1 ] && [ -c /dev/null ] && echo "$err" | grep -q "not a regular file"; then ok "export anki --force refuses a device node"; else fail "export to a device (exit $code)" "$err"; fi
out=$("$BIN" export anki --out - 2>/dev/null | head -1)
[ "$out" = "#separator:tab" ] && ok "export anki --out - writes to standard output" || fail "export anki --out -" "$out"
err=$("$BIN" export anki --out "$SF/no/such/dir/f" 2>&1); code=$?
if [ $code -eq 1 ] && [ "$err" = "nettutor: cannot write $SF/no/such/dir/f: no such file or directory" ]; then ok "an unwritable export path is one plain sentence"; else fail "unwritable export path (exit $code)" "$err"; fi
echo KEEP > "$SF/p.json"
err=$("$BIN" progress --export "$SF/p.json" --data-dir "$WORK/pdata" 2>&1); code=$?
if [ $code -eq 64 ] && [ "$(cat "$SF/p.json")" = KEEP ]; then ok "progress --export refuses to overwrite without --force"; else fail "progress --export overwrote (exit $code)" "$err"; fi
err=$("$BIN" progress --export "$SF/p.json" --force --data-dir "$WORK/pdata" 2>&1); code=$?
if [ $code -eq 0 ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$SF/p.json"; then ok "progress --export --force replaces it with the export"; else fail "progress --export --force (exit $code)" "$err"; fi
