# Sourced by run.sh (uses its BIN, ROOT, WORK, T, keys, screen, ok, fail, expect_screen):
# the command line's promises (issue 14) and the locale at start-up, on the real binary.

# Usage errors: one exit status (64) from the argument parser and from our own checks alike.
for args in "play --no-such-flag" "play tcp-3wya" "cwnd --rounds 0" "read tcp-handshake --width 5" "quiz --count 0 --interview"; do
  err=$("$BIN" $args --data-dir "$WORK/usage" 2>&1 >/dev/null); code=$?
  if [ $code -eq 64 ]; then ok "usage error exits 64: $args"; else fail "usage error exits 64: $args (exit $code)" "$err"; fi
done
help=$("$BIN" --help 2>&1)
if echo "$help" | grep -q "64 usage error"; then ok "--help documents the exit statuses"; else fail "--help lists no exit statuses" "$help"; fi

# A default the user never typed does not conflict with their options.
out=$("$BIN" cwnd --rounds 3 --plain --lang en 2>&1); code=$?
if [ $code -eq 0 ] && printf '%s\n' "$out" | grep -qE '^3 +4 '; then ok "cwnd --rounds 3: the default loss at round 8 is left out"; else fail "cwnd --rounds 3 (exit $code)" "$out"; fi

# Never show what was not measured: a live fetch that fails at DNS names no TLS or HTTP version.
out=$("$BIN" journey "https://no-such-host.invalid/" --live --timeout 5 --plain --lang en 2>&1); code=$?
if [ $code -eq 1 ] && echo "$out" | grep -q "failed (DNS)" && ! echo "$out" | head -3 | grep -qE "TLSv|HTTP/"; then ok "journey --live that fails at DNS shows no unmeasured versions"
else fail "journey --live DNS failure (exit $code)" "$(echo "$out" | head -5)"; fi

# The plain quiz with an unusable data folder quizzes like the TUI and says nothing is saved.
out=$(printf '1\n' | "$BIN" quiz tcp-vs-udp --plain --lang en --data-dir /proc/self/nettutor-ro 2>&1); code=$?
if [ $code -eq 0 ] && echo "$out" | grep -q "Not saving: " && echo "$out" | grep -q "\[1/"; then ok "quiz --plain with an unwritable data folder quizzes, saying nothing is saved"
else fail "quiz --plain unwritable data folder (exit $code)" "$(echo "$out" | head -5)"; fi

# Anki: the count printed is the number of notes written; no Markdown backticks in HTML fields.
err=$("$BIN" export anki --lang en --out "$WORK/anki.tsv" 2>&1); code=$?
written=$(grep -vc '^#' "$WORK/anki.tsv"); said=$(echo "$err" | grep -oE 'wrote [0-9]+' | grep -oE '[0-9]+')
if [ $code -eq 0 ] && [ "$said" = "$written" ]; then ok "export anki says what it wrote ($written notes)"; else fail "export anki said $said, wrote $written"; fi
if ! grep -v '^#' "$WORK/anki.tsv" | grep -q '`' && grep -q '<code>' "$WORK/anki.tsv"; then ok "export anki renders inline code as HTML"; else fail "export anki leaves Markdown backticks" "$(grep -m2 '`' "$WORK/anki.tsv")"; fi

# The locale: an explicit --lang ko under LANG=C opens in Korean with box glyphs (through
# C.UTF-8); a named UTF-8 locale that is not installed still draws Unicode.
locale_start() {  # locale_start ENV... -- ARGS...
  keys "clear; env -u LC_ALL $1 $BIN --data-dir $WORK/data $2; echo EXIT=\$?" Enter
}
locale_start "LANG=C" "--lang ko"
expect_screen "LANG=C with --lang ko opens in Korean" "네트워크 면접 튜터"
expect_screen "  ... with Unicode borders" "┌─ 레슨"
expect_screen "  ... and says once how" "C.UTF-8로 한국어를 표시합니다"
keys q
expect_screen "quit" "EXIT=0"
if ! locale -a 2>/dev/null | grep -qi '^ko_KR'; then
  locale_start "LANG=ko_KR.UTF-8" ""
  expect_screen "LANG=ko_KR.UTF-8 (not installed) still shows Korean" "네트워크 면접 튜터"
  expect_screen "  ... with Unicode borders" "┌─ 레슨"
  keys q
  expect_screen "quit" "EXIT=0"
fi

# The man page comes from the same command tree as --help (make man; make test builds it), and
# man renders it without a warning.
page="$WORK/man/nettutor.1"; mkdir -p "$WORK/man"
if "$BIN" --generate-manual > "$page"; then
  missing=""
  for sub in $("$BIN" --help | awk '/^SUBCOMMANDS:/{on=1; next} on && /^  [a-z]/{print $1}'); do grep -q "^\.It Em $sub" "$page" || missing="$missing $sub"; done
  grep -q "^\.It Em export anki" "$page" || missing="$missing export-anki"
  if [ -z "$missing" ] && grep -q "64 usage error" "$page" && grep -q "^\.Nm nettutor" "$page"; then ok "the man page lists every subcommand and the exit statuses"
  else fail "man page misses:$missing" "$(head -20 "$page")"; fi
  if command -v mandoc >/dev/null; then
    warnings=$(mandoc -T lint -W warning "$page" 2>&1)
    [ -z "$warnings" ] && ok "mandoc -T lint: the man page has no warnings" || fail "mandoc lint of the man page" "$warnings"
  fi
else
  fail "nettutor --generate-manual failed"
fi

# Shell completion (bash) completes lesson ids and scene ids.
complete_words() {  # complete_words WORD...: what bash offers for the last word
  bash -c 'source <("$1" --generate-completion-script bash); shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
           _nettutor "$1" "${!#}" "${@: -2:1}" 2>/dev/null; printf "%s\n" "${COMPREPLY[@]}"' _ "$BIN" "$BIN" "$@"
}
if complete_words read tcp- | grep -qx "tcp-handshake"; then ok "bash completion offers lesson ids (read tcp- -> tcp-handshake)"; else fail "bash completion of lesson ids" "$(complete_words read tcp-)"; fi
if complete_words play arq- | grep -qx "arq-go-back-n"; then ok "bash completion offers scene ids (play arq- -> arq-go-back-n)"; else fail "bash completion of scene ids" "$(complete_words play arq-)"; fi

# Imported notes: their own namespace, and --content adds them to the built-in lessons.
"$BIN" import "$ROOT/Tests/Fixtures/seed-notes.md" --out "$WORK/notes" >/dev/null 2>&1
ids=$("$BIN" --content "$WORK/notes" lessons --json | python3 -c 'import json,sys; print(" ".join(l["id"] for l in json.load(sys.stdin)))')
if echo " $ids " | grep -q " cors " && echo " $ids " | grep -q " notes/cors " && echo " $ids " | grep -q " notes/rodeubaelleonseo "; then ok "--content adds imported notes/ lessons to the built-in ones"
else fail "--content with imported notes" "$ids"; fi
only=$("$BIN" --content "$WORK/notes" --content-only lessons --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$only" = 13 ] && ok "--content-only shows only the imported lessons" || fail "--content-only ($only lessons)"
out=$("$BIN" --content "$WORK/notes" read notes/tcp-udp --plain --lang ko 2>&1)
if echo "$out" | grep -q "nettutor read tcp-vs-udp"; then ok "an imported lesson names the built-in lesson on its topic"; else fail "imported lesson link" "$(echo "$out" | head -5)"; fi
