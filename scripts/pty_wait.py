"""Waiting for a program's output on a pseudo-terminal (shared by the benchmark scripts)."""
import os, select, time


def read_until(fd, mark, timeout=5.0):
    """Reads `fd` until `mark` has appeared (True) or `timeout` seconds passed (False)."""
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
