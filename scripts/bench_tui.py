"""TUI start-up to first frame, and idle CPU, on a real pseudo-terminal (80x24, UTF-8)."""
import fcntl, os, pty, select, shutil, statistics, struct, sys, tempfile, termios, time
from pty_wait import read_until

BIN = sys.argv[1]
MARK = "Lessons (".encode()  # drawn in the first frame of the home screen


def spawn(data_dir):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execv(BIN, [BIN, "--lang", "en", "--data-dir", data_dir])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return pid, fd


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

# Peak memory per screen: a fresh tutor opened on a 120x40 terminal, taken to the screen, left
# there a moment, then quit; its max RSS as /usr/bin/time reports it (a forked child keeps
# Python's own peak across exec, so os.wait4 would report at least that).
SCREENS = [("home", []), ("lesson reader", [b"\r", b" "]), ("URL journey", [b"G", b"\r", b" "]),
           ("cwnd lab (compare)", [b"G", b"k", b"\r", b"c"]), ("sequence scene", [b"G", b"k", b"k", b"\r", b" "]),
           ("quiz", [b"g", b"t", b"\r"]), ("dashboard", [b"s"]), ("glossary", [b"w"])]
peaks = []
for name, keys in SCREENS:
    with tempfile.TemporaryDirectory() as d:
        pid, fd = pty.fork()
        if pid == 0:
            os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
            os.execv("/usr/bin/time", ["/usr/bin/time", "-f", "%M", "-o", d + "/peak.txt", BIN, "--lang", "en", "--data-dir", d])
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        read_until(fd, MARK)
        for k in keys:
            os.write(fd, k)
            drain(fd, 0.3)
        drain(fd, 0.3)
        try:
            for _ in range(6):
                os.write(fd, b"\x1bq")
                drain(fd, 0.1)
            os.write(fd, b"\x03")
        except OSError:
            pass
        drain(fd, 0.3)
        os.waitpid(pid, 0)
        os.close(fd)
        peaks.append(f"{name} {int(open(d + '/peak.txt').read().split()[-1]) / 1024:.1f}")
print("peak memory (max RSS, MiB) per screen: " + ", ".join(peaks))

# trace --live idle (root only): the player polls the capture every 250 ms; tcpdump on the same
# interface and filter beside it, both over 5 s with no matching packet.
def all_wakeups(pid):
    """Voluntary context switches of every thread of the process."""
    total = 0
    for t in os.listdir(f"/proc/{pid}/task"):
        for line in open(f"/proc/{pid}/task/{t}/status"):
            if line.startswith("voluntary_ctxt_switches"):
                total += int(line.split()[1])
    return total


if os.geteuid() == 0 and shutil.which("tcpdump"):
    import subprocess
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        os.execv(BIN, [BIN, "trace", "--live", "--filter", "tcp port 9", "--lang", "en"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    read_until(fd, b"Live capture")
    drain(fd, 0.5)
    c0, w0, t0 = cpu_ticks(pid), all_wakeups(pid), time.monotonic()
    drain(fd, 5)
    c1, w1, t1 = cpu_ticks(pid), all_wakeups(pid), time.monotonic()
    os.write(fd, b"q")
    drain(fd, 0.5)
    os.waitpid(pid, 0)
    os.close(fd)
    dump = subprocess.Popen(["tcpdump", "-i", "lo", "-w", "/dev/null", "tcp port 9"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    d0, dw0, s0 = cpu_ticks(dump.pid), all_wakeups(dump.pid), time.monotonic()
    time.sleep(5)
    d1, dw1, s1 = cpu_ticks(dump.pid), all_wakeups(dump.pid), time.monotonic()
    dump.terminate(); dump.wait()
    print(f"trace --live idle on lo over 5 s: {c1 - c0} CPU ticks, {(w1 - w0) / (t1 - t0):.0f} wake-ups/s (all threads: the player polls 4 times a second, the capture thread's idle wait times out once a second); "
          f"tcpdump -i lo: {d1 - d0} ticks, {(dw1 - dw0) / (s1 - s0):.0f} wake-ups/s")
