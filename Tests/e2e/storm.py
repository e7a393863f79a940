#!/usr/bin/env python3
"""Key storm: thousands of random keys (printable, Hangul, escape sequences, Ctrl keys) and
dozens of resizes from 1x1 to 300x100, sent through tmux to the real binary on every screen.
Quitting is allowed (the program is started again); a crash, a hang or a terminal left in a
bad state is a failure. Prints one line per screen and exits non-zero on any failure.

usage: storm.py NETTUTOR_BINARY [--keys N] [--seed S]
"""
import argparse, os, random, shutil, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("--keys", type=int, default=1500, help="keys per screen")
ap.add_argument("--seed", type=int, default=20261202)
args = ap.parse_args()
BIN = os.path.realpath(args.binary)
rng = random.Random(args.seed)
work = tempfile.mkdtemp(prefix="nettutor-storm-")
sock = f"nettutor-storm-{os.getpid()}"
T = ["tmux", "-L", sock, "-f", "/dev/null"]


def tmux(*a, check=True):
    return subprocess.run(T + list(a), capture_output=True, text=True, check=check)


NAMED = ["Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "BSpace", "Tab", "BTab", "Enter",
         "Escape", "DC", "IC", "F1", "F5", "F12"]
CTRL = [f"C-{c}" for c in "abdefghijklnopqrstuvwxy"]  # not C-c (quit) or C-z (suspend): tested apart
HANGUL = "가나다라마바사아자차카타파하흐름제어혼잡회피한국어네트워크"
PRINTABLE = [chr(c) for c in range(0x20, 0x7F)]


def storm_keys(n):
    """Batches of keys for send-keys: (literal?, key)."""
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.45:
            c = rng.choice(PRINTABLE)
            if c == "q" and rng.random() < 0.8:
                c = "w"
            out.append((True, c))
        elif r < 0.60:
            out.append((True, rng.choice(HANGUL)))
        elif r < 0.90:
            k = rng.choice(NAMED)
            if k == "Escape" and rng.random() < 0.8:
                k = "Down"
            out.append((False, k))
        else:
            out.append((False, rng.choice(CTRL)))
    return out


SCREENS = [
    ("home", []),
    ("reader", ["--lang", "ko", "read", "tcp-handshake"]),  # read on a terminal prints; the TUI is the default
    ("player", ["play", "tcp-lost-final-ack"]),
    ("cwnd lab", ["cwnd", "--compare"]),
    ("journey", ["journey"]),
    ("quiz", ["quiz", "tcp-vs-udp"]),
]

