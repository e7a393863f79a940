"""Start-up, reading and scale, each side by side with its peer: A and B run in turn (A B A B ...),
medians of each and the median of the pair-by-pair ratios, with the issue's bar beside it.

usage: bench_startup.py NETTUTOR OUT_DIR BIG_CONTENT YEAR_DATA_DIR
  OUT_DIR        scratch space (a static Swift "hello" is built there as the start-up peer)
  BIG_CONTENT    a generated content folder (scripts/gen-content.py)
  YEAR_DATA_DIR  a data folder holding a year of progress (100,000 answers; nettutor-bench store)
Prints one Markdown table, then peak memory per screen."""
import fcntl, os, pty, select, shutil, statistics, struct, subprocess, sys, tempfile, termios, time
from pty_wait import read_until

BIN, OUT, BIG, YEAR = (os.path.abspath(a) for a in sys.argv[1:5])
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE_ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
BASE_ENV.pop("NETTUTOR_CONTENT", None)
DEVNULL = os.open(os.devnull, os.O_RDWR)


def timed(argv, env=None, before=None):
    """Wall milliseconds and peak RSS (MiB) of one run, output thrown away."""
    if before:
        before()
    t0 = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env or BASE_ENV, file_actions=[
        (os.POSIX_SPAWN_DUP2, DEVNULL, 0), (os.POSIX_SPAWN_DUP2, DEVNULL, 1), (os.POSIX_SPAWN_DUP2, DEVNULL, 2)])
    _, status, ru = os.wait4(pid, 0)
    ms = (time.perf_counter() - t0) * 1000
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(argv)} exited {os.waitstatus_to_exitcode(status)}")
    return ms, ru.ru_maxrss / 1024


def in_pty(argv, mark, env=None, quit_key=b"q", before=None):
    """Milliseconds from exec to `mark` on an 80x24 pseudo-terminal, and the peak RSS (MiB)."""
    if before:
        before()
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env or BASE_ENV)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    if not read_until(fd, mark, timeout=10):
        sys.exit(f"{' '.join(argv)} never drew {mark!r}")
    ms = (time.perf_counter() - t0) * 1000
    try:
        os.write(fd, quit_key)
        while select.select([fd], [], [], 1.0)[0]:
            os.read(fd, 65536)
    except OSError:
        pass
    _, _, ru = os.wait4(pid, 0)
    os.close(fd)
    return ms, ru.ru_maxrss / 1024


def peak(argv, env=None, mark=None):
    """Peak RSS (MiB) of `argv` alone, median of 5: /usr/bin/time runs it, because a process
    keeps its parent's peak across exec (a spawned child would report Python's own). With
    `mark`, on a pseudo-terminal until it is drawn."""
    out = os.path.join(OUT, "peak.txt")
    wrapped = ["/usr/bin/time", "-f", "%M", "-o", out, *argv]
    def once():
        in_pty(wrapped, mark, env=env) if mark else timed(wrapped, env=env)
        return int(open(out).read().split()[-1]) / 1024
    return statistics.median(once() for _ in range(5))


def paired(a, b, runs=20, warmup=2):
    """(median A ms, median B ms, median ratio, median A peak MiB) over interleaved runs."""
    for _ in range(warmup):
        a(); b()
    ta, tb, ratios, peaks = [], [], [], []
    for _ in range(runs):
        x, px = a(); y, _ = b()
        ta.append(x); tb.append(y); ratios.append(x / y); peaks.append(px)
    return statistics.median(ta), statistics.median(tb), statistics.median(ratios), statistics.median(peaks)


def alone(a, runs=10, warmup=1):
    for _ in range(warmup):
        a()
    r = [a() for _ in range(runs)]
    return statistics.median(x for x, _ in r), statistics.median(p for _, p in r)


rows = []
def row(what, a_ms, peer, b_ms, ratio, bar):
    rows.append(f"| {what} | {a_ms:.1f} ms | {peer} | {f'{b_ms:.1f} ms' if b_ms is not None else '—'} | "
                f"{f'{ratio:.2f}x' if ratio is not None else '—'} | {bar} |")


# The peer for start-up: a static Swift program importing Foundation.
hello = os.path.join(OUT, "hello")
with open(hello + ".swift", "w") as f:
    f.write('import Foundation\nprint("hello")\n')
subprocess.run(["swiftc", "-O", "-static-stdlib", hello + ".swift", "-o", hello], check=True, capture_output=True)

data = tempfile.mkdtemp(dir=OUT)
nt = lambda *args: [BIN, *args, "--data-dir", data]
a, b, r, _ = paired(lambda: timed([BIN, "--version"]), lambda: timed([hello]), runs=30)
row("`nettutor --version`", a, 'static Swift "hello"', b, r, "≤ 2× (aim 1×)")

