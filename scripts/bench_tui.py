"""TUI start-up to first frame, and idle CPU, on a real pseudo-terminal (80x24, UTF-8)."""
import fcntl, os, pty, select, shutil, statistics, struct, sys, tempfile, termios, time

BIN = sys.argv[1]
MARK = "Lessons (".encode()  # drawn in the first frame of the home screen


def spawn(data_dir):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execv(BIN, [BIN, "--lang", "en", "--data-dir", data_dir])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


def read_until(fd, mark, timeout=5.0):
    buf, end = b"", time.monotonic() + timeout
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                buf += os.read(fd, 65536)
            except OSError:
                break
            if mark in buf:
                return True
    return False


def stop(pid, fd):
    os.write(fd, b"q")
    try:
        read_until(fd, b"\x00", timeout=1.0)
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def cpu_ticks(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def startup_times(data, runs):
    """Milliseconds from exec to the home screen's first frame, `runs` times."""
    out = []
    for _ in range(runs):
        t0 = time.monotonic()
        pid, fd = spawn(data)
        if not read_until(fd, MARK):
            sys.exit("TUI did not draw its first frame")
        out.append((time.monotonic() - t0) * 1000)
        stop(pid, fd)
    return out


with tempfile.TemporaryDirectory() as data:
    times = startup_times(data, 15)
    print(f"TUI start-up to first frame (median of {len(times)}): {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f})")

    pid, fd = spawn(data)
    read_until(fd, MARK)
    time.sleep(0.5)
    before = cpu_ticks(pid)
    time.sleep(3)
    idle = cpu_ticks(pid) - before
    hz = os.sysconf("SC_CLK_TCK")
    print(f"TUI idle CPU over 3 s: {idle} ticks ({idle / hz * 1000:.0f} ms of CPU; 0 means blocked on input)")
    stop(pid, fd)


def spawn_play(scene, cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execv(BIN, [BIN, "play", scene, "--lang", "en"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd


def drain(fd, seconds):
    """Reads and discards output for `seconds`; returns how many bytes came."""
    end, n = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                n += len(os.read(fd, 65536))
            except OSError:
                return n
    return n


def wakeups(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("voluntary_ctxt_switches"):
            return int(line.split()[1])
    return 0


# The player at 200x60: CPU while playing (30 fps ticks) and while paused.
pid, fd = spawn_play("tcp-lost-final-ack", 200, 60)
read_until(fd, b"Scene:")
os.write(fd, b"--")  # slowest speed so the scene keeps playing through the measurement
drain(fd, 0.3)
os.write(fd, b" ")
drain(fd, 0.3)
c0, w0, t0 = cpu_ticks(pid), wakeups(pid), time.monotonic()
written = drain(fd, 3)
c1, w1, t1 = cpu_ticks(pid), wakeups(pid), time.monotonic()
hz = os.sysconf("SC_CLK_TCK")
print(f"player playing at 200x60: {100 * (c1 - c0) / hz / (t1 - t0):.1f}% of one core, {(w1 - w0) / (t1 - t0):.0f} wake-ups/s, {written / (t1 - t0) / 1024:.1f} KiB/s written to the terminal")
os.write(fd, b" ")  # pause
drain(fd, 0.5)
c0, w0, t0 = cpu_ticks(pid), wakeups(pid), time.monotonic()
drain(fd, 3)
c1, w1, t1 = cpu_ticks(pid), wakeups(pid), time.monotonic()
print(f"player paused: {100 * (c1 - c0) / hz / (t1 - t0):.1f}% of one core, {w1 - w0} wake-ups in {t1 - t0:.1f} s")
os.write(fd, b"q")
drain(fd, 0.5)
os.waitpid(pid, 0)
os.close(fd)

# Start-up with a big progress store (100,000 review-log rows), filled by `nettutor-bench store`
# (Benchmarks/; scripts/bench.sh builds it and sets NETTUTOR_BENCH).
import subprocess
BENCH = os.environ.get("NETTUTOR_BENCH") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "../Benchmarks/.build/release/nettutor-bench")
with tempfile.TemporaryDirectory() as big:
    print(subprocess.run([BENCH, "store", "--rows", "100000", "--keep", "--data-dir", big, "--content", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")],
                         capture_output=True, text=True).stdout, end="")
    big_times = startup_times(big, 10)
    print(f"TUI start-up with that store (median of {len(big_times)}): {statistics.median(big_times):.1f} ms")

# vimtutor's first frame, measured the same way, side by side with nettutor's.
if shutil.which("vimtutor"):
    vt = []
    for _ in range(10):
        with tempfile.TemporaryDirectory() as home:
            t0 = time.monotonic()
            pid, fd = pty.fork()
            if pid == 0:
                # The C locale: vimtutor then opens its English tutor without a "file not found" prompt.
                os.environ.update(TERM="xterm-256color", LANG="C", LC_ALL="C", HOME=home, TMPDIR=home)
                os.execvp("vimtutor", ["vimtutor"])
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            if not read_until(fd, b"T u t o r"):
                print("vimtutor did not draw its first frame"); break
            vt.append((time.monotonic() - t0) * 1000)
            os.write(fd, b"\x1b:qa!\r")
            drain(fd, 0.3)
            os.waitpid(pid, 0)
            os.close(fd)
    if vt:
        print(f"vimtutor start-up to first frame (median of {len(vt)}): {statistics.median(vt):.1f} ms; nettutor/vimtutor ratio {statistics.median(times) / statistics.median(vt):.2f}")
else:
    print("vimtutor not installed: no comparison")

# Peak memory during a scripted tour of every screen (max RSS from /usr/bin/time).
with tempfile.TemporaryDirectory() as tour:
    out = os.path.join(tour, "rss")
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execv("/usr/bin/time", ["/usr/bin/time", "-f", "%M", "-o", out, BIN, "--lang", "en", "--data-dir", tour])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    read_until(fd, MARK)
    steps = [b"\r", b" ", b" ", b"L", b"q",            # a lesson, paged, in Korean, back
             b"G", b"\r", b" ", b"j" * 6, b"q",         # the URL journey (last lab)
             b"k", b"\r", b"c", b" ", b"q",             # the cwnd lab in compare mode
             b"k", b"\r", b" ", b"q",                   # a sequence scene
             b"g", b"t", b"\r", b"\r", b"\x1b",       # a quiz
             b"s", b"q", b"q"]                           # the dashboard, then quit
    for k in steps:
        os.write(fd, k)
        drain(fd, 0.4)
    os.waitpid(pid, 0)
    os.close(fd)
    try:
        print(f"peak memory during a tour of every screen: {int(open(out).read().split()[-1]) / 1024:.1f} MiB")
    except (OSError, ValueError, IndexError):
        print("peak memory tour: no measurement")
