"""File locks between orewire processes (flock): the warehouse writer and one crawl per source."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time


def acquire(fd: int, timeout: float) -> str | None:
    """Take an exclusive flock on ``fd``, waiting up to ``timeout`` seconds.

    Returns None once held (and notes this process's pid in the file), or, on time-out, who
    holds it ("pid N", as the holder wrote it).
    """
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            time.sleep(delay)
            delay = min(delay * 1.5, 1.0)
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
    return None


def release(fd: int) -> None:
    """Drop the lock and close the descriptor."""
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
