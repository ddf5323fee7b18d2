"""Child processes end with the process that started them, however it ends (``kill -9`` too).

On Linux a child asks the kernel for a signal when its parent ends (``prctl(PR_SET_PDEATHSIG)``):
between fork and exec for a subprocess (:func:`preexec`), right after the fork for a forked one
(:func:`die_with_parent`). The kernel sends it when the *thread* that started the child ends, so a
child meant to outlive one call is started from a thread that lives as long as it is needed (the
command's main thread, or the thread that waits for the child). A parent that ended between the
fork and the request is seen at once: the child then ends itself.

Elsewhere (no ``prctl``) these are no-ops; the crawler zygote also watches its control socket.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1

_prctl: Callable[..., int] | None = None
if sys.platform.startswith("linux"):
    try:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        _prctl = _libc.prctl
    except (OSError, AttributeError):
        _prctl = None


def available() -> bool:
    return _prctl is not None


def die_with_parent(sig: int = signal.SIGKILL, parent: int | None = None) -> None:
    """In a child just forked: have ``sig`` sent to this process when its parent ends. ``parent``:
    the parent's pid as the parent knew it before forking (a parent already gone is caught)."""
    if _prctl is None:
        return
    _prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), sig)


def preexec(sig: int = signal.SIGKILL) -> Callable[[], None] | None:
    """A ``preexec_fn`` for :class:`subprocess.Popen` that ties the child to this process (None
    where that cannot be done). It only makes one system call between fork and exec."""
    if _prctl is None:
        return None
    parent = os.getpid()

    def tie() -> None:
        die_with_parent(sig, parent)

    return tie
