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