body = os.path.join(OUT, "tcp-handshake-body.md")
text = open(os.path.join(ROOT, "Content/en/tcp-handshake.md"), encoding="utf-8").read()
open(body, "w", encoding="utf-8").write(text.split("\n---", 1)[1].split("\n", 1)[1])
lowdown = shutil.which("lowdown")
read_argv = nt("read", "tcp-handshake", "--plain", "--lang", "en", "--width", "80")
read_peak = peak(read_argv)
a, b, r, _ = paired(lambda: timed(read_argv),
                            lambda: timed([lowdown, "-Tterm", "--term-width=80", body]), runs=30)
row("`read tcp-handshake --plain`", a, "`lowdown -Tterm`", b, r, "≤ 3×")

title = text.split("title:", 1)[1].split("\n", 1)[0].strip().strip('"')
less = shutil.which("less")
first_line = next(l for l in open(body, "rb").read().split(b"\n") if l.strip())[:12]
less_env = dict(BASE_ENV, LESS="", LESSOPEN="", HOME=data)
a, b, r, _ = paired(lambda: in_pty(nt("read", "tcp-handshake", "--lang", "en"), title.encode()[:20]),
                    lambda: in_pty([less, body], first_line, env=less_env), runs=40)
row("first frame of a lesson in a pty, 80×24 (`read tcp-handshake`)", a, "`less` on its Markdown", b, r, "≤ 2× (aim 1.5×)")

# The TUI's home with a year of progress (100,000 answers), against vimtutor's first frame.
year_env = dict(BASE_ENV, XDG_CACHE_HOME=os.path.join(OUT, "cache-year"))
home = lambda d: in_pty([BIN, "--lang", "en", "--data-dir", d], b"Lessons (", env=year_env)
vt_home = tempfile.mkdtemp(dir=OUT)
vt_env = dict(BASE_ENV, LANG="C", LC_ALL="C", HOME=vt_home, TMPDIR=vt_home)
vimtutor = shutil.which("vimtutor")
home_peak = peak([BIN, "--lang", "en", "--data-dir", YEAR], env=year_env, mark=b"Lessons (")
a, b, r, _ = paired(lambda: home(YEAR), lambda: in_pty([vimtutor], b"T u t o r", env=vt_env, quit_key=b"\x1b:qa!\r"), runs=10)
row("TUI home first frame, a year of progress", a, "vimtutor", b, r, "≤ 30 ms")

# Generated content: 1,386 lessons x 2 languages and 19,932 questions.
cache = os.path.join(OUT, "cache-big")
big_env = dict(BASE_ENV, XDG_CACHE_HOME=cache)
drop = lambda: shutil.rmtree(cache, ignore_errors=True)
big = lambda *args: [BIN, *args, "--content", BIG, "--content-only", "--data-dir", data]
cold, _ = alone(lambda: timed(big("lessons", "--json"), env=big_env, before=drop), runs=5)
row("`lessons --json`, generated content, cold (no index)", cold, "—", None, None, "≤ 1 s")
warm, _ = alone(lambda: timed(big("lessons", "--json"), env=big_env), runs=20)
row("`lessons --json`, generated content, warm", warm, "—", None, None, "≤ 50 ms")
check, _ = alone(lambda: timed([BIN, "check", BIG], env=big_env, before=drop), runs=3)
row("`check` of the generated content, cold (no index: every file parsed)", check, "—", None, None, "≤ 2 s")
check, _ = alone(lambda: timed([BIN, "check", BIG], env=big_env), runs=5)
row("`check` of the generated content, warm", check, "—", None, None, "—")
dash, _ = alone(lambda: timed([BIN, "progress", "--json", "--data-dir", YEAR], env=year_env), runs=10)
dash_peak = peak([BIN, "progress", "--json", "--data-dir", YEAR], env=year_env)
row("`progress --json` at 100,000 answers", dash, "—", None, None, "≤ 50 ms")

# A capture of 1,000,000 packets (about 100 MB, scripts/gen-capture.py): its conversations
# against tshark's on the same file (issue 18).
capture = os.path.join(OUT, "big.pcap")
subprocess.run([sys.executable, os.path.join(ROOT, "scripts/gen-capture.py"), capture], check=True, capture_output=True)
tshark = shutil.which("tshark")
trace_peak = None
if tshark:
    trace_peak = peak([BIN, "trace", capture, "--list"])
    a, b, r, _ = paired(lambda: timed([BIN, "trace", capture, "--list"]), lambda: timed([tshark, "-q", "-z", "conv,tcp", "-r", capture]), runs=3, warmup=1)
    row("`trace --list` of 1,000,000 packets (98 MB)", a, "`tshark -q -z conv,tcp`", b, r, "≤ 2×, ≤ 64 MiB")

print("| what | nettutor | peer | peer time | ratio | must reach |")
print("|---|---|---|---|---|---|")
print("\n".join(rows))
print()
print(f"Peak memory (max RSS): `read --plain` {read_peak:.1f} MiB; TUI home with a year of progress {home_peak:.1f} MiB; "
      f"`progress --json` at 100,000 answers {dash_peak:.1f} MiB (bar: ≤ 16 MiB each)"
      + (f"; `trace --list` of 1,000,000 packets {trace_peak:.1f} MiB (bar: ≤ 64 MiB)" if trace_peak else ""))
