# Sourced by run.sh (uses its BIN, ROOT, WORK, ok, fail): hostile content files (issue 15) in a
# copy of the library. Each is a file:line error from check, quick and bounded, and the other
# lessons still load; import never writes through a symbolic link.
D="$WORK/hostile"; mkdir -p "$D"; cp -R "$ROOT/Content" "$ROOT/Quizzes" "$D/"
front() { printf -- '---\nid: %s\ntitle: T\ntopic: web\norder: 99\nsummary: s\n' "$1"; }
laughs=$(python3 -c 'print("l0: &l0 [" + ",".join(["\"lol\""]*9) + "]"); [print(f"l{n}: &l{n} [" + ",".join([f"*l{n-1}"]*9) + "]") for n in range(1,9)]')
for l in ko en; do
  { front laughs; echo "$laughs"; printf -- '---\nbody\n'; } > "$D/Content/$l/laughs.md"
  { front nested; printf 'scenes: %s%s\n---\nbody\n' "$(printf '%.0s[' $(seq 10000))" "$(printf '%.0s]' $(seq 10000))"; } > "$D/Content/$l/nested.md"
  { front quotes; printf -- '---\n'; python3 -c 'print("> " * 50000 + "deep")'; } > "$D/Content/$l/quotes.md"
  sed 's/$/\r/' "$ROOT/Content/$l/flow-control.md" > "$D/Content/$l/flow-control.md"   # CRLF
done
printf 'lesson: tcp-handshake\nquestions: %s%s\n' "$(printf '%.0s[' $(seq 10000))" "$(printf '%.0s]' $(seq 10000))" > "$D/Quizzes/tcp-handshake.yaml"
sed -i 's/^    answer: 7000$/    answer: .nan/' "$D/Quizzes/flow-control.yaml"
printf -- '- term: deep\n  ko: %s\n' "$(printf '%.0s[' $(seq 10000))" >> "$D/Content/glossary.yaml"
out=$(ulimit -v 4000000; timeout 20 "$BIN" --content "$D" --content-only check 2>&1); code=$?
missing=""
for want in "Content/ko/laughs.md:[0-9]*: YAML expands to more than" "Content/en/nested.md:7: YAML nested too deeply" \
            "Content/ko/quotes.md:[0-9]*: Markdown nested too deeply" "Quizzes/tcp-handshake.yaml:2: YAML nested too deeply" \
            "Content/glossary.yaml:[0-9]*: YAML nested too deeply" "Quizzes/flow-control.yaml:96: .*finite number"; do
  echo "$out" | grep -q "$want" || missing="$missing [$want]"
done
if [ $code -eq 1 ] && [ -z "$missing" ] && ! echo "$out" | grep -q "Content/../flow-control"; then ok "check names each hostile file at its line (billion laughs, deep [ and >), CRLF loads"
else fail "check on hostile content (exit $code)$missing" "$(echo "$out" | head -8)"; fi
out=$(ulimit -v 4000000; timeout 20 "$BIN" --content "$D" --content-only lessons --lang en 2>&1); code=$?
if [ $code -eq 0 ] && echo "$out" | grep -q "tcp-handshake" && echo "$out" | grep -q "flow-control" && ! echo "$out" | grep -q $'\r'; then ok "lessons lists the rest of the library beside hostile files"
else fail "lessons beside hostile files (exit $code)" "$(echo "$out" | head -5)"; fi
out=$(timeout 20 "$BIN" --content "$D" --content-only read quotes --plain 2>&1); code=$?
if [ $code -eq 1 ] && echo "$out" | grep -q "Markdown nested too deeply"; then ok "read of a deeply nested lesson explains instead of crashing"
else fail "read deeply nested lesson (exit $code)" "$(echo "$out" | head -3)"; fi
# Import: a symbolic link inside --out is never followed, and nothing is half written.
mkdir -p "$WORK/victim" "$WORK/linked"; ln -s "$WORK/victim" "$WORK/linked/Content"
err=$("$BIN" import "$ROOT/Tests/Fixtures/seed-notes.md" --out "$WORK/linked" --force 2>&1); code=$?
if [ $code -eq 1 ] && [ -z "$(ls -A "$WORK/victim")" ] && [ "$(ls -A "$WORK/linked")" = "Content" ]; then ok "import refuses a symbolic link inside --out and writes nothing"
else fail "import through a symbolic link (exit $code)" "$err; victim: $(ls -A "$WORK/victim")"; fi
