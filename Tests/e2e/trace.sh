# Sourced by run.sh: `nettutor trace` on real traffic made here, each capture in a private
# network namespace (its own loopback, so no port or address outside it is touched):
# an HTTP download, a TLS 1.3 handshake, DNS over UDP, a lossy bulk transfer through a tbf
# bottleneck with random drops (nftables), and a slow reader whose window closes. Each is
# checked against tshark: the same conversations, frames and bytes, and the same counts of
# Wireshark's tcp.analysis flags (to within one). Needs root (CI runs as root) for unshare.
TR="$WORK/trace"; mkdir -p "$TR"
# new_session ARGS...: a new tmux session in place of e2e. The server exits when its last
# session is killed; a new session started before it is gone can be lost with it.
new_session() {
  $T kill-session -t e2e 2>/dev/null
  for _ in $(seq 30); do $T ls >/dev/null 2>&1 || break; sleep 0.1; done
  $T new-session "$@"
}
if [ "$(id -u)" != 0 ] || ! command -v tshark > /dev/null || ! command -v tcpdump > /dev/null; then
  fail "trace: needs root, tcpdump and tshark (make deps installs them; CI runs as root)"
else
  # capture NAME FILTER < COMMANDS: runs COMMANDS in a new namespace with tcpdump recording.
  # Only tcpdump runs in the background; the traffic's both ends are one foreground program.
  capture() {  # capture NAME FILTER < COMMANDS
    # tcpdump says "listening" once its filter is in: nothing is sent before that.
    { echo "ip link set lo up"; echo "tcpdump -i ${IFACE:-lo} --immediate-mode -U -w '$TR/$1.pcap' $2 2> '$TR/$1.tcpdump' & CAP=\$!"
      echo "for i in \$(seq 100); do grep -q listening '$TR/$1.tcpdump' && break; sleep 0.1; done; sleep 0.2"; cat
      echo "sleep 0.5; kill \$CAP; wait \$CAP"; } > "$TR/$1.sh"
    timeout 60 unshare -n bash "$TR/$1.sh" > "$TR/$1.log" 2>&1 < /dev/null
  }
  cat > "$TR/bulk.py" <<'PY'
import socket, sys, threading, time
port, n, slow = int(sys.argv[1]), int(sys.argv[2]), len(sys.argv) > 3
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
if slow: srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
srv.bind(("127.0.0.1", port)); srv.listen(1)
def recv():
    c, _ = srv.accept()
    if slow: time.sleep(0.3)
    while c.recv(1024 if slow else 65536):
        if slow: time.sleep(0.01)
    c.close()
t = threading.Thread(target=recv); t.start()
s = socket.create_connection(("127.0.0.1", port)); s.sendall(b"x" * n); s.close(); t.join()
PY
  cat > "$TR/dns.py" <<'PY'
import socket, struct, sys, threading
srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); srv.bind(("127.0.0.1", 53))
def answer():
    for _ in range(2):
        q, addr = srv.recvfrom(512)
        name_end = q.index(b"\0", 12) + 5
        nx = b"nope" in q
        head = q[:2] + (b"\x81\x83" if nx else b"\x81\x80") + b"\x00\x01" + (b"\x00\x00" if nx else b"\x00\x01") + b"\x00\x00\x00\x00"
        rr = b"" if nx else b"\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x7f\x00\x00\x01"
        srv.sendto(head + q[12:name_end] + rr, addr)
t = threading.Thread(target=answer); t.start()
for name in (b"example.test", b"nope.test"):
    c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    qname = b"".join(bytes([len(p)]) + p for p in name.split(b".")) + b"\0"
    c.sendto(b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00" + qname + b"\x00\x01\x00\x01", ("127.0.0.1", 53)); c.recvfrom(512)
t.join()
PY
  cat > "$TR/web.py" <<'PY'
import functools, http.server, socket, ssl, sys, threading, urllib.request
d, kind = sys.argv[1], sys.argv[2]
if kind == "http":   # a download and a 404 from a local server
    h = functools.partial(http.server.SimpleHTTPRequestHandler, directory=d)
    h.log_message = lambda *a: None
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 8000), h)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    urllib.request.urlopen("http://127.0.0.1:8000/big.bin").read()
    try: urllib.request.urlopen("http://127.0.0.1:8000/missing")
    except Exception: pass
    srv.shutdown()