failures = 0
passed = 0
for name, extra in SCREENS:
    if name == "reader":
        continue  # the reader is reached from home (Enter) in the home storm
    data = os.path.join(work, name.replace(" ", "-"))
    exits = os.path.join(work, f"exits-{name.replace(' ', '-')}.log")
    cmd = " ".join([BIN, "--data-dir", data] + extra)
    # Restart after a clean quit; record every exit status.
    stty = os.path.join(work, f"stty-{name.replace(' ', '-')}")
    # Flow control off: a Ctrl-S that lands between two runs would otherwise stop the tty's
    # output (a terminal feature, not the program's), and the next start would block on it.
    # After every exit the terminal settings must be what they were before the first start.
    loop = (f"exec 2>>{stty}.err; stty -ixon; stty -a > {stty}.before; "
            f"while [ ! -f {work}/stop ]; do {cmd}; echo $? >> {exits}; stty -a >> {stty}.after; done")
    tmux("new-session", "-d", "-s", "storm", "-x", "80", "-y", "24",
         f"env -i PATH={os.environ.get('PATH', '/usr/bin:/bin')} HOME={work} TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 bash --norc --noprofile -c '{loop}'")
    tmux("set", "-g", "escape-time", "0")
    time.sleep(0.5)
    keys = storm_keys(args.keys)
    sizes = [(1, 1), (2, 3), (20, 5), (79, 23), (80, 24), (81, 25), (120, 40), (300, 100), (200, 60), (93, 27), (40, 12), (80, 24)]
    batch = 40
    for i in range(0, len(keys), batch):
        chunk = keys[i:i + batch]
        for literal, k in chunk:
            if literal:
                tmux("send-keys", "-t", "storm", "-l", k, check=False)
            else:
                tmux("send-keys", "-t", "storm", k, check=False)
        if (i // batch) % 2 == 1:
            w, h = rng.choice(sizes)
            tmux("resize-window", "-t", "storm", "-x", str(w), "-y", str(h), check=False)
    tmux("resize-window", "-t", "storm", "-x", "80", "-y", "24", check=False)
    time.sleep(0.5)
    # It must still answer: Ctrl-C ends the running instance within a few seconds.
    def running():
        return subprocess.run(["pgrep", "-f", f"^{BIN} --data-dir {data}"], capture_output=True).returncode == 0
    def pid():
        return subprocess.run(["pgrep", "-f", f"^{BIN} --data-dir {data}"], capture_output=True, text=True).stdout.split()
    # Keys still queued make it quit and start again; wait for one instance that stays up for a
    # second (a Ctrl-C that lands while a new one starts would hit the shell, not the program).
    open(f"{work}/stop", "w").close()
    for _ in range(15):
        first = pid()
        time.sleep(1.0)
        if pid() == first:
            break                # stable: one instance up for a second, or none left
    alive = running()
    pre = tmux("capture-pane", "-p", "-t", "storm", check=False).stdout
    procs = subprocess.run(["ps", "-eo", "pid,stat,args"], capture_output=True, text=True).stdout
    procs = "\n".join(l for l in procs.splitlines() if data in l)
    if os.environ.get("STORM_DEBUG"):
        pid = subprocess.run(["pgrep", "-f", f"^{BIN} --data-dir {data}"], capture_output=True, text=True).stdout.split()
        if pid:
            procs += subprocess.run(["gdb", "-p", pid[0], "-batch", "-ex", "bt 15"], capture_output=True, text=True).stdout[-3000:]
    tmux("send-keys", "-t", "storm", "C-c", check=False)
    ended = False
    for _ in range(50):
        if not running():
            ended = True
            break
        time.sleep(0.1)
    time.sleep(0.2)
    statuses = open(exits).read().split() if os.path.exists(exits) else []
    bad = [s for s in statuses if s != "0"]
    # Compare the settings, not the first line (it holds the window size, which the storm changes).
    def settings(text):
        return text.split("\n", 1)[1] if "\n" in text else text
    before_stty = settings(open(stty + ".before").read())
    after = open(stty + ".after").read() if os.path.exists(stty + ".after") else ""
    runs = [settings("speed " + chunk) for chunk in after.split("speed ")[1:]]
    restored = all(r == before_stty for r in runs)
    screen = tmux("capture-pane", "-p", "-t", "storm", check=False).stdout
    tmux("kill-server", check=False)
    subprocess.run(["pkill", "-KILL", "-f", f"^{BIN} --data-dir {data}"], capture_output=True)
    os.remove(f"{work}/stop")
    if not ended:
        failures += 1
        print(f"  FAIL storm on {name}: did not end on Ctrl-C after {args.keys} keys (hung?)")
        print("       | " + screen.replace("\n", "\n       | ")[:2000])
    elif bad:
        failures += 1
        print(f"  FAIL storm on {name}: exit statuses {statuses} (a crash is any status but 0)")
    elif not restored:
        failures += 1
        print(f"  FAIL storm on {name}: the terminal settings (stty -a) were not restored")
        bad_runs = [r for r in runs if r != before_stty]
        if bad_runs:
            open(stty + ".bad", "w").write(bad_runs[0])
            open(stty + ".good", "w").write(before_stty)
            print(subprocess.run(["diff", stty + ".good", stty + ".bad"], capture_output=True, text=True).stdout)
        else:
            print(f"       (no stty after: the loop did not finish; alive before Ctrl-C: {alive}, statuses {statuses[-5:]})")
            print("       stderr: " + open(stty + ".err").read()[-800:] if os.path.exists(stty + ".err") else "")
            print("       before Ctrl-C:\n" + pre[-1200:] + "\n" + procs)
            print("       | " + screen.replace("\n", "\n       | ")[-1500:])
    else:
        passed += 1
        print(f"  ok   storm on {name}: {args.keys} keys and resizes, {len(statuses)} clean exit(s), terminal restored{'' if alive else ' (ended by a key before Ctrl-C)'}")

if not failures:
    shutil.rmtree(work, ignore_errors=True)
print(f"storm: {passed} passed, {failures} failed")
sys.exit(1 if failures else 0)
