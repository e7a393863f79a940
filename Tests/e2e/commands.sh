# Sourced by run.sh (its helpers, $BIN, $WORK, $ROOT, $T and $N): the commands without a
# terminal (read, check, play, export, live fetches on loopback, the plain quiz, the store's
# promises, Anki, reset), hostile escapes in content, and the fuzz corpus replay.
# 11. Non-terminal commands.
out=$("$BIN" read tcp-handshake --plain --width 50 --lang ko)
max=$(printf '%s\n' "$out" | python3 -c 'import sys,unicodedata
print(max(sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n")) for l in sys.stdin))')
if [ "$max" -le 50 ] && printf '%s' "$out" | grep -q "TIME-WAIT"; then ok "read --plain --width 50 --lang ko: widest line $max columns"; else fail "read --width 50 (widest $max)"; fi
if printf '%s' "$out" | grep -q $'\x1b'; then fail "read --plain prints escape codes"; else ok "read into a pipe prints no escape codes"; fi
# On a terminal the first screenful is written before the rest is laid out: the styled text,
# its SGR codes removed, is the plain text, each line once (nothing lost or doubled at the seam).
same=$(python3 - "$BIN" <<'PY'
import os, pty, re, struct, fcntl, termios, subprocess, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "read", "tcp-handshake", "--lang", "en", "--width", "70"])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
out = b""
while True:
    try: chunk = os.read(fd, 65536)
    except OSError: break
    if not chunk: break
    out += chunk
os.waitpid(pid, 0)
shown = re.sub(rb"\x1b\[[0-9;]*m", b"", out).replace(b"\r\n", b"\n")
plain = subprocess.run([sys.argv[1], "read", "tcp-handshake", "--lang", "en", "--width", "70", "--plain"], capture_output=True).stdout
print("same" if shown == plain and len(plain.splitlines()) > 100 else f"differ: {len(shown)} vs {len(plain)} bytes")
PY
)
if [ "$same" = "same" ]; then ok "read on a terminal: the styled lesson is the plain one, every line once"; else fail "read on a terminal vs --plain" "$same"; fi
out=$("$BIN" --lang ko --ascii read tcp-vs-udp --width 60 2>&1); code=$?
if [ $code -eq 0 ] && printf '%s' "$out" | grep -q "TCP와 UDP" && ! printf '%s' "$out" | grep -q "│"; then ok "global options before the subcommand (--lang ko --ascii read)"; else fail "global options before the subcommand (exit $code)" "$(printf '%s' "$out" | head -5)"; fi
err=$("$BIN" read tcp-handshak 2>&1 >/dev/null); code=$?
if [ $code -eq 64 ] && echo "$err" | grep -q "did you mean: tcp-handshake"; then ok "unknown lesson id: exit 64 with close matches"; else fail "unknown lesson id (exit $code)" "$err"; fi
mkdir -p "$WORK/bad/Content/ko" "$WORK/bad/Content/en" "$WORK/bad/Quizzes"
printf -- '---\nid: x\ntitle: X\ntopic: cooking\norder: 1\nsummary: s\n---\nbody\n' > "$WORK/bad/Content/en/x.md"
out=$("$BIN" check "$WORK/bad" 2>&1); code=$?
if [ $code -ne 0 ] && echo "$out" | grep -q "Content/en/x.md:4: unknown topic 'cooking'" && echo "$out" | grep -q "no Korean version"; then ok "check reports file:line problems and exits non-zero"; else fail "check on bad content (exit $code)" "$out"; fi
SEED="$ROOT/Tests/Fixtures/seed-notes.md"
out=$("$BIN" play tcp-lost-final-ack --plain --lang en); code=$?
if [ $code -eq 0 ] && printf '%s' "$out" | grep -q "x" && printf '%s' "$out" | grep -q "#8 FIN+ACK seq=5001"; then ok "play --plain shows the lost final ACK and the retransmitted FIN"; else fail "play --plain (exit $code)" "$(printf '%s' "$out" | head -5)"; fi
out=$("$BIN" play tcp-3way --trace json | python3 -c 'import json,sys; ev=[json.loads(l) for l in sys.stdin]; print(sum(1 for e in ev if e["kind"]=="state"))'); code=$?
if [ $code -eq 0 ] && [ "$out" -ge 5 ]; then ok "play --trace json: one JSON object per event ($out state events)"; else fail "play --trace json" "$out"; fi
err=$("$BIN" play tcp-3wya 2>&1); code=$?
if [ $code -eq 64 ] && echo "$err" | grep -q "did you mean: tcp-3way"; then ok "unknown scene: exit 64 with a suggestion"; else fail "unknown scene (exit $code)" "$err"; fi
if [ -f "$SEED" ]; then
  out=$("$BIN" import "$SEED" --out "$WORK/imported" 2>&1); code=$?
  if [ $code -eq 0 ] && echo "$out" | grep -q "Imported 13 lessons" && "$BIN" check "$WORK/imported" >/dev/null 2>&1; then ok "import of the seed notes: 13 lessons that pass check"; else fail "import of the seed notes (exit $code)" "$out"; fi
  out=$("$BIN" import "$SEED" --out "$WORK/imported" 2>&1); code=$?
  if [ $code -ne 0 ] && echo "$out" | grep -q "pass --force"; then ok "import refuses to overwrite without --force"; else fail "import overwrite guard (exit $code)" "$out"; fi
fi
out=$("$BIN" cwnd --plain --lang en); code=$?
if [ $code -eq 0 ] && printf '%s' "$out" | grep -qE '^8 +12 +8 +CA +3 dup ACKs' && printf '%s' "$out" | grep -qE '^9 +9 +6 +FR'; then ok "cwnd --plain: the textbook Reno table (round 8: 3 dup ACKs, round 9: 6+3)"; else fail "cwnd --plain (exit $code)" "$(printf '%s' "$out" | head -15)"; fi
out=$("$BIN" cwnd --compare --trace json | python3 -c 'import json,sys; rows=[json.loads(l) for l in sys.stdin]; assert all(k in r for r in rows for k in ("round","cwnd","ssthresh","phase","event")); print(len(rows), sorted({r["algo"] for r in rows}))'); code=$?
if [ $code -eq 0 ] && [ "$out" = "60 ['cubic', 'reno', 'tahoe']" ]; then ok "cwnd --compare --trace json: one object per round and algorithm"; else fail "cwnd --trace json" "$out"; fi
out=$("$BIN" cwnd --model rfc5681 --trace json | python3 -c 'import json,sys; rows=[json.loads(l) for l in sys.stdin]; print(sum(1 for r in rows if r["event"]=="3dup"), sum(1 for r in rows if r["kind"]=="inflate") > 0)'); code=$?
if [ $code -eq 0 ] && [ "$out" = "1 True" ]; then ok "cwnd --model rfc5681 --trace json: per ACK, one fast retransmit, inflation"; else fail "cwnd rfc5681 json" "$out"; fi
err=$("$BIN" cwnd --events 3dup@99 2>&1); code=$?
if [ $code -eq 64 ] && echo "$err" | grep -q "after the last round"; then ok "cwnd with a bad event: exit 64 and why"; else fail "cwnd bad event (exit $code)" "$err"; fi
out=$("$BIN" play cwnd-lab --export mermaid); code=$?
if [ $code -eq 0 ] && printf '%s' "$out" | grep -q "xychart-beta"; then ok "play cwnd-lab --export mermaid: an xychart"; else fail "play cwnd-lab --export mermaid (exit $code)" "$out"; fi
# The help is built from the scene catalog: every scene file (Sources/NetSim/Scenes/<id>.swift) is listed.
help=$("$BIN" play --help 2>&1 | python3 -c 'import re,sys; t=" ".join(sys.stdin.read().split()); m=re.search(r"Scenes that play: ([^.]*)\.", t); print("\n".join(x.strip() for x in m.group(1).split(",")) if m else "")'); missing=""
for f in "$ROOT"/Sources/NetSim/Scenes/*.swift; do id=$(basename "$f" .swift); printf '%s\n' "$help" | grep -qxF -- "$id" || missing="$missing $id"; done
if [ -z "$missing" ] && ls "$ROOT"/Sources/NetSim/Scenes/*.swift >/dev/null 2>&1; then ok "play --help lists every scene of the catalog"; else fail "play --help misses:$missing" "$help"; fi
err=$("$BIN" play tcp-3way --window 3 2>&1); code=$?
if [ $code -eq 64 ] && echo "$err" | grep -q "tcp-3way does not take --window"; then ok "play rejects an option the scene does not take"; else fail "play tcp-3way --window (exit $code)" "$err"; fi
for cmd in "play url-journey" "journey"; do
  out=$("$BIN" $cmd --export mermaid); code=$?
  if [ $code -eq 0 ] && printf '%s' "$out" | head -1 | grep -qx "sequenceDiagram" && printf '%s' "$out" | grep -q "h_os->>h_resolver: DNS query" \
     && printf '%s' "$out" | grep -q "h_cache->>h_os: 200 OK"; then ok "$cmd --export mermaid: the messages between the devices"; else fail "$cmd --export mermaid (exit $code)" "$(printf '%s' "$out" | head -8)"; fi
done
# Live mode against servers on loopback: plain HTTP, HTTPS with a certificate made now, a refused port.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mkdir -p "$WORK/www" && echo "<html><body>journey</body></html>" > "$WORK/www/index.html"
HP=$(free_port); SP=$(free_port); DEAD=$(free_port)
( cd "$WORK/www" && exec python3 -m http.server "$HP" --bind 127.0.0.1 ) >/dev/null 2>&1 &
HTTP_PID=$!
if openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/key.pem" -out "$WORK/cert.pem" -days 1 -subj "/CN=localhost" \
     -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" >/dev/null 2>&1; then
  python3 - "$SP" "$WORK" >/dev/null 2>&1 <<'PY' &
import http.server, os, ssl, sys
port, work = int(sys.argv[1]), sys.argv[2]
os.chdir(os.path.join(work, "www"))
srv = http.server.HTTPServer(("127.0.0.1", port), http.server.SimpleHTTPRequestHandler)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(os.path.join(work, "cert.pem"), os.path.join(work, "key.pem"))
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
srv.serve_forever()
PY
  HTTPS_PID=$!
fi
wait_port() { for _ in $(seq 1 50); do python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
wait_port "$HP"; wait_port "$SP"
out=$("$BIN" journey "http://127.0.0.1:$HP/" --live --plain --lang en 2>&1); code=$?
if [ $code -eq 0 ] && echo "$out" | grep -q "— live" && echo "$out" | grep -q "status 200" && echo "$out" | grep -q "TCP connection" && ! echo "$out" | grep -q "TLS handshake"; then ok "journey --live over HTTP on loopback: measured, status 200, no TLS"; else fail "journey --live http (exit $code)" "$(echo "$out" | head -12)"; fi
out=$("$BIN" journey "https://localhost:$SP/" --live --insecure --plain --lang en 2>&1); code=$?
if [ $code -eq 0 ] && echo "$out" | grep -q "TLSv1.3" && echo "$out" | grep -q "TLS handshake" && echo "$out" | grep -q "status 200"; then ok "journey --live over HTTPS (self-signed, --insecure): TLS 1.3 measured"; else fail "journey --live https (exit $code)" "$(echo "$out" | head -12)"; fi
out=$("$BIN" journey "https://localhost:$SP/" --live --plain --lang en 2>&1); code=$?
if [ $code -eq 1 ] && echo "$out" | grep -q "failed (TLS handshake)" && echo "$out" | grep -qi "certificate"; then ok "journey --live: an untrusted certificate stops at the TLS stage with the real error"; else fail "journey --live untrusted cert (exit $code)" "$(echo "$out" | head -12)"; fi
out=$("$BIN" journey "http://127.0.0.1:$DEAD/" --live --plain --lang en 2>&1); code=$?
if [ $code -eq 1 ] && echo "$out" | grep -q "failed (TCP connect)" && echo "$out" | grep -qi "connect"; then ok "journey --live: a refused port stops at TCP connect"; else fail "journey --live refused (exit $code)" "$(echo "$out" | head -12)"; fi
out=$("$BIN" journey "http://127.0.0.1:$HP/" --live --trace json | python3 -c 'import json,sys; rows=[json.loads(l) for l in sys.stdin]; assert all(k in r for r in rows for k in ("stage","from","to","layer","label","t_ms")); print(sorted({r["stage"] for r in rows}))'); code=$?
if [ $code -eq 0 ] && echo "$out" | grep -q "'http'"; then ok "journey --live --trace json: one object per message"; else fail "journey --live --trace json" "$out"; fi
# A server that accepts the connection but never answers: the timeout names the HTTP stage.
SILENT=$(free_port)
python3 -c "import socket,time; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $SILENT)); s.listen(5); time.sleep(30)" >/dev/null 2>&1 &
SILENT_PID=$!
wait_port "$SILENT"
out=$("$BIN" journey "http://127.0.0.1:$SILENT/" --live --timeout 1 --plain --lang en 2>&1); code=$?
if [ $code -eq 1 ] && echo "$out" | grep -q "failed (HTTP)" && echo "$out" | grep -qi "timed out"; then ok "journey --live --timeout 1: a silent server times out at the HTTP stage"; else fail "journey --live timeout (exit $code)" "$(echo "$out" | head -12)"; fi
kill "$HTTP_PID" ${HTTPS_PID:-} "$SILENT_PID" 2>/dev/null
# Start-up loads no network library: libcurl is opened by `journey --live` alone. Without it
# (hidden here in a private mount namespace) the live journey says what to install; the
# modelled one still plays.
libs=$(ldd "$BIN" 2>&1)
if ! echo "$libs" | grep -qiE "curl|gnutls|krb5|ldap|ssh|libswift|Foundation"; then ok "the release binary links no libcurl, GnuTLS, Kerberos, LDAP or shared Swift libraries"
else fail "ldd of the release binary" "$(echo "$libs" | grep -iE "curl|gnutls|krb5|ldap|ssh|libswift|Foundation")"; fi
CURL_SO=$(realpath "$(ldconfig -p | awk '/libcurl\.so\.4 .*x86-64|libcurl\.so\.4 / {print $NF; exit}')" 2>/dev/null)
if [ -n "$CURL_SO" ] && unshare -m true 2>/dev/null; then
  out=$(unshare -m sh -c "mount --bind /dev/null '$CURL_SO' && exec '$BIN' journey 'http://127.0.0.1:$HP/' --live --plain --lang en" 2>&1); code=$?
  model=$(unshare -m sh -c "mount --bind /dev/null '$CURL_SO' && exec '$BIN' journey --plain --lang en" 2>&1); mcode=$?
  if [ $code -eq 1 ] && echo "$out" | grep -q "needs libcurl" && echo "$out" | grep -q "apt-get install libcurl4" && [ $mcode -eq 0 ] && echo "$model" | grep -q "DNS"; then
    ok "journey --live without libcurl: says what to install (exit 1); the modelled journey still works"
  else fail "journey --live without libcurl (exit $code, model exit $mcode)" "$(echo "$out" | head -5)"; fi
else fail "journey --live without libcurl: cannot hide libcurl (unshare -m needs root)" "$CURL_SO"; fi
out=$("$BIN" journey --variant tls12 --plain --lang ko); code=$?
if [ $code -eq 0 ] && echo "$out" | grep -q "TLS 핸드셰이크" && echo "$out" | grep -q "ChangeCipherSpec"; then ok "journey --variant tls12 --plain (Korean)"; else fail "journey --plain tls12 (exit $code)"; fi
err=$("$BIN" journey ftp://example.com/ 2>&1); code=$?
if [ $code -eq 64 ] && echo "$err" | grep -q "only http and https"; then ok "journey with a bad URL: exit 64 and why"; else fail "journey bad URL (exit $code)" "$err"; fi
# Plain quiz, the store's promises, export/import, Anki, reset.
PD="$WORK/plain"
# The options are shuffled: find where TCP is shown (a new profile's order is the same each run).
tcp=$(printf '' | "$BIN" quiz tcp-vs-udp --plain --lang en --data-dir "$WORK/peek" 2>&1 | grep -m1 -E '^  [0-9]\) TCP$' | grep -oE '[0-9]')
out=$(printf '%s\n' "$tcp" | "$BIN" quiz tcp-vs-udp --plain --lang en --data-dir "$PD" 2>&1); code=$?
if [ $code -eq 0 ] && echo "$out" | grep -q "Correct." && echo "$out" | grep -q "Next review: in 10 min" && echo "$out" | grep -q "Stopping."; then ok "quiz --plain: graded, scheduled, stops at the end of input"; else fail "quiz --plain (exit $code)" "$(echo "$out" | head -20)"; fi
out=$(printf '240\n1\n' | "$BIN" quiz tcp-vs-udp --plain --lang en --data-dir "$WORK/reask" 2>&1)
if echo "$out" | grep -qF "There is no 240: answer with numbers from 1 to 4" && [ "$(echo "$out" | grep -c "Next review")" = 1 ]; then ok "quiz --plain asks again after an out-of-range option"; else fail "quiz --plain out of range" "$(echo "$out" | head -20)"; fi
answered() { "$BIN" progress --json --data-dir "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["answered"])'; }
[ "$(answered "$PD")" = 1 ] && ok "progress --json counts the answer" || fail "progress --json" "$(answered "$PD")"
mkfifo "$WORK/fifo"
( "$BIN" quiz tcp-vs-udp --plain --lang en --data-dir "$PD" < "$WORK/fifo" > "$WORK/killed.txt" 2>&1 ) &
QPID=$!
exec 7>"$WORK/fifo"
printf '1\n' >&7
for _ in $(seq 1 50); do grep -q "Next review" "$WORK/killed.txt" && break; sleep 0.1; done
pkill -KILL -f -- "--data-dir $PD" ; exec 7>&-; wait $QPID 2>/dev/null
[ "$(answered "$PD")" = 2 ] && ok "an answer survives kill -9 mid-session" || fail "kill -9 mid-session" "$(answered "$PD"); $(cat "$WORK/killed.txt" | head -5)"
( printf '1\n2\n' | "$BIN" quiz tcp-vs-udp --plain --data-dir "$PD" >/dev/null 2>&1 ) & A=$!
( printf '2\n1 3\n' | "$BIN" quiz tcp-vs-udp --plain --data-dir "$PD" >/dev/null 2>&1 ) & B=$!
wait $A $B
[ "$(answered "$PD")" = 6 ] && ok "two instances at once lose nothing" || fail "two instances" "$(answered "$PD")"
"$BIN" progress --export "$WORK/export.json" --data-dir "$PD" 2>/dev/null
"$BIN" progress --import "$WORK/export.json" --data-dir "$WORK/copy" 2>/dev/null; "$BIN" progress --import "$WORK/export.json" --data-dir "$WORK/copy" 2>/dev/null
[ "$(answered "$WORK/copy")" = 6 ] && ok "export, then import twice: merged once" || fail "export/import" "$(answered "$WORK/copy")"
mkdir -p "$WORK/corrupt" && head -c 8192 /dev/urandom > "$WORK/corrupt/progress.sqlite"
out=$("$BIN" progress --data-dir "$WORK/corrupt" --lang en 2>&1); code=$?
if [ $code -eq 0 ] && echo "$out" | grep -q "was moved to" && ls "$WORK/corrupt" | grep -q "progress.sqlite.corrupt-"; then ok "a corrupt database is moved aside and a new one started"; else fail "corrupt database (exit $code)" "$out"; fi
err=$("$BIN" progress --data-dir /proc/self/nettutor-ro 2>&1); code=$?
if [ $code -eq 1 ] && echo "$err" | grep -q "is not writable"; then ok "an unwritable data folder is reported"; else fail "read-only data folder (exit $code)" "$err"; fi
out=$("$BIN" export anki --lang en); code=$?
if [ $code -eq 0 ] && echo "$out" | head -1 | grep -q "#separator:tab" && echo "$out" | grep -q "#columns:Front	Back	Tags" && [ "$(echo "$out" | grep -vc '^#')" -gt 200 ]; then ok "export anki: a TSV with Anki's header lines"; else fail "export anki (exit $code)"; fi
err=$("$BIN" reset --data-dir "$PD" 2>&1); code=$?
if [ $code -eq 64 ] && echo "$err" | grep -q -- "--yes" && [ "$(answered "$PD")" = 6 ]; then ok "reset without --yes deletes nothing"; else fail "reset without --yes (exit $code)" "$err"; fi
"$BIN" reset --yes --data-dir "$PD" 2>/dev/null
[ "$(answered "$PD")" = 0 ] && ok "reset --yes deletes the progress" || fail "reset --yes"
# Hostile content: escape sequences and control characters are shown escaped, never sent raw.
EV="$WORK/evil"; mkdir -p "$EV/Content/ko" "$EV/Content/en" "$EV/Quizzes"
for l in ko en; do
  printf -- '---\nid: evil\ntitle: "Evil \\e]2;pwned\\a title"\ntopic: web\norder: 1\nsummary: "s \\e[2J"\n---\nbody \033[31mred\033[0m and \033]0;title\007 bell \a end\n' > "$EV/Content/$l/evil.md"
done
printf -- 'lesson: evil\nquestions:\n  - id: evil/q\n    kind: truefalse\n    level: 1\n    prompt: {ko: "p \\e[2J", en: "p \\e[2J \\e]2;x\\a"}\n    answer: true\n    explain: {ko: "e", en: "e \\e[31m"}\n' > "$EV/Quizzes/evil.yaml"
out=$("$BIN" --content "$EV" read evil --plain --lang en 2>&1)
if ! printf '%s' "$out" | grep -q $'\x1b' && ! printf '%s' "$out" | grep -q $'\x07' && printf '%s' "$out" | grep -q '\^\['; then ok "read --plain shows escape sequences escaped (^[), never raw"; else fail "hostile lesson text reached the output raw" "$(printf '%s' "$out" | cat -v | head -5)"; fi
out=$(printf 't\n' | "$BIN" --content "$EV" quiz evil --plain --lang en --data-dir "$WORK/evildata" 2>&1)
if ! printf '%s' "$out" | grep -q $'\x1b' && printf '%s' "$out" | grep -q "Correct."; then ok "quiz --plain shows hostile prompts escaped"; else fail "hostile quiz text reached the output raw" "$(printf '%s' "$out" | cat -v | head -5)"; fi
out=$(echo | "$BIN" 2>&1); code=$?
if [ $code -ne 0 ] && echo "$out" | grep -q "needs a terminal"; then ok "the TUI without a terminal explains instead of crashing"; else fail "TUI without a terminal (exit $code)" "$out"; fi

# The fuzz corpus and every crash the fuzzer ever found go through the loaders again.
FUZZ_BIN="$(dirname "$BIN")/nettutor-fuzz"
if [ -x "$FUZZ_BIN" ]; then
  for dir in "$ROOT"/Tests/Fuzz/corpus/*/; do
    t=$(basename "$dir")
    out=$(NETTUTOR_FUZZ=$t "$FUZZ_BIN" "$ROOT/Tests/Fuzz/corpus/$t" "$ROOT/Tests/Fuzz/crashes/$t" 2>&1); code=$?
    if [ $code -eq 0 ]; then ok "fuzz corpus and past crashes replay through the $t loader ($(echo "$out" | grep -o '[0-9]* inputs'))"; else fail "fuzz replay ($t)" "$out"; fi
  done
else
  fail "nettutor-fuzz was not built next to $BIN"
fi