else:                # a TLS 1.3 handshake with SNI, and a few bytes each way
    sc = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); sc.load_cert_chain(d + "/cert.pem", d + "/key.pem")
    sc.minimum_version = ssl.TLSVersion.TLSv1_3
    srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind(("127.0.0.1", 4433)); srv.listen(1)
    def serve():
        c, _ = srv.accept()
        with sc.wrap_socket(c, server_side=True) as s: s.recv(100); s.sendall(b"bye")
    t = threading.Thread(target=serve); t.start()
    cc = ssl.create_default_context(); cc.check_hostname = False; cc.verify_mode = ssl.CERT_NONE
    with cc.wrap_socket(socket.create_connection(("127.0.0.1", 4433)), server_hostname="nettutor.test") as s: s.sendall(b"hello"); s.recv(100)
    t.join()
PY
  head -c 400000 /dev/urandom > "$TR/big.bin"
  capture http "tcp port 8000" <<EOF
python3 "$TR/web.py" "$TR" http
EOF
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=nettutor.test -days 1 -keyout "$TR/key.pem" -out "$TR/cert.pem" 2> /dev/null
  capture tls "tcp port 4433" <<EOF
python3 "$TR/web.py" "$TR" tls
EOF
  # The same with OpenSSL's own tools at both ends: s_server answers one client and exits.
  capture tls-openssl "tcp port 4434" <<EOF
openssl s_server -accept 4434 -cert "$TR/cert.pem" -key "$TR/key.pem" -tls1_3 -naccept 1 -quiet > /dev/null 2>&1 & SRV=\$!
for i in \$(seq 50); do ss -ltn | grep -q ':4434 ' && break; sleep 0.1; done
(echo hello; sleep 0.5) | timeout 10 openssl s_client -connect 127.0.0.1:4434 -servername openssl.test -tls1_3 -no_ign_eof > /dev/null 2>&1
wait \$SRV
EOF
  # On the "any" pseudo-interface libpcap writes Linux cooked (v2) headers instead of Ethernet.
  IFACE=any capture dns "udp port 53" <<EOF
python3 "$TR/dns.py"
EOF
  # Every 100th data segment is dropped on input (after tcpdump saw it; a drop on output would
  # count as never sent), SACK off so recovery is by duplicate ACKs and fast retransmit.
  capture lossy "-s 200 tcp port 5001" <<EOF
ip link set lo mtu 1500; ethtool -K lo tso off gso off gro off > /dev/null 2>&1; sysctl -qw net.ipv4.tcp_sack=0
tc qdisc add dev lo root tbf rate 20mbit burst 16kb limit 64kb
nft add table inet lossy; nft add chain inet lossy in '{ type filter hook input priority 0 ; }'
nft add rule inet lossy in tcp dport 5001 numgen inc mod 100 == 50 drop
python3 "$TR/bulk.py" 5001 2000000
EOF
  capture window "tcp port 5002" <<EOF
python3 "$TR/bulk.py" 5002 60000 slow
EOF
  # Conversations, frames and bytes per TCP stream, and the analysis flag counts, against tshark.
  compare() {  # compare NAME: prints what differs, nothing when all agree
    python3 - "$BIN" "$TR/$1.pcap" <<'PY'
import json, subprocess, sys
bin, pcap = sys.argv[1], sys.argv[2]
def run(*a): return subprocess.run(a, capture_output=True, text=True).stdout
ours = {}
for line in run(bin, "trace", pcap, "--list", "--lang", "en").splitlines():
    f = line.split()
    if len(f) == 11 and f[0].isdigit(): ours[int(f[0])] = (int(f[7]), int(f[8]))
theirs = {}
for line in run("tshark", "-r", pcap, "-Y", "tcp", "-T", "fields", "-e", "tcp.stream", "-e", "frame.len").splitlines():
    s, n = line.split("\t"); a = theirs.get(int(s), (0, 0)); theirs[int(s)] = (a[0] + 1, a[1] + int(n))
problems = [] if ours == theirs and ours else [f"conversations: ours {ours}, tshark {theirs}"]
names = {"retransmission": "retransmission", "fast-retransmission": "fast_retransmission", "spurious-retransmission": "spurious_retransmission",
         "dup-ack": "duplicate_ack", "out-of-order": "out_of_order", "lost-segment": "lost_segment", "zero-window": "zero_window",
         "window-full": "window_full", "window-probe": "zero_window_probe", "window-update": "window_update", "keep-alive": "keep_alive"}
for stream in theirs:
    counts = {k: 0 for k in names}
    for line in run(bin, "trace", pcap, "--stream", str(stream), "--trace", "json").splitlines():
        for a in json.loads(line)["analysis"]:
            if a in counts: counts[a] += 1
    theirs_counts = {n: len(run("tshark", "-r", pcap, "-Y", f"tcp.stream == {stream} && tcp.analysis.{field}").splitlines()) for n, field in names.items()}
    # Linux probes a zero window with an old sequence number: Wireshark calls that a keep-alive,
    # we call it a window probe. Compared together, the other flags one by one.
    for group in (["window-probe", "keep-alive"],) + tuple([n] for n in names if n not in ("window-probe", "keep-alive")):
        o, t = sum(counts[n] for n in group), sum(theirs_counts[n] for n in group)
        if abs(t - o) > 1: problems.append(f"stream {stream} {'+'.join(group)}: ours {o}, tshark {t}")
print("\n".join(problems))
PY
  }
  for name in http tls tls-openssl lossy window; do
    diff=$(compare $name)
    if [ -s "$TR/$name.pcap" ] && [ -z "$diff" ]; then ok "trace: $name capture: conversations, frames, bytes and analysis flags agree with tshark"
    else fail "trace: $name capture agrees with tshark" "$diff$(tail -3 "$TR/$name.log")"; fi
  done
  out=$("$BIN" trace "$TR/http.pcap" --plain --lang en)
  if echo "$out" | grep -q "GET /big.bin" && echo "$out" | grep -q "HTTP 200 OK" && echo "$out" | grep -q "A:SYN-SENT B:SYN-RECEIVED" && echo "$out" | grep -q "handshake RTT"; then
    ok "trace: the HTTP stream shows the request and status lines, the handshake states and RTT"
  else fail "trace: HTTP stream labels" "$(echo "$out" | head -8)"; fi
  # The same capture as pcapng (editcap) reads the same.
  if command -v editcap > /dev/null && editcap -F pcapng "$TR/http.pcap" "$TR/http.pcapng" 2> /dev/null \
     && [ "$("$BIN" trace "$TR/http.pcapng" --list | tail -n +2)" = "$("$BIN" trace "$TR/http.pcap" --list | tail -n +2)" ]; then
    ok "trace: a pcapng file lists the same conversations as its pcap"
  else fail "trace: pcapng" "$("$BIN" trace "$TR/http.pcapng" --list 2>&1 | head -5)"; fi
  out=$("$BIN" trace "$TR/tls.pcap" --plain --lang en)
  if echo "$out" | grep -q "TLS ClientHello SNI=nettutor.test" && echo "$out" | grep -q "TLS ServerHello TLS 1.3"; then
    ok "trace: the TLS stream names the ClientHello's SNI and the negotiated TLS 1.3"
  else fail "trace: TLS labels" "$(echo "$out" | head -8)"; fi
  out=$("$BIN" trace "$TR/tls-openssl.pcap" --plain --lang en)
  if echo "$out" | grep -q "TLS ClientHello SNI=openssl.test" && echo "$out" | grep -q "TLS ServerHello TLS 1.3"; then
    ok "trace: openssl s_client to s_server: the ClientHello's SNI and TLS 1.3"
  else fail "trace: openssl TLS labels" "$(echo "$out" | head -8)"; fi
  out=$("$BIN" trace "$TR/dns.pcap" --list --lang en)
  if echo "$out" | grep -q "Linux cooked" && echo "$out" | grep -q "DNS query A example.test" && echo "$out" | grep -q "DNS answer A example.test NOERROR 1 record" && echo "$out" | grep -q "NXDOMAIN"; then
    ok "trace: DNS over UDP on a Linux cooked capture: queries and answers with name, type and rcode"
  else fail "trace: DNS labels" "$out"; fi
  out=$("$BIN" trace "$TR/lossy.pcap" --plain --lang en | tail -1)
  if echo "$out" | grep -q "retransmission [1-9]" && echo "$out" | grep -q "dup-ack [1-9]"; then ok "trace: the lossy transfer shows retransmissions and duplicate ACKs"
  else fail "trace: lossy findings" "$out"; fi
  out=$("$BIN" trace "$TR/window.pcap" --plain --lang en | tail -1)
  if echo "$out" | grep -q "zero-window [1-9]"; then ok "trace: the slow reader's zero window is found"; else fail "trace: zero window" "$out"; fi
  # Bad input: a clear message, exit 1, never a crash.
  head -c 3000 "$TR/lossy.pcap" > "$TR/cut.pcap"; printf 'garbage garbage garbage' > "$TR/junk.pcap"; : > "$TR/empty.pcap"
  for f in "$TR/junk.pcap" "$TR/empty.pcap" "$TR" "$TR/none.pcap"; do
    err=$("$BIN" trace "$f" 2>&1 > /dev/null); code=$?
    if [ $code -eq 1 ] && echo "$err" | grep -q "^nettutor: .*$(basename "$f")" && ! echo "$err" | grep -q "operation failed"; then ok "trace: $(basename "$f") is a clear error naming the file (exit 1)"
    else fail "trace: $(basename "$f") (exit $code)" "$err"; fi
  done
  err=$("$BIN" trace "$TR/cut.pcap" --plain 2>&1 > /dev/null); code=$?
  if [ $code -eq 0 ] && echo "$err" | grep -q "stopped after"; then ok "trace: a truncated capture is read up to the cut, with a warning"; else fail "trace: truncated capture (exit $code)" "$err"; fi
  # The player: the lossy capture, jumped to its findings with n.
  new_session -d -s e2e -x 100 -y 30 "LANG=C.UTF-8 $BIN trace $TR/lossy.pcap --data-dir $WORK/data --lang en"
  wait_for "Capture lossy.pcap" > /dev/null
  # Duplicate ACKs are findings too: a hundred or so n's lead to the first fast retransmission.
  # One n at a time, each waited for, so none is still queued when the one wanted shows.
  prev=""
  for _ in $(seq 1 400); do
    keys n
    for _ in $(seq 1 50); do cur=$(screen); [ "$cur" != "$prev" ] && break; sleep 0.02; done
    prev=$cur; echo "$cur" | grep -q "Fast retransmission" && break
  done
  if screen | grep -q "Fast retransmission"; then ok "trace: the TUI player steps a capture to its fast retransmission (n: next finding)"
  else fail "trace: the TUI player shows the fast retransmission" "$(screen)"; fi
  keys t
  if wait_for "Time-sequence graph" && screen | grep -q "resent" && screen | grep -q "ACK+window"; then ok "trace: t shows the time-sequence graph of the capture"
  else fail "trace: the time-sequence graph" "$(screen)"; fi
  # Two TCP conversations (the download and the 404): the TUI offers a chooser.
  new_session -d -s e2e -x 100 -y 30 "LANG=C.UTF-8 $BIN trace $TR/http.pcap --data-dir $WORK/data --lang en"
  if wait_for "Capture http.pcap: 2 TCP conversations"; then ok "trace: a capture with two TCP conversations opens a chooser"
  else fail "trace: the conversation chooser" "$(screen)"; fi
  keys Down Enter
  if wait_for "Capture http.pcap, stream 1" && keys Home Right && wait_for "SYN seq=0"; then ok "trace: the chooser plays the conversation picked"
  else fail "trace: the chooser's Enter" "$(screen)"; fi
  # --live: a download made once the capture listens, in a namespace of its own.
  cat > "$TR/live.sh" <<'SH'
ip link set lo up
cd "$1"; python3 -m http.server "$2" --bind 127.0.0.1 > /dev/null 2>&1 &
(sleep 1.5; python3 -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:' + sys.argv[1] + '/big.bin').read()" "$2") &
shift 2; exec "$@"
SH
  new_session -d -s e2e -x 100 -y 30 "LANG=C.UTF-8 unshare -n bash $TR/live.sh $TR 8081 $BIN trace --live --filter 'tcp port 8081' --data-dir $WORK/data --lang en"
  if wait_for "Waiting for TCP segments on lo (tcp port 8081)"; then ok "trace --live: the player says where it listens before any packet"
  else fail "trace --live waiting" "$(screen)"; fi
  if wait_for "TIME-WAIT" && screen | grep -q "live [1-9][0-9]* pkts" && keys Home Right && wait_for "SYN seq=0"; then
    ok "trace --live: the download streams into the player as it arrives, from the SYN to TIME-WAIT"
  else fail "trace --live in the TUI" "$(screen)"; fi
  $T kill-session -t e2e 2>/dev/null
  out=$(timeout 30 unshare -n bash "$TR/live.sh" "$TR" 8082 "$BIN" trace --live --filter "tcp port 8082" --count 6 --plain --lang en 2>&1)
  if echo "$out" | grep -q "SYN seq=0" && echo "$out" | grep -q "A:SYN-SENT B:SYN-RECEIVED" && echo "$out" | grep -q "GET /big.bin"; then
    ok "trace --live --plain --count 6: each segment printed as it arrives, then it stops"
  else fail "trace --live --plain" "$out"; fi
  # As nobody, from a copy it may run, wherever the clone is.
  nobody=$(mktemp -d /tmp/nt-nobody.XXXXXX); cp "$BIN" "$nobody/nettutor"; chmod 755 "$nobody" "$nobody/nettutor"
  err=$(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all "$nobody/nettutor" trace --live --plain --data-dir "$nobody/data" 2>&1); code=$?
  rm -rf "$nobody"
  if [ $code -eq 1 ] && echo "$err" | grep -q "CAP_NET_RAW"; then ok "trace --live without CAP_NET_RAW says what it needs (exit 1)"
  else fail "trace --live unprivileged (exit $code)" "$err"; fi
  for args in "" "$TR/http.pcap --live" "--live --list" "$TR/http.pcap --count 3"; do
    err=$("$BIN" trace $args 2>&1 > /dev/null); code=$?
    if [ $code -eq 64 ]; then ok "trace $args: a usage error (64)"; else fail "trace $args (exit $code)" "$err"; fi
  done
  # cwnd --real: the kernel's CUBIC through a 20 Mbit/s bottleneck; at least one loss response
  # (cwnd falls), RTT above the unloaded one, and a saved capture with its retransmissions.
  "$BIN" cwnd --real --rate 20mbit --queue 64kb --bytes 6000000 --save "$TR/real.pcap" --trace json > "$TR/real.json" 2> "$TR/real.err"; code=$?
  verdict=$(python3 - "$TR/real.json" <<'PY'
import json, sys
s = [json.loads(l) for l in open(sys.argv[1])]
falls = [b for a, b in zip(s, s[1:]) if b["cwnd"] < a["cwnd"] and b["retrans"] > 0]
rtts = [x["rtt_ms"] for x in s if x["rtt_ms"] > 0]
ok = len(s) > 20 and falls and max(rtts) > 3 * min(rtts) and all(k in s[0] for k in ("t", "cwnd", "ssthresh", "rtt_ms", "retrans", "state"))
print("ok" if ok else f"samples {len(s)}, cwnd falls {len(falls)}, rtt {min(rtts or [0])}..{max(rtts or [0])}")
PY
)
  if [ $code -eq 0 ] && [ "$verdict" = ok ]; then ok "cwnd --real: the kernel's cwnd falls at a loss and the RTT rises as the bottleneck's queue fills"
  else fail "cwnd --real (exit $code): $verdict" "$(cat "$TR/real.err")"; fi
  out=$("$BIN" trace "$TR/real.pcap" --plain --lang en | tail -1)
  if echo "$out" | grep -q "retransmission [1-9]"; then ok "cwnd --real --save: the capture opens in trace with its retransmissions annotated"
  else fail "cwnd --real --save capture" "$out"; fi
  # On a terminal: the kernel against the model, n to a loss response, Enter to its packets.
  new_session -d -s e2e -x 100 -y 30 "LANG=C.UTF-8 $BIN cwnd --real --bytes 4000000 --data-dir $WORK/data --lang en"
  if wait_for "Congestion window (segments): kernel vs model" && screen | grep -q "RTT (ms)"; then ok "cwnd --real in the TUI: the kernel's cwnd beside the model, and the RTT"
  else fail "cwnd --real in the TUI" "$(screen)"; fi
  keys n
  if wait_for "(fast recovery)" || screen | grep -q "(timeout, Loss state)"; then ok "cwnd --real in the TUI: n reads the first loss response"
  else fail "cwnd --real TUI: n to a loss response" "$(screen)"; fi
  keys Enter
  if wait_for "Capture cwnd --real" && screen | grep -q "ACK seq="; then ok "cwnd --real in the TUI: Enter opens the capture's packets at that moment"
  else fail "cwnd --real TUI: Enter to the packets" "$(screen)"; fi
  keys q; sleep 0.2; keys q
  $T kill-session -t e2e 2>/dev/null
  out=$("$BIN" cwnd --real --bytes 2000000 --lang ko 2>&1)
  if echo "$out" | grep -q "커널의 혼잡 윈도우" && echo "$out" | grep -q "큐잉 지연"; then ok "cwnd --real in Korean: kernel against model, queueing delay"
  else fail "cwnd --real in Korean" "$(echo "$out" | head -5)"; fi
fi
